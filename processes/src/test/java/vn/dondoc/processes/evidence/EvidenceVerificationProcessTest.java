package vn.dondoc.processes.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
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

/** After the reviewer accepts, a domain verifier from the table confirms; its decision is the outcome. */
@Deployment(resources = {EvidenceReview.RESOURCE, EvidenceReview.VERIFIER_RESOURCE})
class EvidenceVerificationProcessTest extends EvidenceReviewProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void anAcceptedDatabaseGoesToTheMinistryOfPublicSecurity() {
    ProcessInstance instance = submit("DATABASES");

    review(instance, Decision.ACCEPT, "Đủ minh chứng theo yêu cầu");

    assertThat(instance)
        .isWaitingAt(EvidenceReview.TASK_VERIFY)
        .variables()
        .containsEntry(Var.VERIFIER_AGENCY, "bca");
    assertThat(task(EvidenceReview.TASK_VERIFY, instance))
        .hasCandidateGroup("agencies/bca")
        .hasName("Xác nhận minh chứng chuyên ngành");
    verify(steps, never()).recordOutcome(any());
  }

  @Test
  void whatTheVerifierConfirmsIsAccepted() {
    ProcessInstance instance = submit("DATABASES");
    review(instance, Decision.ACCEPT, "Đủ minh chứng theo yêu cầu");

    confirm(instance, Decision.ACCEPT, null);

    verify(steps, times(2)).checkReviewer(any());
    verify(steps).recordOutcome(any());
    assertThat(recorded)
        .containsEntry(Var.REVIEW_OUTCOME, Decision.ACCEPT)
        .containsEntry(Var.REVIEW_NOTE, "Đủ minh chứng theo yêu cầu");
    assertThat(instance)
        .hasPassedInOrder(
            EvidenceReview.TASK_REVIEW,
            "FindVerifier",
            EvidenceReview.TASK_VERIFY,
            "RecordOutcome",
            EvidenceReview.END_REVIEWED)
        .isEnded();
  }

  @Test
  void theVerifierMayReturnTheEvidenceWithItsOwnNote() {
    ProcessInstance instance = submit("DATABASES");
    review(instance, Decision.ACCEPT, "Đủ minh chứng theo yêu cầu");

    confirm(instance, Decision.RETURN, "Chưa kết nối, chia sẻ dữ liệu qua Nền tảng NDXP");

    assertThat(recorded)
        .containsEntry(Var.REVIEW_OUTCOME, Decision.RETURN)
        .containsEntry(Var.REVIEW_NOTE, "Chưa kết nối, chia sẻ dữ liệu qua Nền tảng NDXP");
    assertThat(instance).isEnded();
    assertThat(variable(instance, Var.REVIEW_OUTCOME)).isEqualTo(Decision.RETURN);
  }

  @Test
  void theVerifierMayRejectTheEvidence() {
    ProcessInstance instance = submit("DATABASES");
    review(instance, Decision.ACCEPT, null);

    confirm(instance, Decision.REJECT, "Cơ sở dữ liệu chưa được xây dựng");

    assertThat(recorded)
        .containsEntry(Var.REVIEW_OUTCOME, Decision.REJECT)
        .containsEntry(Var.REVIEW_NOTE, "Cơ sở dữ liệu chưa được xây dựng");
    assertThat(instance).isEnded();
  }

  @Test
  void institutionsGoToTheMinistryOfJusticeAndPlatformsToTheMinistryOfScience() {
    ProcessInstance institutions = submit("INSTITUTIONS");
    review(institutions, Decision.ACCEPT, null);
    assertThat(task(EvidenceReview.TASK_VERIFY, institutions)).hasCandidateGroup("agencies/btp");

    ProcessInstance platforms = submit("PLATFORMS");
    review(platforms, Decision.ACCEPT, null);
    assertThat(task(EvidenceReview.TASK_VERIFY, platforms)).hasCandidateGroup("agencies/bkhcn");
  }

  @Test
  void theVerifierIsCheckedLikeTheReviewer() {
    ProcessInstance instance = submit("DATABASES");
    review(instance, Decision.ACCEPT, null);
    doThrow(new IllegalStateException("người xác nhận thuộc cơ quan đã nộp"))
        .when(steps)
        .checkReviewer(any());

    assertThatThrownBy(() -> confirm(instance, Decision.ACCEPT, null))
        .hasRootCauseInstanceOf(IllegalStateException.class);

    assertThat(instance).isWaitingAt(EvidenceReview.TASK_VERIFY);
    verify(steps, never()).recordOutcome(any());
  }
}
