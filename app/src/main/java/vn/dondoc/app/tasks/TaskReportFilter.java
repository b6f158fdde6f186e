package vn.dondoc.app.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * The filters the task reports (summary, overdue list) share, read from their query parameters.
 *
 * @param tasks directive symbol, lead agency and section; its status is always null (the reports count
 *     every status but WITHDRAWN)
 * @param from first day of the period of the <em>original</em> deadline, or null; a period leaves recurring
 *     tasks out
 * @param to last day of that period (included), or null
 * @param asOf the day the figures are for, as of its end (Hanoi time): a task created later does not exist
 *     yet, a task completed later is still open
 * @param field the task's field (TaskField code), or null
 * @param agencyCooperating whether the agency filter ({@code tasks.leadAgency()}) also takes the tasks that agency
 *     co-operates on, not only those it leads
 */
public record TaskReportFilter(
    TaskFilter tasks,
    LocalDate from,
    LocalDate to,
    LocalDate asOf,
    TaskField field,
    boolean agencyCooperating) {

  /** The value of the {@code agencyRole} parameter that takes co-operated tasks too (else: the lead agency's). */
  public static final String ANY_ROLE = "any";

  public TaskReportFilter(TaskFilter tasks, LocalDate from, LocalDate to, LocalDate asOf) {
    this(tasks, from, to, asOf, null, false);
  }

  /** Reads the parameters; a bad one is refused naming it. {@code asOf} defaults to today in Hanoi. */
  public static TaskReportFilter of(
      String directive,
      String agency,
      String section,
      String from,
      String to,
      String asOf,
      Clock clock,
      ReferenceData referenceData) {
    return of(directive, agency, null, section, null, from, to, asOf, clock, referenceData);
  }

  /**
   * Reads the parameters, with the task's {@code field} (a TaskField code) and the {@code agencyRole}: "lead" or
   * absent for the tasks the agency leads, {@value #ANY_ROLE} for those it leads or co-operates on.
   */
  public static TaskReportFilter of(
      String directive,
      String agency,
      String agencyRole,
      String section,
      String field,
      String from,
      String to,
      String asOf,
      Clock clock,
      ReferenceData referenceData) {
    String role = blankToNull(agencyRole);
    if (role != null && !role.equals("lead") && !role.equals(ANY_ROLE)) {
      throw new InvalidFieldException("agencyRole", "validation.value.invalid");
    }
    TaskField taskField = null;
    if (blankToNull(field) != null) {
      try {
        taskField = TaskField.valueOf(field.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException("field", "validation.value.invalid");
      }
    }
    String lead = blankToNull(agency);
    if (lead != null && !referenceData.agencyExists(lead)) {
      throw new InvalidFieldException("agency", "validation.agency.unknown", lead);
    }
    LocalDate start = date(from, "from");
    LocalDate end = date(to, "to");
    if (start != null && end != null && end.isBefore(start)) {
      throw new InvalidFieldException("to", "validation.period.reversed");
    }
    LocalDate day = date(asOf, "asOf");
    return new TaskReportFilter(
        new TaskFilter(blankToNull(directive), lead, blankToNull(section), null),
        start,
        end,
        day == null ? LocalDate.now(clock.withZone(HanoiTime.ZONE)) : day,
        taskField,
        ANY_ROLE.equals(role));
  }

  /** Whether {@code code} names a TaskField. */
  public static boolean isTaskField(String code) {
    return java.util.Arrays.stream(TaskField.values()).anyMatch(f -> f.name().equals(code));
  }

  /** Whether a period of the original deadline is asked for (then recurring tasks are left out). */
  public boolean hasPeriod() {
    return from != null || to != null;
  }

  private static LocalDate date(String value, String parameter) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(parameter, "validation.date.invalid");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
