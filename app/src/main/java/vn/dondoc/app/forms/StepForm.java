package vn.dondoc.app.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.dondoc.app.web.FieldProblems;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * One human step's Camunda Form ({@code forms/<id>.form}) as the contract of that step: the page renders
 * it with form-js, and {@link #validate} checks a submission against the same definition (required,
 * type, length, range, pattern, options, and which fields its conditions show) before anything reaches
 * the engine. Only the writable fields it declares become variables; read-only fields, hidden fields
 * and anything else a client sends are never written.
 */
public final class StepForm {

  /** Field types a step form may use; a form with another keyed type is refused when loaded. */
  static final Set<String> INPUT_TYPES = Set.of(
      "textfield",
      "textarea",
      "number",
      "select",
      "radio",
      "checkbox",
      "checklist",
      "taglist",
      "datetime");

  private static final Set<String> LISTS = Set.of("checklist", "taglist");
  private static final Set<String> CHOICES = Set.of("select", "radio", "checklist", "taglist");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /** A keyed field of the form, with its checks and the conditions (its own and its groups') that hide it. */
  public record Field(
      String key,
      String type,
      String label,
      boolean writable,
      boolean required,
      Integer minLength,
      Integer maxLength,
      BigDecimal min,
      BigDecimal max,
      Integer decimalDigits,
      Pattern pattern,
      boolean email,
      List<String> values,
      List<FormCondition> hiddenWhen) {

    boolean hidden(Map<String, Object> data) {
      return hiddenWhen.stream().anyMatch(condition -> condition.holds(data));
    }

    boolean isChoice() {
      return CHOICES.contains(type);
    }
  }

  private final String id;
  private final JsonNode schema;
  private final List<Field> fields;

  StepForm(JsonNode schema) {
    this.id = schema.path("id").asText();
    this.schema = schema;
    List<Field> found = new ArrayList<>();
    collect(schema.path("components"), List.of(), found);
    this.fields = List.copyOf(found);
  }

  public String id() {
    return id;
  }

  public List<Field> fields() {
    return fields;
  }

  /** A field by its key, for a page that lays the form out itself and takes its limits from here. */
  public Field field(String key) {
    return fields.stream()
        .filter(f -> f.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("form " + id + " has no field " + key));
  }

  /** The keys the step may write. */
  public List<String> writableKeys() {
    return fields.stream().filter(Field::writable).map(Field::key).toList();
  }

  /** The keys the form shows (read-only ones included): the variables a page reads to render it. */
  public List<String> keys() {
    return fields.stream().map(Field::key).distinct().toList();
  }

  /**
   * The schema to render, its choice lists replaced where the server supplies them (agencies, experts:
   * the same lists {@link #validate} accepts). A fresh copy each time.
   */
  public JsonNode schema(Map<String, List<Option>> options) {
    JsonNode copy = schema.deepCopy();
    replaceValues(copy.path("components"), options);
    return copy;
  }

  /** A choice as form-js lists it. */
  public record Option(String value, String label) {}

  /**
   * Checks a submission and returns the variables to write: every visible writable field, typed as the
   * engine keeps it (text, whole or decimal number, boolean, list of text; dates as yyyy-MM-dd). All
   * problems are reported at once.
   *
   * @param submitted what the page sent (form-js data); keys the step does not declare writable are ignored
   * @param current the variables the form was rendered with (its conditions may read them)
   * @param options server-supplied choice lists by key (override the form's own)
   */
  public Map<String, Object> validate(
      Map<String, Object> submitted,
      Map<String, Object> current,
      Map<String, List<Option>> options) {
    Map<String, Object> data = new LinkedHashMap<>(current);
    for (Field field : fields) {
      if (field.writable() && submitted.containsKey(field.key())) {
        data.put(field.key(), submitted.get(field.key()));
      }
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    FieldProblems problems = new FieldProblems();
    for (Field field : fields) {
      if (field.writable() && !field.hidden(data)) {
        problems.check(() -> variables.put(
            field.key(), value(field, submitted.get(field.key()), allowed(field, options))));
      }
    }
    problems.throwIfAny();
    return variables;
  }

  private static List<String> allowed(Field field, Map<String, List<Option>> options) {
    List<Option> supplied = options.get(field.key());
    return supplied != null ? supplied.stream().map(Option::value).toList() : field.values();
  }

  private static Object value(Field field, Object raw, List<String> allowed) {
    if (LISTS.contains(field.type())) {
      return list(field, raw, allowed);
    }
    if ("checkbox".equals(field.type())) {
      boolean checked = raw instanceof Boolean b ? b : raw != null && "true".equals(raw.toString());
      if (raw != null
          && !(raw instanceof Boolean)
          && !"true".equals(raw.toString())
          && !"false".equals(raw.toString())) {
        throw new InvalidFieldException(field.key(), "work.form.invalid");
      }
      if (field.required() && !checked) {
        throw new InvalidFieldException(field.key(), "work.form.required");
      }
      return checked;
    }
    if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
      throw new InvalidFieldException(field.key(), "work.form.invalid");
    }
    String text = raw == null ? "" : raw.toString().strip();
    if (text.isEmpty()) {
      if (field.required()) {
        throw new InvalidFieldException(field.key(), "work.form.required");
      }
      return null;
    }
    return switch (field.type()) {
      case "number" -> number(field, text);
      case "datetime" -> date(field, text);
      case "select", "radio" -> {
        if (!allowed.contains(text)) {
          throw new InvalidFieldException(field.key(), "work.form.option");
        }
        yield text;
      }
      default -> text(field, text);
    };
  }

