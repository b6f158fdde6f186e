package vn.dondoc.app.dashboards;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  private final JdbcClient jdbc;

  TaskDeadlineBoard(
      TaskSummary summary,
      OverdueList overdueList,
      TaskReportQueries queries,
      TaskProperties properties,
      WorkingCalendar calendar,
      JdbcClient jdbc) {
    this.summary = summary;
    this.overdueList = overdueList;
    this.queries = queries;
    this.properties = properties;
    this.calendar = calendar;
    this.jdbc = jdbc;
  }

  Deadlines deadlines(TaskReportFilter filter, TaskScope scope, Locale locale) {
    LocalDate asOf = filter.asOf();
    List<OverdueTask> overdue = overdueList.list(filter, scope, locale).rows().stream()
        .map(row -> new OverdueTask(row, workingDaysBetween(row.originalDeadline(), asOf)))
        .toList();
    return new Deadlines(
        summary.summary(filter, scope, null, locale), overdue, reports(filter, scope));
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
    LocalDate monthEnd = period.atEndOfMonth();
    Long[] ids = queries.facts(filter, scope).stream()
        .map(TaskReportQueries.TaskFacts::id)
        .toArray(Long[]::new);
    return jdbc.sql("""
            select count(*) as due,
                   count(p.id) filter (where p.submitted_at < :dueEnd) as on_time,
                   count(p.id) filter (where p.submitted_at >= :dueEnd) as late
            from task t
            left join progress_report p on p.task_id = t.id and p.period = :period and p.submitted_at < :asOfEnd
            where t.id = any(:ids) and t.reports_monthly and t.created_at < :monthEnd
              and (t.completed_on is null or t.completed_on > :monthEndDay)""")
        .param("dueEnd", Timestamp.from(startOf(dueOn.plusDays(1))))
        .param("asOfEnd", Timestamp.from(startOf(asOf.plusDays(1))))
        .param("period", period.toString())
        .param("ids", ids)
        .param("monthEnd", Timestamp.from(startOf(monthEnd.plusDays(1))))
        .param("monthEndDay", Date.valueOf(monthEnd))
        .query((rs, n) -> {
          long due = rs.getLong("due");
          long onTime = rs.getLong("on_time");
          long late = rs.getLong("late");
          return new PeriodicReports(period, dueOn, due, onTime, late, due - onTime - late);
        })
        .single();
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(HanoiTime.ZONE).toInstant();
  }
}
