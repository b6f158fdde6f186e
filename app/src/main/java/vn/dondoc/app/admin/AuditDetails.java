package vn.dondoc.app.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;

/**
 * An audit event's detail (JSON) as people read it: one "label: value" line per key, the label in the page's language
 * for the keys the app writes ({@code audit.detail.<key>}), a humanised one for any other key (never dropped); instants
 * as dd/MM/yyyy HH:mm Hanoi time, dates as dd/MM/yyyy, stage, status, agency, field and locality codes by their labels,
 * people by their full names. The BPMN step's id is left out (the step's name is there too).
 */
final class AuditDetails {

  /** One line: its label and value. */
  record Line(String label, String value) {
    @Override
    public String toString() {
      return label + ": " + value;
    }
  }

  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ENUM_CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{3,}");
  private static final Set<String> HIDDEN = Set.of("taskDefinitionKey");
  private static final Set<String> PEOPLE = Set.of(
      "expert", "panel", "to", "from", "username", "actor", "assignee", "signedBy", "decidedBy");
  private static final Set<String> AGENCIES = Set.of(
      "agency",
      "leadAgency",
      "handlingAgency",
      "into",
      "agencies",
      "cooperatingAgencies",
      "notifiedAgency");

  private final ObjectMapper json;
  private final MessageSource messages;
  private final CaseLabels labels;
  private final UnaryOperator<String> personName;

  AuditDetails(
      ObjectMapper json,
      MessageSource messages,
      CaseLabels labels,
      UnaryOperator<String> personName) {
    this.json = json;
    this.messages = messages;
    this.labels = labels;
    this.personName = personName;
  }

  /** The lines of a detail (a JSON object); a detail that is not one is a single line of its text. */
  List<Line> lines(String detail) {
    if (detail == null || detail.isBlank()) {
      return List.of();
    }
    JsonNode node;
    try {
      node = json.readTree(detail);
    } catch (JsonProcessingException e) {
      return List.of(new Line(message("audit.detail.other", "Detail"), detail));
    }
    if (!node.isObject()) {
      return node.isNull()
          ? List.of()
          : List.of(new Line(message("audit.detail.other", "Detail"), value(null, node)));
    }
    List<Line> lines = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!HIDDEN.contains(field.getKey()) && !field.getValue().isNull()) {
        lines.add(new Line(label(field.getKey()), value(field.getKey(), field.getValue())));
      }
    }
    return lines;
  }

  /** The full name of a person, by login. */
  String person(String login) {
    return personName.apply(login);
  }

  private String label(String key) {
    return message("audit.detail." + key, humanised(key));
  }

  private String value(String key, JsonNode node) {
    if (node.isObject()) {
      List<String> parts = new ArrayList<>();
      node.fields().forEachRemaining(f -> {
        if (!HIDDEN.contains(f.getKey()) && !f.getValue().isNull()) {
          parts.add(label(f.getKey()) + ": " + value(f.getKey(), f.getValue()));
        }
      });
      return String.join(", ", parts);
    }
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(element -> parts.add(value(key, element)));
      return String.join(", ", parts);
    }
    if (node.isBoolean()) {
      return message(node.asBoolean() ? "audit.detail.yes" : "audit.detail.no", node.asText());
    }
    return text(key, node.asText());
  }

  private String text(String key, String value) {
    if (INSTANT.matcher(value).matches()) {
      try {
        return DisplayDates.DAY_AND_TIME.format(Instant.parse(value).atZone(HanoiTime.ZONE));
      } catch (DateTimeParseException e) {
        return value;
      }
    }
    if (DAY.matcher(value).matches()) {
      try {
        return DisplayDates.DAY.format(LocalDate.parse(value));
      } catch (DateTimeParseException e) {
        return value;
      }
    }
    if (key == null) {
      return value;
    }
    if (PEOPLE.contains(key) && !ENUM_CODE.matcher(value).matches()) {
      return personName.apply(value);
    }
    if (AGENCIES.contains(key)) {
      return labels.agency(value);
    }
    return switch (key) {
      case "stage" -> message("sla.stage." + value, humanised(value));
      case "status", "state", "fromStatus", "toStatus" ->
        codeLabel(labels.status(null, value), value);
      case "field", "category" -> labels.field(value);
      case "locality" -> labels.locality(value);
      case "outcome" -> message("staff.review.decision." + value, humanised(value));
      default ->
        ENUM_CODE.matcher(value).matches() ? codeLabel(labels.status(null, value), value) : value;
    };
  }

  /** A code's label; a code no label knows, humanised ("LATE_REQUEST" reads "Late request"). */
  private static String codeLabel(String label, String code) {
    return label == null || label.equals(code) ? humanised(code) : label;
  }

  /** "dueAt" → "Due at", "handling_agency" → "Handling agency", "ANSWER" → "Answer". */
  static String humanised(String key) {
    String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
        .replace('_', ' ')
        .replace('-', ' ')
        .strip()
        .toLowerCase(Locale.ROOT);
    return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private String message(String key, String fallback) {
    return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
  }
}