  private static String text(Field field, String text) {
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      throw new InvalidFieldException(
          field.key(), "work.form.max-length", field.maxLength(), text.length());
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      throw new InvalidFieldException(field.key(), "work.form.min-length", field.minLength());
    }
    if (field.email() && !EMAIL.matcher(text).matches()) {
      throw new InvalidFieldException(field.key(), "work.form.email");
    }
    if (field.pattern() != null && !field.pattern().matcher(text).find()) {
      throw new InvalidFieldException(field.key(), "work.form.pattern");
    }
    return text;
  }

  private static Object number(Field field, String text) {
    BigDecimal number;
    try {
      number = new BigDecimal(text.replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(field.key(), "work.form.number");
    }
    if ((field.min() != null && number.compareTo(field.min()) < 0)
        || (field.max() != null && number.compareTo(field.max()) > 0)) {
      throw new InvalidFieldException(
          field.key(), "work.form.range", plain(field.min()), plain(field.max()));
    }
    BigDecimal whole = number.stripTrailingZeros();
    if (field.decimalDigits() != null && whole.scale() > field.decimalDigits()) {
      throw field.decimalDigits() == 0
          ? new InvalidFieldException(field.key(), "work.form.whole-number")
          : new InvalidFieldException(field.key(), "work.form.decimals", field.decimalDigits());
    }
    if (whole.scale() <= 0 && whole.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
      return whole.longValueExact();
    }
    return number.doubleValue();
  }

  private static String plain(BigDecimal bound) {
    return bound == null ? "…" : bound.stripTrailingZeros().toPlainString();
  }

  private static String date(Field field, String text) {
    String day = text.length() > 10 ? text.substring(0, 10) : text;
    try {
      return LocalDate.parse(day).toString();
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field.key(), "work.form.date");
    }
  }

  private static List<String> list(Field field, Object raw, List<String> allowed) {
    List<String> chosen = new ArrayList<>();
    if (raw instanceof Collection<?> values) {
      for (Object value : values) {
        String text = value == null ? "" : value.toString();
        if (!allowed.contains(text)) {
          throw new InvalidFieldException(field.key(), "work.form.option");
        }
        if (!chosen.contains(text)) {
          chosen.add(text);
        }
      }
    } else if (raw != null && !raw.toString().isBlank()) {
      throw new InvalidFieldException(field.key(), "work.form.invalid");
    }
    if (field.required() && chosen.isEmpty()) {
      throw new InvalidFieldException(field.key(), "work.form.required");
    }
    return chosen;
  }

  private void collect(JsonNode components, List<FormCondition> inherited, List<Field> found) {
    for (JsonNode component : components) {
      List<FormCondition> hiddenWhen = new ArrayList<>(inherited);
      String hide = component.path("conditional").path("hide").asText(null);
      if (hide != null) {
        hiddenWhen.add(FormCondition.parse(hide));
      }
      if (component.has("components")) {
        collect(component.path("components"), hiddenWhen, found);
      }
      String key = component.path("key").asText(null);
      if (key == null) {
        continue;
      }
      String type = component.path("type").asText();
      if (!INPUT_TYPES.contains(type)) {
        throw new IllegalArgumentException(
            "form " + id + ": field " + key + " has type " + type + ", which steps do not support");
      }
      JsonNode validate = component.path("validate");
      String pattern = validate.path("pattern").asText(null);
      List<String> values = new ArrayList<>();
      component.path("values").forEach(v -> values.add(v.path("value").asText()));
      boolean writable = !component.path("readonly").asBoolean(false)
          && !component.path("disabled").asBoolean(false);
      found.add(new Field(
          key,
          type,
          component.path("label").asText(key),
          writable,
          validate.path("required").asBoolean(false),
          integer(validate, "minLength"),
          integer(validate, "maxLength"),
          decimal(validate, "min"),
          decimal(validate, "max"),
          integer(component, "decimalDigits"),
          pattern == null ? null : Pattern.compile(pattern),
          "email".equals(validate.path("validationType").asText()),
          List.copyOf(values),
          List.copyOf(hiddenWhen)));
    }
  }

  private static void replaceValues(JsonNode components, Map<String, List<Option>> options) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        replaceValues(component.path("components"), options);
      }
      List<Option> supplied = options.get(component.path("key").asText(""));
      if (supplied != null && component instanceof ObjectNode node) {
        ArrayNode values = node.putArray("values");
        supplied.forEach(
            option -> values.addObject().put("label", option.label()).put("value", option.value()));
        node.remove("valuesKey");
      }
    }
  }

  private static Integer integer(JsonNode node, String name) {
    return node.hasNonNull(name) ? node.path(name).asInt() : null;
  }

  private static BigDecimal decimal(JsonNode validate, String name) {
    return validate.hasNonNull(name) ? new BigDecimal(validate.path(name).asText()) : null;
  }
}
