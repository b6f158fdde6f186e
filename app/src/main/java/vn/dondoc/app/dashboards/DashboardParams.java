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
  static final Map<String, CodedValue> FIELDS = Stream.<CodedValue[]>of(
          FeedbackField.values(), TaskField.values(), InitiativeCategory.values())
      .flatMap(Arrays::stream)
      .collect(Collectors.toUnmodifiableMap(CodedValue::code, Function.identity()));

  private DashboardParams() {}

  /**
   * The SLA board's filter from the query parameters: the trend's period defaults to the
   * {@link DashboardController#DEFAULT_TREND_DAYS} days up to {@code to}, {@code to} to today (or to the
   * end of that many days from {@code from}).
   */
  static SlaBoard.Filter slaFilter(
      String agency,
      String caseType,
      String field,
      String from,
      String to,
      LocalDate today,
      ReferenceData referenceData) {
    String agencyCode = agency(agency, referenceData);
    String type = caseType(caseType);
    String fieldCode = field(field);
    LocalDate start = date(from, "from");
    LocalDate end = date(to, "to");
    if (end == null) {
      end = start != null ? start.plusDays(DashboardController.DEFAULT_TREND_DAYS - 1) : today;
    }
    if (start == null) {
      start = end.minusDays(DashboardController.DEFAULT_TREND_DAYS - 1);
    }
    checkPeriod(start, end);
    return new SlaBoard.Filter(agencyCode, type, fieldCode, start, end);
  }

  /** The ranking's period [from, to] and its day. */
  record RankingPeriod(LocalDate from, LocalDate to, LocalDate asOf) {}

  /**
   * The ranking's period from the query parameters: asOf defaults to today; without from and to, the twelve
   * months up to asOf; with one of them, the year that starts or ends there.
   */
  static RankingPeriod rankingPeriod(String from, String to, String asOf, LocalDate today) {
    LocalDate day = date(asOf, "asOf");
    LocalDate start = date(from, "from");
    LocalDate end = date(to, "to");
    if (day == null) {
      day = today;
    }
    LocalDate[] period = DashboardController.defaultRankingPeriod(day);
    if (end == null) {
      end = start != null ? start.plusYears(1).minusDays(1) : period[1];
    }
    if (start == null) {
      start = end.minusYears(1).plusDays(1);
    }
    checkPeriod(start, end);
    return new RankingPeriod(start, end, day);
  }

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
      throw new InvalidFieldException(
          "caseType", "validation.dashboards.case-type", "feedback, task, extension, initiative");
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
