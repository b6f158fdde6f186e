package vn.dondoc.app.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The engine's REST API (/engine-rest, used by Tasklist and the staff's clients) as Camunda configures it, and
 * one answer more: when no database connection can be had (the pool exhausted under load, PostgreSQL
 * restarting) the engine fails with Spring's TransactionException, which Camunda's catch-all answers 500. Our
 * own API answers that 503 with Retry-After (ApiExceptionHandler); so does the engine's now.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

  private final MessageSource messages;

  EngineRestConfig(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  protected void registerAdditionalResources() {
    register(new DatabaseOutageMapper(messages));
  }

  /** Spring's transaction failures (more specific than Camunda's catch-all for Exception, so Jersey picks this). */
  static final class DatabaseOutageMapper implements ExceptionMapper<TransactionException> {

    private final MessageSource messages;

    DatabaseOutageMapper(MessageSource messages) {
      this.messages = messages;
    }

    @Override
    public Response toResponse(TransactionException e) {
      if (!DatabaseOutage.causedBy(e)) {
        // What Camunda's catch-all answers: 500 with the exception's type and message.
        return json(
                Response.Status.INTERNAL_SERVER_ERROR, e.getClass().getSimpleName(), e.getMessage())
            .build();
      }
      Locale locale = LocaleContextHolder.getLocale();
      return json(
              Response.Status.SERVICE_UNAVAILABLE,
              "ServiceUnavailable",
              messages.getMessage("database.unavailable", null, "database.unavailable", locale))
          .header("Retry-After", ServiceUnavailableException.RETRY_AFTER_SECONDS)
          .build();
    }

    private static Response.ResponseBuilder json(
        Response.Status status, String type, String message) {
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", type, "message", message == null ? "" : message));
    }
  }
}
