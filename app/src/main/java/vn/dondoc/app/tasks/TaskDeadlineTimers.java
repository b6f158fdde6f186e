package vn.dondoc.app.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import vn.dondoc.processes.TaskLifecycle;

/**
 * Moves a task's deadline watch to a new deadline without restarting anything: a pending reminder or
 * overdue timer gets the new due date; a watch that already ran out (the task was overdue) starts again
 * for the new deadline; an open completion report takes the new deadline as its due date. A task still being
 * acknowledged has no watch yet: it reads the new deadline when it starts. Runs as the engine (the deciding user has no rights on another process's jobs).
 */
@Component
public class TaskDeadlineTimers {

  private final ManagementService management;
  private final RuntimeService runtime;
  private final TaskService userTasks;
  private final CommandExecutor commands;
  private final TaskDeadlines deadlines;
  private final TaskRepository tasks;
  private final Clock clock;

  TaskDeadlineTimers(
      ProcessEngine engine, TaskDeadlines deadlines, TaskRepository tasks, Clock clock) {
    this.tasks = tasks;
    this.clock = clock;
    this.management = engine.getManagementService();
    this.runtime = engine.getRuntimeService();
    this.userTasks = engine.getTaskService();
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.deadlines = deadlines;
  }

  /** An approved extension: the deadline in force moves (a new deadline version) and the watch with it. */
  public TaskRecord extend(long taskId, LocalDate deadline, long extensionId, String actor) {
    tasks.extendDeadline(taskId, deadline, extensionId, actor, clock.instant());
    TaskRecord task = tasks.findById(taskId).orElseThrow();
    moveTo(task);
    return task;
  }

  private void moveTo(TaskRecord task) {
    String instance = task.processInstanceId();
    commands.execute(context -> context.runWithoutAuthorization(() -> {
      List<Job> pending = management
          .createJobQuery()
          .processInstanceId(instance)
          .timers()
          .activityId(TaskLifecycle.TIMER_DEADLINE_APPROACHING)
          .list();
      pending.forEach(job ->
          management.setJobDuedate(job.getId(), deadlines.approachingAt(task.currentDeadline())));
      List<Job> passed = management
          .createJobQuery()
          .processInstanceId(instance)
          .timers()
          .activityId(TaskLifecycle.TIMER_DEADLINE_PASSED)
          .list();
      passed.forEach(
          job -> management.setJobDuedate(job.getId(), deadlines.passedAt(task.currentDeadline())));
      if (pending.isEmpty() && passed.isEmpty()) {
        restartWatch(instance);
      }
      userTasks
          .createTaskQuery()
          .processInstanceId(instance)
          .taskDefinitionKey(TaskLifecycle.TASK_REPORT_COMPLETION)
          .list()
          .forEach(report -> {
            report.setDueDate(deadlines.passedAt(task.currentDeadline()));
            userTasks.saveTask(report);
          });
      return null;
    }));
  }

  private void restartWatch(String instance) {
    ActivityInstance tree = runtime.getActivityInstance(instance);
    ActivityInstance[] implementation = tree == null
        ? new ActivityInstance[0]
        : tree.getActivityInstances(TaskLifecycle.IMPLEMENTATION);
    if (implementation.length == 1) {
      runtime
          .createProcessInstanceModification(instance)
          .startBeforeActivity(TaskLifecycle.TIMER_DEADLINE_APPROACHING, implementation[0].getId())
          .execute();
    }
  }
}
