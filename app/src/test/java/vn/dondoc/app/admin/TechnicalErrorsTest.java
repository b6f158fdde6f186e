package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kinds of trouble the operations page names in words, read from the texts mail servers and jobs leave. */
class TechnicalErrorsTest {

  @Test
  void aMailServerThatCannotBeReachedOrDoesNotAnswer() {
    assertThat(TechnicalErrors.of("Couldn't connect to host, port: 127.0.0.1, 2525; timeout -1"))
        .isEqualTo(TechnicalErrors.CONNECTION);
    assertThat(
            TechnicalErrors.of(
                "Mail server connection failed. Failed messages: java.net.ConnectException: Connection refused"))
        .isEqualTo(TechnicalErrors.CONNECTION);
    assertThat(TechnicalErrors.of("Read timed out")).isEqualTo(TechnicalErrors.TIMEOUT);
  }

  @Test
  void aRefusedSignInOrAddress() {
    assertThat(TechnicalErrors.of("535 5.7.8 Authentication credentials invalid"))
        .isEqualTo(TechnicalErrors.AUTHENTICATION);
    assertThat(TechnicalErrors.of(
            "550 5.1.1 <x@example.vn>: Recipient address rejected: User unknown"))
        .isEqualTo(TechnicalErrors.RECIPIENT_REJECTED);
  }

  @Test
  void searchDownAndEverythingElse() {
    assertThat(TechnicalErrors.of("Elasticsearch did not answer: Connection refused"))
        .isEqualTo(TechnicalErrors.SEARCH_UNAVAILABLE);
    assertThat(TechnicalErrors.of("Unknown property used in expression: ${foo}"))
        .isEqualTo(TechnicalErrors.OTHER);
    assertThat(TechnicalErrors.of(null)).isEqualTo(TechnicalErrors.OTHER);
    // a number that merely contains 550 is no SMTP refusal
    assertThat(TechnicalErrors.of("case 15501 failed")).isEqualTo(TechnicalErrors.OTHER);
  }

  @Test
  void everyKindHasItsWords() {
    for (TechnicalErrors kind : TechnicalErrors.values()) {
      assertThat(kind.messageKey()).startsWith("staff.admin.ops.error.");
    }
  }
}
