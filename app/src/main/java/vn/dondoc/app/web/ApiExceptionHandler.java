package vn.dondoc.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is RFC 7807 problem JSON in the caller's language. Input errors name the offending
 * fields in {@code errors: [{field, message}]} so that a form can mark them.
 */
@RestControllerAdvice(basePackages = "vn.dondoc.app")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  /** One field the caller must correct. */
  record FieldError(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
        .toList();
    return ResponseEntity.badRequest().body(invalidInput(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    FieldError error;
    if (e.getCause() instanceof JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."))
          .replace(".[", "[");
      error = new FieldError(field, message("validation.value.invalid"));
    } else if (e.getCause() instanceof JsonProcessingException) {
      error = new FieldError("body", message("validation.json.malformed"));
    } else {
      error = new FieldError("body", message("validation.body.missing"));
    }
    return ResponseEntity.badRequest().body(invalidInput(List.of(error)));
  }

  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
    List<InvalidFieldException> all =
        e instanceof InvalidFieldsException several ? several.all() : List.of(e);
    return ResponseEntity.badRequest()
        .body(invalidInput(all.stream()
            .map(f -> new FieldError(f.field(), message(f.messageKey(), f.arguments())))
            .toList()));
  }

  @ExceptionHandler(CaseNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(CaseNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", message("case.not-found", e.code()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", message(e.messageKey()));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", message(e.messageKey()));
  }

  /** A model's listener refused the user (e.g. a reviewer from the submitting agency): nothing was changed. */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
  }

  /** A model's listener or step refused what was sent (e.g. an incomplete score sheet): nothing was changed. */
  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<ProblemDetail> refusedByTheProcess(BadUserRequestException e) {
    return ResponseEntity.badRequest()
        .body(Problems.of(
            HttpStatus.BAD_REQUEST,
            "invalid-input",
            message("problem.invalid.title"),
            e.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "conflict", message(e.messageKey()));
  }

  /**
   * Two requests changed the same case at once (two reviewers deciding one report): the engine or the
   * database let one win and rolled the other back, which is told to retry after reloading, as a 409.
   */
  @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
  ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "conflict", message("conflict.concurrent-change"));
  }

  /**
   * No database connection in time (the pool is exhausted or PostgreSQL restarts): nothing was written,
   * the caller may retry. A 503 with Retry-After rather than a 500.
   */
  @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
    return unavailable(new ServiceUnavailableException("database.unavailable", e));
  }

  /**
   * The connection broke in the middle of the request (PostgreSQL restarted): the transaction rolled back,
   * so this is the same 503 as above. Anything else propagates as before.
   */
  @ExceptionHandler({
    DataAccessException.class,
    TransactionException.class,
    ProcessEngineException.class
  })
  ResponseEntity<ProblemDetail> connectionLost(RuntimeException e) {
    if (!DatabaseOutage.causedBy(e)) {
      throw e;
    }
    return databaseUnavailable(e);
  }

  @ExceptionHandler(ServiceUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException e) {
    ResponseEntity<ProblemDetail> response =
        problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", message(e.messageKey()));
    return ResponseEntity.status(response.getStatusCode())
        .header(HttpHeaders.RETRY_AFTER, ServiceUnavailableException.RETRY_AFTER_SECONDS)
        .body(response.getBody());
  }

  /** A problem of type https://dondoc.vn/problems/{kind}, titled by message problem.{kind}.title. */
  private ResponseEntity<ProblemDetail> problem(HttpStatus status, String kind, String detail) {
    return ResponseEntity.status(status)
        .body(Problems.of(status, kind, message("problem." + kind + ".title"), detail));
  }

  private ProblemDetail invalidInput(List<FieldError> errors) {
    String fields =
        errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
    ProblemDetail problem = Problems.of(
        HttpStatus.BAD_REQUEST,
        "invalid-input",
        message("problem.invalid.title"),
        message("problem.invalid.detail", fields));
    problem.setProperties(Map.of("errors", errors));
    return problem;
  }

  private String message(String key, Object... arguments) {
    Locale locale = LocaleContextHolder.getLocale();
    return messages.getMessage(key, arguments, key, locale);
  }
}
