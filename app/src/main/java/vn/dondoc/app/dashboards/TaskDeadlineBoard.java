package vn.dondoc.app.dashboards;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.app.tasks.OverdueList;
import vn.dondoc.app.tasks.TaskProperties;
import vn.dondoc.app.tasks.TaskReportFilter;
import vn.dondoc.app.tasks.TaskReportQueries;
import vn.dondoc.app.tasks.TaskScope;
import vn.dondoc.app.tasks.TaskSummary;
import vn.dondoc.app.time.HanoiTime;

/**
 * The task deadlines on the SLA board: what the programme is judged on, next to the stage clocks. The figures
 * are the task summary's ({@link TaskSummary}, as {@code /api/v1/tasks/summary} answers for the same filter and
 * day) and the overdue tasks the overdue list's ({@link OverdueList}, {@code /api/v1/tasks/overdue}), with the
 * days overdue counted also in working days of the {@link WorkingCalendar}; and the periodic (monthly) progress
 * reports last due by the day.
 */
@Component
class TaskDeadlineBoard {

  /** An overdue task as the board lists it: days past the original deadline, in calendar and working days. */
  record OverdueTask(OverdueList.Row row, long workingDaysOverdue) {}

  /**
   * The monthly progress reports of {@code period}, due on {@code dueOn}: of the open tasks that report monthly,
   * how many had to report, did so by the due day, later, or not yet (on the board's day).
   */
  record PeriodicReports(
      YearMonth period, LocalDate dueOn, long due, long onTime, long late, long missing) {}

  record Deadlines(
      TaskSummary.Summary summary, List<OverdueTask> overdue, PeriodicReports reports) {}

  private final TaskSummary summary;
  private final OverdueList overdueList;
  private final TaskReportQueries queries;
  private final TaskProperties properties;
  private final WorkingCalendar calendar;

  TaskDeadlineBoard(
      TaskSummary summary,
      OverdueList overdueList,
      TaskReportQueries queries,
      TaskProperties properties,
      WorkingCalendar calendar) {
    this.summary = summary;
    this.overdueList = overdueList;
    this.queries = queries;
    this.properties = properties;
    this.calendar = calendar;
  }

  /**
   * The board's figures for the filter, with at most {@code overdueLimit} overdue tasks, the most overdue first
   * (the summary counts them all; the files list them all).
   */
  Deadlines deadlines(
      TaskReportFilter filter, TaskScope scope, Locale locale, Integer overdueLimit) {
    return new Deadlines(
        summary.summary(filter, scope, null, locale),
        overdue(filter, scope, locale, overdueLimit),
        reports(filter, scope));
  }

  /** The overdue tasks alone, the first {@code limit} (all when null), as the files list them. */
  List<OverdueTask> overdue(
      TaskReportFilter filter, TaskScope scope, Locale locale, Integer limit) {
    LocalDate asOf = filter.asOf();
    return overdueList.list(filter, scope, locale, limit).rows().stream()
        .map(row -> new OverdueTask(row, workingDaysBetween(row.originalDeadline(), asOf)))
        .toList();
  }

  /** Working days after the end of {@code deadline} up to the end of {@code day}. */
  long workingDaysBetween(LocalDate deadline, LocalDate day) {
    return calendar
        .workingTimeBetween(startOf(deadline.plusDays(1)), startOf(day.plusDays(1)))
        .toDays();
  }

  /**
   * The reports of the last month whose report was due on or before the board's day. A task had to report for a
   * month when it reports monthly and was open (created before, not completed or withdrawn by) at that month's end.
   */
  private PeriodicReports reports(TaskReportFilter filter, TaskScope scope) {
    LocalDate asOf = filter.asOf();
    YearMonth period =
        YearMonth.from(asOf).minusMonths(asOf.getDayOfMonth() < properties.reportDueDay() ? 2 : 1);
    LocalDate dueOn = period.plusMonths(1).atDay(properties.reportDueDay());
    TaskReportQueries.MonthlyReports reports = queries.monthlyReports(filter, scope, period, dueOn);
    return new PeriodicReports(
        period,
        dueOn,
        reports.due(),
        reports.onTime(),
        reports.late(),
        reports.due() - reports.onTime() - reports.late());
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(HanoiTime.ZONE).toInstant();
  }
}
