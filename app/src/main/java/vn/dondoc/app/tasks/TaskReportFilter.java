package vn.dondoc.app.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.dondoc.app.DondocApplication;
import vn.dondoc.app.agencies.ReferenceData;
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
 */
public record TaskReportFilter(TaskFilter tasks, LocalDate from, LocalDate to, LocalDate asOf) {

  /** Reads the parameters; a bad one is refused naming it. {@code asOf} defaults to today in Hanoi. */
  public static TaskReportFilter of(String directive, String agency, String section, String from, String to, String asOf,
      Clock clock, ReferenceData referenceData) {
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
    return new TaskReportFilter(new TaskFilter(blankToNull(directive), lead, blankToNull(section), null), start, end,
        day == null ? LocalDate.now(clock.withZone(DondocApplication.ZONE)) : day);
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
