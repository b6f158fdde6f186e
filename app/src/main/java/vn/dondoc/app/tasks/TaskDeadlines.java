package vn.dondoc.app.tasks;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.processes.TaskLifecycle;

/**
 * The deadline watch (bean {@value TaskLifecycle.Deadlines#BEAN}): its timers are reckoned from the
 * deadline in force, so an approved extension moves them ({@link TaskDeadlineTimers}); timeliness
 * labels still use the original deadline.
 */
@Component(TaskLifecycle.Deadlines.BEAN)
class TaskDeadlines implements TaskLifecycle.Deadlines {

  /** Reminders go out at the start of the working day. */
  private static final LocalTime MORNING = LocalTime.of(8, 0);

  private final TaskRepository tasks;
  private final TaskChanges changes;
  private final TaskNotices notices;
  private final TaskProperties properties;

  TaskDeadlines(
      TaskRepository tasks, TaskChanges changes, TaskNotices notices, TaskProperties properties) {
    this.tasks = tasks;
    this.changes = changes;
    this.notices = notices;
    this.properties = properties;
  }

  @Override
  public Date approachingAt(DelegateExecution execution) {
    return approachingAt(task(execution).currentDeadline());
  }

  @Override
  public Date passedAt(DelegateExecution execution) {
    return passedAt(task(execution).currentDeadline());
  }

  @Override
  public Date completionDueAt(DelegateExecution execution) {
    LocalDate deadline = task(execution).currentDeadline();
    return deadline == null ? null : passedAt(deadline);
  }

  Date approachingAt(LocalDate deadline) {
    return Date.from(deadline
        .minusDays(properties.nearDueDays())
        .atTime(MORNING)
        .atZone(HanoiTime.ZONE)
        .toInstant());
  }

  /** The deadline day is the agency's to the end: the task is overdue from the next midnight. */
  Date passedAt(LocalDate deadline) {
    return Date.from(deadline.plusDays(1).atStartOfDay(HanoiTime.ZONE).toInstant());
  }

  @Override
  public void remind(DelegateExecution execution) {
    TaskRecord task = task(execution);
    notices.toAgency(
        task,
        "TASK_NEAR_DUE",
        "notification.task-near-due",
        task.title(),
        DisplayDates.DAY.format(task.currentDeadline()));
    changes.recorded(
        execution, "TASK_NEAR_DUE", Map.of("deadline", task.currentDeadline().toString()));
  }

  @Override
  public void escalate(DelegateExecution execution) {
    TaskRecord task = task(execution);
    String deadline = DisplayDates.DAY.format(task.currentDeadline());
    notices.toLeaders(task, "TASK_OVERDUE", "notification.task-overdue", task.title(), deadline);
    notices.toStandingOffice(
        task, "TASK_OVERDUE", "notification.task-overdue", task.title(), deadline);
    changes.recorded(
        execution, "TASK_OVERDUE", Map.of("deadline", task.currentDeadline().toString()));
  }

  private TaskRecord task(DelegateExecution execution) {
    return tasks.findById(changes.taskId(execution)).orElseThrow();
  }
}
