package vn.dondoc.app.sla;

import java.time.Instant;
import java.util.Date;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.dondoc.processes.sla.SlaTimer;

/**
 * The timer jobs of a stage's clock in the engine: the timers its model declares for the stage
 * ({@link SlaStageDeclarations}), each moved to the instant of the clock it asks for. The only place where the
 * SLA clocks talk to Camunda's job API.
 */
@Component
class StageTimers {

  private final ManagementService management;
  private final CommandExecutor commands;
  private final SlaStageDeclarations stages;

  StageTimers(ProcessEngine engine, SlaStageDeclarations stages) {
    this.management = engine.getManagementService();
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.stages = stages;
  }

  private static Instant instant(SlaTimer timer, SlaClock.Timeline timeline) {
    return switch (timer) {
      case WARNING -> timeline.warnAt();
      case DUE -> timeline.dueAt();
      case SUPERVISOR -> timeline.supervisorAt();
    };
  }

  /** Keeps the stage's pending timers from firing. */
  void suspend(String processInstanceId, String stage) {
    forEachJob(
        processInstanceId,
        stage,
        (job, timer) -> job.setSuspensionState(SuspensionState.SUSPENDED.getStateCode()));
  }

  /** Moves the stage's pending timers to the timeline's instants and lets them fire again. */
  void reschedule(String processInstanceId, String stage, SlaClock.Timeline timeline) {
    forEachJob(processInstanceId, stage, (job, timer) -> {
      job.setDuedate(Date.from(instant(timer, timeline)));
      job.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
    });
  }

  /** Moves the stage's pending timers to the timeline's instants, leaving them suspended or active as they are. */
  void move(String processInstanceId, String stage, SlaClock.Timeline timeline) {
    forEachJob(
        processInstanceId,
        stage,
        (job, timer) -> job.setDuedate(Date.from(instant(timer, timeline))));
  }

  /**
   * The stage's open user tasks that carried the clock's old due instant (their {@code camunda:dueDate}
   * is the stage's {@code dueAt}) now carry the new one, so that the lists sorted by due date agree with
   * the clock after it was moved back. Runs as the engine, like the jobs' changes.
   */
  void moveTaskDueDates(String processInstanceId, Instant before, Instant after) {
    commands.execute(context -> context.runWithoutAuthorization(() -> {
      for (Task task : context
          .getProcessEngineConfiguration()
          .getTaskService()
          .createTaskQuery()
          .processInstanceId(processInstanceId)
          .dueDate(Date.from(before))
          .list()) {
        context.getTaskManager().findTaskById(task.getId()).setDueDate(Date.from(after));
      }
      return null;
    }));
  }

  /**
   * Changes the jobs themselves, written in one update each: the public calls (setJobDuedate, then
   * activating the job) would update the same job twice in one flush, and the second update fails its
   * revision check. Runs as the engine, not as the user whose action pauses the clock (an agency
   * officer has no rights on jobs, and with authorization on, the job query would find nothing). Joins
   * the caller's command and transaction when there is one.
   */
  private void forEachJob(
      String processInstanceId, String stage, BiConsumer<JobEntity, SlaTimer> action) {
    commands.execute(context -> context.runWithoutAuthorization(() -> {
      for (Job job : management
          .createJobQuery()
          .processInstanceId(processInstanceId)
          .timers()
          .list()) {
        JobEntity entity = context.getJobManager().findJobById(job.getId());
        stages
            .timer(entity.getProcessDefinitionKey(), stage, entity.getActivityId())
            .ifPresent(timer -> action.accept(entity, timer));
      }
      return null;
    }));
  }
}
