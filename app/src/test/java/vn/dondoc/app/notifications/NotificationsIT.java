package vn.dondoc.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;

/** Writing notifications; e-mail without an SMTP server (the shared test context has none). */
class NotificationsIT extends IntegrationTest {

  @Autowired
  NotificationService notifications;

  @Autowired
  MailRelay relay;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  JdbcClient jdbc;

  static String caseCode() {
    return "NT-" + Feedback.marker();
  }

  @Test
  void theSameNotificationTwiceIsStoredOnce() {
    String code = caseCode();

    Boolean first = transaction.execute(
        s -> notifications.notifyGroup(code, "TEST", "agencies/bkhcn", "Chủ đề", "Nội dung"));
    Boolean again = transaction.execute(
        s -> notifications.notifyGroup(code, "TEST", "agencies/bkhcn", "Chủ đề", "Nội dung"));
    Boolean otherRecipient = transaction.execute(
        s -> notifications.notifyUser(code, "TEST", "canbo.bkhcn", "Chủ đề", "Nội dung"));

    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(otherRecipient).isTrue();
    assertThat(jdbc.sql("select count(*) from notification where case_code = ?")
            .param(code)
            .query(Long.class)
            .single())
        .isEqualTo(2);
  }

  @Test
  void aNotificationIsWrittenOnlyInTheTransactionOfWhatCausedIt() {
    String code = caseCode();

    assertThatThrownBy(() ->
            notifications.notifyEmail(code, "TEST", "nguoigui@example.vn", "Chủ đề", "Nội dung"))
        .isInstanceOf(IllegalTransactionStateException.class);
    transaction.executeWithoutResult(status -> {
      notifications.notifyEmail(code, "TEST", "nguoigui@example.vn", "Chủ đề", "Nội dung");
      status.setRollbackOnly();
    });

    assertThat(jdbc.sql("select count(*) from notification where case_code = ?")
            .param(code)
            .query(Long.class)
            .single())
        .isZero();
  }

  @Test
  void withoutAnSmtpServerEmailsWaitAndTheHealthSaysSo() {
    String code = caseCode();
    transaction.executeWithoutResult(
        s -> notifications.notifyEmail(code, "TEST", "nguoigui@example.vn", "Chủ đề", "Nội dung"));

    relay.relay();

    assertThat(relay.enabled()).isFalse();
    Map<String, Object> mail = jdbc.sql(
            "select email_state, email_attempts from notification where case_code = ?")
        .param(code)
        .query()
        .singleRow();
    assertThat(mail).containsEntry("email_state", "PENDING").containsEntry("email_attempts", 0);
    JsonNode health = api()
        .get("/actuator/health", Api.token("quantri"))
        .json()
        .path("components")
        .path("mailRelay");
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("details").path("sending").asText()).startsWith("disabled");
    assertThat(health.path("details").path("pending").asLong()).isPositive();
  }
}
