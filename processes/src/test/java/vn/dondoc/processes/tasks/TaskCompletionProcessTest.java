package vn.dondoc.processes.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.EvidenceReview.Decision;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.TaskLifecycle.Var;

/** Acknowledgement, the completion report, the evidence review and its loop until the evidence is accepted. */
@Deployment(resources = {TaskLifecycle.RESOURCE, TaskLifecycleProcessTest.EVIDENCE_REVIEW_STUB})
class TaskCompletionProcessTest extends TaskLifecycleProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void theLeadAgencyAcknowledgesThenReportsCompletionAndTheAcceptedEvidenceCompletesTheTask() {
    ProcessInstance instance = issue(false, true);
    assertThat(task(TaskLifecycle.TASK_ACKNOWLEDGE, instance))
        .hasCandidateGroup("agencies/bca")
        .hasName("Tiếp nhận nhiệm vụ");
    acknowledge(instance);

    verify(steps).acknowledge(any());
    assertThat(instance)
        .hasPassedInOrder(
            "AcknowledgeTask", "RecordAcknowledgement", "Acknowledged", "SplitImplementation")
        .isWaitingAt(
            TaskLifecycle.TASK_REPORT_COMPLETION,
            TaskLifecycle.TIMER_DEADLINE_APPROACHING,
            TaskLifecycle.TIMER_NEXT_REPORT_PERIOD);
    assertThat(task(TaskLifecycle.TASK_REPORT_COMPLETION, instance))
        .hasCandidateGroup("agencies/bca");

    reportCompletion(instance, 7L);
    verify(steps).checkSubmission(any());
    assertThat(instance).isWaitingAt(TaskLifecycle.CALL_EVIDENCE_REVIEW);
    decide(instance, Decision.ACCEPT);

    verify(steps, times(1)).complete(any());
    verify(steps, never()).reopen(any());
    assertThat(instance)
        .hasPassedInOrder(
            TaskLifecycle.TASK_REPORT_COMPLETION,
            TaskLifecycle.CALL_EVIDENCE_REVIEW,
            "EvidenceAccepted",
            "RecordCompletion",
            "ImplementationDone",
            TaskLifecycle.END_COMPLETED)
        .hasPassed(TaskLifecycle.IMPLEMENTATION)
        .isEnded();
    assertThat(instance)
        .hasNotPassed("RemindDeadline", "ReportProgress", TaskLifecycle.END_WITHDRAWN);
    assertThat(pendingJobs(instance))
        .as("the deadline and report timers went with the implementation")
        .isZero();
    assertThat(canceled(instance, TaskLifecycle.TIMER_DEADLINE_APPROACHING)).isTrue();
    assertThat(canceled(instance, TaskLifecycle.TIMER_NEXT_REPORT_PERIOD)).isTrue();
  }

  @Test
  void theReviewGetsTheSubmissionWithTheCaseCodeAsBusinessKeyAndReturnsItsOutcome() {
    ProcessInstance instance = acknowledged(false, false);
    reportCompletion(instance, 7L);

    ProcessInstance review = review(instance);
    assertThat(review.getBusinessKey()).isEqualTo(CASE_CODE);
    assertThat(review)
        .isStarted()
        .variables()
        .containsEntry(Var.SUBMISSION_ID, 7L)
        .containsEntry(Var.TASK_ID, 42L)
        .containsEntry(Var.CASE_CODE, CASE_CODE)
        .containsEntry(Var.LEAD_AGENCY, LEAD_AGENCY)
        .containsEntry(Var.FIELD, "digital-infrastructure")
        .containsEntry(Var.EVIDENCE_LEVEL, "L2")
        .containsKeys(Var.TASK_CODE, Var.TITLE)
        .doesNotContainKey(Var.REPORTS_MONTHLY);

    decide(instance, Decision.RETURN);

    assertThat(instance)
        .variables()
        .containsEntry(EvidenceReview.Var.REVIEW_OUTCOME, Decision.RETURN)
        .containsEntry(EvidenceReview.Var.REVIEW_NOTE, "Biên bản nghiệm thu chưa có chữ ký");
  }

  @Test
  void returnedOrRejectedEvidenceReopensTheTaskUntilItIsAccepted() {
    ProcessInstance instance = acknowledged(false, false);

    reportCompletion(instance, 7L);
    decide(instance, Decision.RETURN);
    verify(steps).reopen(any());
    assertThat(instance).isWaitingAt(TaskLifecycle.TASK_REPORT_COMPLETION);

    reportCompletion(instance, 8L);
    decide(instance, Decision.REJECT);
    assertThat(instance).isWaitingAt(TaskLifecycle.TASK_REPORT_COMPLETION);

    reportCompletion(instance, 9L);
    decide(instance, Decision.ACCEPT);

    assertThat(timesEntered(instance, TaskLifecycle.TASK_REPORT_COMPLETION)).isEqualTo(3);
    assertThat(timesEntered(instance, TaskLifecycle.CALL_EVIDENCE_REVIEW)).isEqualTo(3);
    verify(steps, times(2)).reopen(any());
    verify(steps, times(1)).complete(any());
    assertThat(instance).hasPassed(TaskLifecycle.END_COMPLETED).isEnded();
  }

  @Test
  void reportingCompletionWithoutASubmissionIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = acknowledged(false, false);
    doThrow(new IllegalStateException("no evidence submission for NV-2026-000001"))
        .when(steps)
        .checkSubmission(any());

    assertThatThrownBy(() -> complete(task(TaskLifecycle.TASK_REPORT_COMPLETION, instance)))
        .hasMessageContaining("no evidence submission");

    assertThat(instance).isWaitingAt(TaskLifecycle.TASK_REPORT_COMPLETION);
    assertThat(review(instance)).as("no review was started").isNull();
    assertThat(runtimeService().getVariable(instance.getId(), Var.SUBMISSION_ID))
        .isNull();
    verify(steps, never()).complete(any());
  }

  /**
   * Why {@link TaskLifecycle.Steps#checkSubmission} must refuse with a plain exception: nothing in the model
   * catches a BPMN error there, so the engine silently ends the completion branch. A recurring task that
   * owes no reports has no other branch, and would leave the implementation as if it were completed.
   */
  @Test
  void aBpmnErrorFromTheSubmissionCheckWouldEndTheCompletionBranchUnreviewed() {
    ProcessInstance instance = acknowledged(true, false);
    doThrow(new BpmnError("NoSubmission")).when(steps).checkSubmission(any());

    complete(task(TaskLifecycle.TASK_REPORT_COMPLETION, instance));

    assertThat(instance)
        .hasNotPassed(TaskLifecycle.CALL_EVIDENCE_REVIEW, "RecordCompletion")
        .hasPassed(TaskLifecycle.END_COMPLETED)
        .isEnded();
    verify(steps, never()).complete(any());
  }

  private boolean canceled(ProcessInstance instance, String activityId) {
    return historyService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .singleResult()
        .isCanceled();
  }
}
