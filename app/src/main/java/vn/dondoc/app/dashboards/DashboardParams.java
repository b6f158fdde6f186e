package vn.dondoc.app.dashboards;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.cases.CodedValue;
import vn.dondoc.app.feedback.FeedbackField;
import vn.dondoc.app.initiatives.InitiativeCategory;
import vn.dondoc.app.tasks.TaskField;
import vn.dondoc.app.web.InvalidFieldException;

/** Reading the dashboards' query parameters; a bad one is refused naming it (400, problem JSON). */
final class DashboardParams {

  /** The case types that have SLA clocks (sla_clock.case_type). */
  static final Set<String> CASE_TYPES = Set.of("feedback", "task", "extension", "initiative");

  /** Longest period a trend or ranking covers, in days. */
  static final int MAX_PERIOD_DAYS = 366;

  /** The fields of the cases, by code: feedback's are lower case with hyphens, tasks' and categories' upper case. */
  static final Map<String, CodedValue> FIELDS = Stream.<CodedValue[]>of(FeedbackField.values(), TaskField.values(),
          InitiativeCategory.values())
      .flatMap(Arrays::stream).collect(Collectors.toUnmodifiableMap(CodedValue::code, Function.identity()));

  private DashboardParams() {}

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static LocalDate date(String value, String parameter) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(parameter, "validation.date.invalid");
    }
  }

  /** A period [from, to], both days included, not reversed and not longer than {@link #MAX_PERIOD_DAYS}. */
  static void checkPeriod(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidFieldException("to", "validation.period.reversed");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_PERIOD_DAYS) {
      throw new InvalidFieldException("from", "validation.period.too-long", MAX_PERIOD_DAYS);
    }
  }

  static String agency(String value, ReferenceData referenceData) {
    String code = blankToNull(value);
    if (code != null && !referenceData.agencyExists(code)) {
      throw new InvalidFieldException("agency", "validation.agency.unknown", code);
    }
    return code;
  }

  static String caseType(String value) {
    String type = blankToNull(value);
    if (type != null && !CASE_TYPES.contains(type)) {
      throw new InvalidFieldException("caseType", "validation.dashboards.case-type", "feedback, task, extension, initiative");
    }
    return type;
  }

  /** A field of feedback (FeedbackField), of a task (TaskField) or an initiative's category. */
  static String field(String value) {
    String field = blankToNull(value);
    if (field != null && !FIELDS.containsKey(field)) {
      throw new InvalidFieldException("field", "validation.value.invalid");
    }
    return field;
  }
}
