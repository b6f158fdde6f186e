package vn.dondoc.processes.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.sla.SlaStage;

/** The standing office withdraws a task: whatever the task waits for, the process ends withdrawn. */
@Deployment(resources = {TaskLifecycle.RESOURCE, TaskLifecycleProcessTest.EVIDENCE_REVIEW_STUB})
class TaskWithdrawalProcessTest extends TaskLifecycleProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void aTaskNotYetAcknowledgedIsWithdrawn() {
    ProcessInstance instance = issue();

    withdraw();

    assertWithdrawn(instance);
    verify(clocksSpy).stop(any(), eq(SlaStage.ACKNOWLEDGE));
    assertThat(instance).hasNotPassed("RecordAcknowledgement", TaskLifecycle.IMPLEMENTATION);
  }

  @Test
  void aTaskInProgressIsWithdrawnWithItsTimersAndReports() {
    ProcessInstance instance = acknowledged(false, true);
    moveClockTo(startOf(today().withDayOfMonth(1).plusMonths(1)));
    execute(timer(instance, TaskLifecycle.TIMER_NEXT_REPORT_PERIOD));
    assertThat(instance)
        .isWaitingAt(
            TaskLifecycle.TASK_REPORT_COMPLETION,
            TaskLifecycle.TASK_REPORT_PROGRESS,
            TaskLifecycle.TIMER_DEADLINE_APPROACHING);

    withdraw();

    assertWithdrawn(instance);
    verify(reports, never()).recordMissed(any());
  }

  @Test
  void aTaskWhoseEvidenceIsUnderReviewIsWithdrawnAndTheReviewEnds() {
    ProcessInstance instance = acknowledged(false, false);
    reportCompletion(instance, 7L);
    ProcessInstance review = review(instance);

    withdraw();

    assertWithdrawn(instance);
    assertThat(review).isEnded();
    verify(steps, never()).complete(any());
  }

  /** As the application correlates it: by the task's case code. */
  private void withdraw() {
    runtimeService()
        .createMessageCorrelation(TaskLifecycle.MESSAGE_WITHDRAWN)
        .processInstanceBusinessKey(CASE_CODE)
        .correlate();
  }

  private void assertWithdrawn(ProcessInstance instance) {
    verify(steps).withdraw(any());
    assertThat(instance)
        .hasPassedInOrder("WithdrawalRequested", "RecordWithdrawal", TaskLifecycle.END_WITHDRAWN)
        .hasNotPassed(TaskLifecycle.END_COMPLETED)
        .isEnded();
    assertThat(taskQuery().processInstanceBusinessKey(CASE_CODE).count()).isZero();
    assertThat(pendingJobs(instance)).isZero();
  }
}
