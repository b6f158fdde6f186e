package vn.dondoc.processes.evidence;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.EvidenceReview.Decision;
import vn.dondoc.processes.EvidenceReview.Var;
import vn.dondoc.processes.InMemoryEngine;

/**
 * A caller (a stand-in for the task lifecycle, bpmn/evidence-review-caller.bpmn in the test resources)
 * gets the outcome back from the call activity, with the review's beans mocked.
 */
@Deployment(
    resources = {
      EvidenceReview.RESOURCE,
      EvidenceReview.VERIFIER_RESOURCE,
      EvidenceReviewCallProcessTest.CALLER
    })
class EvidenceReviewCallProcessTest extends EvidenceReviewProcessTest {

  static final String CALLER = "bpmn/evidence-review-caller.bpmn";

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void theCallerReceivesTheOutcomeAndTheNote() {
    ProcessInstance caller = runtimeService()
        .startProcessInstanceByKey("evidence-review-caller", CASE_CODE, submission("DATABASES"));
    assertThat(caller).isWaitingAt("ReviewEvidence");
    ProcessInstance review = calledProcessInstance(caller);
    assertThat(review)
        .hasProcessDefinitionKey(EvidenceReview.PROCESS_KEY)
        .hasBusinessKey(CASE_CODE);

    review(review, Decision.ACCEPT, null);
    confirm(review, Decision.RETURN, "Chưa kết nối với Nền tảng NDXP");

    assertThat(review).isEnded();
    assertThat(caller)
        .isWaitingAt("AfterReview")
        .variables()
        .containsEntry(Var.REVIEW_OUTCOME, Decision.RETURN)
        .containsEntry(Var.REVIEW_NOTE, "Chưa kết nối với Nền tảng NDXP");
  }

  @Test
  void anAcceptanceWithoutVerifierReachesTheCaller() {
    ProcessInstance caller = runtimeService()
        .startProcessInstanceByKey("evidence-review-caller", CASE_CODE, submission("FINANCE"));

    review(calledProcessInstance(caller), Decision.ACCEPT, null);

    assertThat(caller)
        .isWaitingAt("AfterReview")
        .variables()
        .containsEntry(Var.REVIEW_OUTCOME, Decision.ACCEPT);
  }
}
