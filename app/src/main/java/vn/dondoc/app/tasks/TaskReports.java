package vn.dondoc.app.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.TaskLifecycle.Var;

/**
 * Monthly progress reports (bean {@value TaskLifecycle.Reports#BEAN}): on the first of a month the
 * report for the month before opens; it is due on day {@code report-due-day}, with a reminder
 * {@code report-reminder-days} before. A month without a report is counted on the task.
 */
@Component(TaskLifecycle.Reports.BEAN)
class TaskReports implements TaskLifecycle.Reports {

  private static final LocalTime MORNING = LocalTime.of(8, 0);

  private final TaskRepository tasks;
  private final ProgressReports reports;
  private final TaskChanges changes;
  private final TaskNotices notices;
  private final TaskProperties properties;
  private final Clock clock;

  TaskReports(
      TaskRepository tasks,
      ProgressReports reports,
      TaskChanges changes,
      TaskNotices notices,
      TaskProperties properties,
      Clock clock) {
    this.tasks = tasks;
    this.reports = reports;
    this.changes = changes;
    this.notices = notices;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Date nextPeriodAt(DelegateExecution execution) {
    return at(YearMonth.from(today()).plusMonths(1).atDay(1), MORNING);
  }

  @Override
  public void open(DelegateTask task) {
    task.setVariableLocal(
        Var.REPORT_PERIOD, YearMonth.from(today()).minusMonths(1).toString());
  }

  @Override
  public Date reminderAt(DelegateExecution execution) {
    return at(dueDay().minusDays(properties.reportReminderDays()), MORNING);
  }

  /** The end of the due day. */
  @Override
  public Date dueAt(DelegateExecution execution) {
    return at(dueDay().plusDays(1), LocalTime.MIDNIGHT);
  }

  @Override
  public void record(DelegateTask task) {
    long taskId = changes.taskId(task);
    String period = (String) task.getVariableLocal(Var.REPORT_PERIOD);
    Number percent = (Number) task.getVariable(Var.PROGRESS_PERCENT);
    String text = (String) task.getVariable(Var.PROGRESS_TEXT);
    String actor =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
            ? task.getAssignee()
            : task.getProcessEngineServices()
                .getIdentityService()
                .getCurrentAuthentication()
                .getUserId();
    reports.save(
        taskId,
        period,
        percent == null ? null : percent.intValue(),
        text == null ? "" : text,
        actor,
        clock.instant());
    changes.recorded(
        taskId,
        (String) task.getVariable(Var.CASE_CODE),
        "TASK_PROGRESS_REPORTED",
        actor,
        Map.of("period", period));
  }

  @Override
  public void remind(DelegateExecution execution) {
    TaskRecord task = tasks.findById(changes.taskId(execution)).orElseThrow();
    notices.toAgency(
        task,
        "TASK_REPORT_DUE",
        "notification.task-report-due",
        task.title(),
        DisplayDates.DAY.format(dueDay()));
  }

  @Override
  public void recordMissed(DelegateExecution execution) {
    long taskId = changes.taskId(execution);
    tasks.countMissedReport(taskId);
    TaskRecord task = tasks.findById(taskId).orElseThrow();
    String period = YearMonth.from(today()).minusMonths(1).toString();
    notices.toLeaders(
        task, "TASK_REPORT_MISSED", "notification.task-report-missed", task.title(), period);
    changes.recorded(execution, "TASK_REPORT_MISSED", Map.of("period", period));
  }

  private LocalDate dueDay() {
    YearMonth month = YearMonth.from(today());
    return month.atDay(Math.min(properties.reportDueDay(), month.lengthOfMonth()));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(HanoiTime.ZONE));
  }

  private static Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(HanoiTime.ZONE).toInstant());
  }
}
