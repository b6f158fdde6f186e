package vn.dondoc.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.IllegalTransactionStateException;
import vn.dondoc.app.support.Messages;

/** The engine REST API's answer when the database cannot be reached. */
class EngineRestConfigTest {

  private final EngineRestConfig.DatabaseOutageMapper mapper =
      new EngineRestConfig.DatabaseOutageMapper(Messages.source());

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void anExhaustedPoolIsA503WithRetryAfterInTheCallersLanguage() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    Response response = mapper.toResponse(new CannotCreateTransactionException(
        "Could not open JDBC Connection for transaction",
        new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 5014ms")));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
    Map<?, ?> body = (Map<?, ?>) response.getEntity();
    assertThat(body.get("type")).isEqualTo("ServiceUnavailable");
    assertThat((String) body.get("message")).startsWith("Hệ thống đang quá tải");
  }

  @Test
  void anyOtherTransactionFailureStaysA500() {
    Response response = mapper.toResponse(new IllegalTransactionStateException("no transaction"));

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getHeaderString("Retry-After")).isNull();
    assertThat(((Map<?, ?>) response.getEntity()).get("type"))
        .isEqualTo("IllegalTransactionStateException");
  }
}
