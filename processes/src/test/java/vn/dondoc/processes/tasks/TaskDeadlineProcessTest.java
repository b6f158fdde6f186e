package vn.dondoc.processes.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.EvidenceReview.Decision;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.TaskLifecycle;

/**
 * The deadline watch: a reminder when the task is near due, an escalation when it is overdue, none for a
 * recurring task; and how an approved extension moves a pending deadline timer.
 */
@Deployment(resources = {TaskLifecycle.RESOURCE, TaskLifecycleProcessTest.EVIDENCE_REVIEW_STUB})
class TaskDeadlineProcessTest extends TaskLifecycleProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void theDeadlineTimersStartWithTheImplementationAtTheWatchsInstants() {
    ProcessInstance instance = issue();
    assertThat(timer(instance, TaskLifecycle.TIMER_DEADLINE_APPROACHING))
        .as("not before acknowledgement")
        .isNull();

    acknowledge(instance);

    assertThat(timer(instance, TaskLifecycle.TIMER_DEADLINE_APPROACHING).getDuedate())
        .isEqualTo(APPROACHING);
    assertThat(timer(instance, TaskLifecycle.TIMER_DEADLINE_PASSED))
        .as("armed once the reminder is out")
        .isNull();
  }

  @Test
  void anOverdueTaskIsRemindedThenEscalatedAndMayStillBeCompletedLate() {
    ProcessInstance instance = acknowledged(false, false);

    moveClockTo(APPROACHING);
    assertThat(executeDueJobs(instance)).containsExactly(TaskLifecycle.TIMER_DEADLINE_APPROACHING);
    verify(deadlines).remind(any());
    assertThat(instance)
        .hasPassed("RemindDeadline")
        .isWaitingAt(TaskLifecycle.TIMER_DEADLINE_PASSED, TaskLifecycle.TASK_REPORT_COMPLETION);
    assertThat(timer(instance, TaskLifecycle.TIMER_DEADLINE_PASSED).getDuedate())
        .isEqualTo(PASSED);

    moveClockTo(PASSED);
    assertThat(executeDueJobs(instance)).containsExactly(TaskLifecycle.TIMER_DEADLINE_PASSED);
    verify(deadlines).escalate(any());
    assertThat(instance)
        .hasPassedInOrder("RemindDeadline", "EscalateOverdue", "OverdueEscalated")
        .isWaitingAt(TaskLifecycle.TASK_REPORT_COMPLETION);

    moveClockBy(Duration.ofDays(5));
    reportCompletion(instance, 7L);
    decide(instance, Decision.ACCEPT);

    verify(steps).complete(any());
    verify(deadlines, times(1)).remind(any());
    verify(deadlines, times(1)).escalate(any());
    assertThat(instance).hasPassed(TaskLifecycle.END_COMPLETED).isEnded();
  }

  @Test
  void aRecurringTaskHasNoDeadlineWatch() {
    ProcessInstance instance = acknowledged(true, false);

    assertThat(instance)
        .hasPassed("NoDeadline", "NoProgressReports")
        .isWaitingAt(TaskLifecycle.TASK_REPORT_COMPLETION);
    assertThat(pendingJobs(instance)).isZero();
    verify(deadlines, never()).approachingAt(any());
  }

  @Test
  void anExtendedTaskIsRemindedAtTheMovedDateAndNotBefore() {
    ProcessInstance instance = acknowledged(false, false);
    Job approaching = timer(instance, TaskLifecycle.TIMER_DEADLINE_APPROACHING);
    Date extended = Date.from(APPROACHING.toInstant().plus(Duration.ofDays(14)));

    // what the application does when an extension is approved
    managementService().setJobDuedate(approaching.getId(), extended);

    moveClockTo(APPROACHING);
    assertThat(executeDueJobs(instance)).as("the old date passes quietly").isEmpty();
    verify(deadlines, never()).remind(any());
    assertThat(instance).isWaitingAt(TaskLifecycle.TIMER_DEADLINE_APPROACHING);

    moveClockTo(extended);
    assertThat(executeDueJobs(instance)).containsExactly(TaskLifecycle.TIMER_DEADLINE_APPROACHING);
    verify(deadlines).remind(any());
    assertThat(instance)
        .as("the same instance, no restart")
        .isWaitingAt(TaskLifecycle.TIMER_DEADLINE_PASSED);
  }

  @Test
  void anExtensionApprovedAfterTheReminderMovesTheOverdueTimer() {
    ProcessInstance instance = acknowledged(false, false);
    moveClockTo(APPROACHING);
    execute(timer(instance, TaskLifecycle.TIMER_DEADLINE_APPROACHING));
    Job passed = timer(instance, TaskLifecycle.TIMER_DEADLINE_PASSED);
    Date extended = Date.from(PASSED.toInstant().plus(Duration.ofDays(30)));

    managementService().setJobDuedate(passed.getId(), extended);

    moveClockTo(PASSED);
    assertThat(executeDueJobs(instance)).isEmpty();
    moveClockTo(Date.from(extended.toInstant().minusSeconds(1)));
    assertThat(executeDueJobs(instance)).isEmpty();
    verify(deadlines, never()).escalate(any());
    assertThat(timer(instance, TaskLifecycle.TIMER_DEADLINE_PASSED).getId())
        .as("the same timer, moved")
        .isEqualTo(passed.getId());

    moveClockTo(extended);
    assertThat(executeDueJobs(instance)).containsExactly(TaskLifecycle.TIMER_DEADLINE_PASSED);
    verify(deadlines).escalate(any());
    assertThat(instance)
        .hasPassed("OverdueEscalated")
        .isWaitingAt(TaskLifecycle.TASK_REPORT_COMPLETION);
  }
}
