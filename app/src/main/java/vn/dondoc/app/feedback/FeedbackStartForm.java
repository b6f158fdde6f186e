package vn.dondoc.app.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.cases.CodedValue;
import vn.dondoc.app.cases.Labels;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;

/**
 * The start form of the feedback process ({@code forms/feedback-submission.form}, the form Tasklist shows on
 * the start event) as the public portal renders it with form-js: its lists filled from the closed lists and
 * the reference data, labelled in the page's language, and its texts in English when the page is English
 * (keys {@code form.feedback-submission.<key>.label|description} of messages.properties; the form itself is
 * Vietnamese). It also says which field of POST /api/v1/feedback each form key fills.
 */
@Component
public class FeedbackStartForm {

  public static final String RESOURCE = "forms/" + FeedbackHandling.START_FORM + ".form";
  static final String MESSAGE_PREFIX = "form." + FeedbackHandling.START_FORM + ".";

  /** Form key → field of {@link FeedbackSubmission} in the API's JSON (dotted: inside {@code contact}). */
  public static final Map<String, String> API_FIELDS = apiFields();

  /** API errors about a whole object, and the form key they stand next to: "reach me somehow" by the e-mail. */
  public static final Map<String, String> API_ERROR_FIELDS = Map.of("contact", Var.SENDER_EMAIL);

  private final ObjectMapper json;
  private final MessageSource messages;
  private final Labels labels;
  private final ReferenceData reference;
  private final JsonNode form;

  FeedbackStartForm(
      ObjectMapper json, MessageSource messages, Labels labels, ReferenceData reference) {
    this.json = json;
    this.messages = messages;
    this.labels = labels;
    this.reference = reference;
    this.form = read(json);
  }

  /** The schema for a page in {@code locale}: a fresh copy each time, so callers may not spoil the original. */
  public JsonNode schema(Locale locale) {
    ObjectNode schema = form.deepCopy();
    boolean english = "en".equals(locale.getLanguage());
    for (JsonNode component : schema.path("components")) {
      ObjectNode c = (ObjectNode) component;
      String key = c.path("key").asText(null);
      if (key == null) {
        continue;
      }
      if (english) {
        translate(c, key, "label");
        translate(c, key, "description");
      }
      List<Map<String, String>> options = optionsOf(key);
      if (options != null) {
        c.set("values", json.valueToTree(options));
      }
    }
    return schema;
  }

  /** The original text of the form: Vietnamese labels and descriptions, lists as Tasklist shows them. */
  public JsonNode original() {
    return form.deepCopy();
  }

  /** The form's lists come from the same source as the API's checks, so a new locality needs no form edit. */
  private List<Map<String, String>> optionsOf(String key) {
    return switch (key) {
      case Var.FEEDBACK_TYPE -> labelled(FeedbackType.values());
      case Var.FIELD -> labelled(FeedbackField.values());
      case Var.LOCALITY ->
        reference.localities().stream().map(l -> option(l.name(), l.code())).toList();
      default -> null;
    };
  }

  private List<Map<String, String>> labelled(CodedValue[] values) {
    return Arrays.stream(values)
        .map(labels::of)
        .map(l -> option(l.label(), l.code()))
        .toList();
  }

  private static Map<String, String> option(String label, String value) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("label", label);
    option.put("value", value);
    return option;
  }

  private void translate(ObjectNode component, String key, String property) {
    if (component.hasNonNull(property)) {
      String english =
          messages.getMessage(MESSAGE_PREFIX + key + "." + property, null, null, Locale.ENGLISH);
      if (english != null) {
        component.put(property, english);
      }
    }
  }

  private static JsonNode read(ObjectMapper json) {
    try (InputStream in = FeedbackStartForm.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath (module forms)");
      }
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> apiFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(Var.FEEDBACK_TYPE, "type");
    fields.put(Var.FIELD, "field");
    fields.put(Var.LOCALITY, "locality");
    fields.put(Var.TITLE, "title");
    fields.put(Var.CONTENT, "content");
    fields.put(Var.SENDER_NAME, "contact.name");
    fields.put(Var.SENDER_EMAIL, "contact.email");
    fields.put(Var.SENDER_PHONE, "contact.phone");
    fields.put(Var.CONSENT_TO_PUBLISH, "consentToPublish");
    return java.util.Collections.unmodifiableMap(fields);
  }
}
