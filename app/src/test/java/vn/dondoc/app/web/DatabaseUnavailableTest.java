package vn.dondoc.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** No connection from the pool in time is a 503 the caller may retry, not a 500. */
class DatabaseUnavailableTest {

  @Test
  void anExhaustedPoolIsAnsweredWith503AndRetryAfter() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    ResponseEntity<ProblemDetail> answer;
    try {
      answer = new ApiExceptionHandler(messages)
          .databaseUnavailable(new CannotGetJdbcConnectionException(
              "Connection is not available, request timed out"));
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    assertThat(answer.getBody().getDetail()).contains("thử lại");
  }
}
