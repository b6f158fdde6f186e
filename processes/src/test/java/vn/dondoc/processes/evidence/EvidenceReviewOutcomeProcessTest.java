package vn.dondoc.processes.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.EvidenceReview.Decision;
import vn.dondoc.processes.EvidenceReview.Var;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.sla.FixedSlaClocks;
import vn.dondoc.processes.sla.SlaStage;

/** The reviewer's decision: accepted without a domain verifier, returned, rejected; who may decide. */
@Deployment(resources = {EvidenceReview.RESOURCE, EvidenceReview.VERIFIER_RESOURCE})
class EvidenceReviewOutcomeProcessTest extends EvidenceReviewProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void aReviewerOfTheStandingOfficeGetsTheSubmission() {
    ProcessInstance instance = submit("FINANCE");

    assertThat(instance).isWaitingAt(EvidenceReview.TASK_REVIEW);
    assertThat(task(EvidenceReview.TASK_REVIEW, instance))
        .hasCandidateGroup(EvidenceReview.GROUP_REVIEWER)
        .hasName("Xem xét, đánh giá minh chứng");
  }

  @Test
  void anAcceptedSubmissionOfAFieldWithoutVerifierIsAccepted() {
    ProcessInstance instance = submit("FINANCE");

    review(instance, Decision.ACCEPT, null);

    verify(steps).checkReviewer(any());
    verify(steps).recordOutcome(any());
    assertThat(recorded).containsEntry(Var.REVIEW_OUTCOME, Decision.ACCEPT);
    assertThat(instance)
        .hasPassedInOrder(
            "ReviewStage", "FindVerifier", "RecordOutcome", EvidenceReview.END_REVIEWED)
        .hasNotPassed(EvidenceReview.TASK_VERIFY)
        .isEnded();
    assertThat(variable(instance, Var.VERIFIER_AGENCY)).isNull();
    assertThat(variable(instance, Var.REVIEW_OUTCOME)).isEqualTo(Decision.ACCEPT);
  }

  @Test
  void aReturnedSubmissionCarriesWhatIsMissing() {
    ProcessInstance instance = submit("DATABASES");

    review(
        instance,
        Decision.RETURN,
        "Thiếu văn bản xác nhận kết nối với Cơ sở dữ liệu quốc gia về dân cư");

    assertThat(recorded)
        .containsEntry(Var.REVIEW_OUTCOME, Decision.RETURN)
        .containsEntry(
            Var.REVIEW_NOTE, "Thiếu văn bản xác nhận kết nối với Cơ sở dữ liệu quốc gia về dân cư");
    assertThat(instance)
        .hasNotPassed("FindVerifier", EvidenceReview.TASK_VERIFY)
        .hasPassed(EvidenceReview.END_REVIEWED)
        .isEnded();
  }

  @Test
  void aRejectedSubmissionIsRejectedWithoutAskingTheVerifier() {
    ProcessInstance instance = submit("DATABASES");

    review(instance, Decision.REJECT, "Minh chứng không liên quan đến nhiệm vụ");

    assertThat(recorded)
        .containsEntry(Var.REVIEW_OUTCOME, Decision.REJECT)
        .containsEntry(Var.REVIEW_NOTE, "Minh chứng không liên quan đến nhiệm vụ");
    assertThat(instance).hasNotPassed(EvidenceReview.TASK_VERIFY).isEnded();
  }

  @Test
  void aMemberOfTheSubmittingAgencyCannotDecide() {
    ProcessInstance instance = submit("FINANCE");
    doThrow(new IllegalStateException("người thẩm định thuộc cơ quan đã nộp"))
        .when(steps)
        .checkReviewer(any());

    assertThatThrownBy(() -> review(instance, Decision.ACCEPT, null))
        .hasRootCauseInstanceOf(IllegalStateException.class);

    assertThat(instance).isWaitingAt(EvidenceReview.TASK_REVIEW);
    verify(steps, never()).recordOutcome(any());
  }

  @Test
  void anUnknownDecisionIsRefused() {
    ProcessInstance instance = submit("FINANCE");

    assertThatThrownBy(() -> complete(
        task(EvidenceReview.TASK_REVIEW, instance), withVariables(Var.REVIEW_DECISION, "maybe")));

    assertThat(instance).isWaitingAt(EvidenceReview.TASK_REVIEW);
    verify(steps, never()).recordOutcome(any());
  }

  @Test
  void decidingEndsTheStageWithItsPendingEscalations() {
    ProcessInstance instance = submit("DATABASES");
    moveClockBy(FixedSlaClocks.SUPERVISOR_AFTER);
    execute(timer(instance, "ReviewOverdue"));
    execute(timer(instance, "ReviewStillOpen"));

    review(instance, Decision.ACCEPT, null);

    verify(clocks).stop(any(), eq(SlaStage.REVIEW));
    assertThat(timer(instance, "ReviewWarningDue")).isNull();
    assertThat(taskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("ReviewSupervise")
            .singleResult())
        .isNull();
    assertThat(instance)
        .as("the domain verifier is outside the review stage")
        .isWaitingAt(EvidenceReview.TASK_VERIFY);
  }
}
