package vn.dondoc.app.tasks;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.TaskLifecycle.Var;

/**
 * The lead agency's own steps on a task (acknowledge, report progress), for the API and the agency's
 * pages alike; each completes the same user task Tasklist shows, as the caller.
 */
@Service
public class TaskWork {

  private final Tasks tasks;
  private final ProgressReports reports;
  private final UserTasks userTasks;
  private final TaskChanges changes;
  private final StepForms forms;
  private final Clock clock;

  TaskWork(
      Tasks tasks,
      ProgressReports reports,
      UserTasks userTasks,
      TaskChanges changes,
      StepForms forms,
      Clock clock) {
    this.tasks = tasks;
    this.reports = reports;
    this.userTasks = userTasks;
    this.changes = changes;
    this.forms = forms;
    this.clock = clock;
  }

  /** Acknowledges the task with what its form ({@code task-acknowledge}) lets the agency write. */
  @Transactional
  public void acknowledge(String caseCode, Map<String, ?> submitted, Authentication caller) {
    TaskRecord task = leadOnly(caseCode, caller);
    Map<String, Object> variables = forms.checked(TaskLifecycle.FORM_ACKNOWLEDGE, submitted);
    userTasks.complete(caller, task.caseCode(), variables, TaskLifecycle.TASK_ACKNOWLEDGE);
  }

  /**
   * The month's report, checked by its form ({@code task-progress-report}): completes an open
   * ReportProgress, or records one for the current month.
   */
  @Transactional
  public void reportProgress(String caseCode, Map<String, ?> submitted, Authentication caller) {
    TaskRecord task = leadOnly(caseCode, caller);
    if (!task.status().isOpen()) {
      throw new ConflictException("conflict.task.closed");
    }
    Map<String, Object> variables = forms.checked(TaskLifecycle.FORM_REPORT_PROGRESS, submitted);
    int percent = ((Number) variables.get(Var.PROGRESS_PERCENT)).intValue();
    String checked = (String) variables.get(Var.PROGRESS_TEXT);
    if (userTasks.open(caseCode, TaskLifecycle.TASK_REPORT_PROGRESS).isPresent()) {
      userTasks.complete(caller, caseCode, variables, TaskLifecycle.TASK_REPORT_PROGRESS);
    } else {
      reports.save(
          task.id(),
          YearMonth.now(clock.withZone(HanoiTime.ZONE)).toString(),
          percent,
          checked,
          caller.getName(),
          clock.instant());
      changes.recorded(task.id(), caseCode, "TASK_PROGRESS_REPORTED", caller.getName(), Map.of());
    }
  }

  /** The task, when the caller belongs to its lead agency (who acknowledges, reports and asks for extensions). */
  TaskRecord leadOnly(String caseCode, Authentication caller) {
    TaskRecord task = tasks.visible(caseCode, caller);
    if (!TaskScope.of(caller).leads(task)) {
      throw new ForbiddenException("forbidden.task.not-lead");
    }
    return task;
  }
}
