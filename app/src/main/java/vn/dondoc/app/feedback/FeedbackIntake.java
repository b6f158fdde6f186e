package vn.dondoc.app.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.InvalidFieldsException;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;

/**
 * A feedback case started with the start form (Tasklist's "Start process"): the same checks as
 * POST /api/v1/feedback, refused with the form's labels when they fail (nothing is stored, the case does
 * not start), else the record is made and the personal values leave the process's variables.
 */
@Component(FeedbackHandling.Intake.BEAN)
class FeedbackIntake implements FeedbackHandling.Intake {

  /** Form values that live in the record only (the content, the sender's details). */
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private static final List<String> RECORD_ONLY = List.of(
      Var.CONTENT, Var.SENDER_NAME, Var.SENDER_EMAIL, Var.SENDER_PHONE, Var.CONSENT_TO_PUBLISH);

  private final FeedbackService service;
  private final ObjectMapper json;
  private final Validator validator;
  private final MessageSource messages;
  private final IdentityService identity;
  private final Map<String, String> labelByApiField = new HashMap<>();

  FeedbackIntake(
      FeedbackService service,
      ObjectMapper json,
      Validator validator,
      MessageSource messages,
      IdentityService identity,
      FeedbackStartForm startForm) {
    this.service = service;
    this.json = json;
    this.validator = validator;
    this.messages = messages;
    this.identity = identity;
    for (JsonNode component : startForm.original().path("components")) {
      String apiField = FeedbackStartForm.API_FIELDS.get(component.path("key").asText());
      if (apiField != null) {
        labelByApiField.put(apiField, component.path("label").asText());
      }
    }
  }

  @Override
  public void receive(DelegateExecution execution) {
    if (execution.getVariable(Var.FEEDBACK_ID) != null) {
      return; // started by the API, which stored the record first
    }
    // Refusals in the form's language: the engine's REST API carries no page language, and Bean
    // Validation
    // words its messages in LocaleContextHolder's locale.
    LocaleContext before = LocaleContextHolder.getLocaleContext();
    LocaleContextHolder.setLocale(VIETNAMESE);
    try {
      receiveFromForm(execution);
    } finally {
      LocaleContextHolder.setLocaleContext(before);
    }
  }

  private void receiveFromForm(DelegateExecution execution) {
    Map<String, Object> body = new LinkedHashMap<>();
    FeedbackStartForm.API_FIELDS.forEach(
        (key, path) -> put(body, path, execution.getVariable(key)));
    FeedbackSubmission submission;
    try {
      submission = json.convertValue(body, FeedbackSubmission.class);
    } catch (IllegalArgumentException unreadable) {
      throw new Refused(
          messages.getMessage("validation.value.invalid", null, LocaleContextHolder.getLocale()));
    }
    List<String> problems = new ArrayList<>();
    for (ConstraintViolation<FeedbackSubmission> violation : validator.validate(submission)) {
      problems.add(labelled(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new Refused(String.join("; ", problems.stream().sorted().toList()));
    }
    try {
      service.receiveStarted(execution, submission, startedBy());
    } catch (InvalidFieldException invalid) {
      // the locality and the contact are checked together: say every refusal
      List<InvalidFieldException> all =
          invalid instanceof InvalidFieldsException several ? several.all() : List.of(invalid);
      throw new Refused(String.join(
          "; ",
          all.stream()
              .map(one -> labelled(
                  one.field(),
                  messages.getMessage(
                      one.messageKey(), one.arguments(), LocaleContextHolder.getLocale())))
              .toList()));
    }
    RECORD_ONLY.forEach(execution::removeVariable);
  }

  private String startedBy() {
    Authentication current = identity.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  /** "Tiêu đề là bắt buộc", as the portal words it; an error about the whole contact stands alone. */
  private String labelled(String apiField, String message) {
    String label = labelByApiField.get(apiField);
    return label == null
        ? Character.toUpperCase(message.charAt(0)) + message.substring(1)
        : label + " " + message;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> body, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> target = body;
    for (int i = 0; i < parts.length - 1; i++) {
      target = (Map<String, Object>)
          target.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
    }
    target.put(
        parts[parts.length - 1], value instanceof String text && text.isBlank() ? null : value);
  }

  /** Tasklist shows the message to the person who filled in the form. */
  static class Refused extends ProcessEngineException {
    Refused(String message) {
      super(message);
    }
  }
}
