package vn.dondoc.processes.initiatives;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Decision;
import vn.dondoc.processes.InitiativeSelection.Var;

/** After the panel: consensus when the experts disagree, the shortlist, and the standing office's decision. */
@Deployment(resources = InitiativeSelection.RESOURCE)
class InitiativeDecisionProcessTest extends InitiativeSelectionProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  ProcessInstance scored() {
    ProcessInstance instance = submit();
    toPanel(instance);
    panelScores(instance);
    return instance;
  }

  @Test
  void expertsFarApartReachAConsensusWhichDecidesTheShortlist() {
    spread = 4.0;
    ProcessInstance instance = scored();

    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_CONSENSUS);
    assertThat(task(InitiativeSelection.TASK_CONSENSUS, instance))
        .hasCandidateGroup(InitiativeSelection.GROUP_STANDING_OFFICE);
    complete(
        task(InitiativeSelection.TASK_CONSENSUS, instance),
        withVariables(
            Var.CONSENSUS_SCORE, 7.5, Var.CONSENSUS_NOTE, "Hội đồng thống nhất sau khi trao đổi."));

    InOrder order = inOrder(scoring);
    order.verify(scoring).aggregate(any());
    order.verify(scoring).recordConsensus(any());
    assertThat(instance).hasPassed("RecordConsensus").isWaitingAt(InitiativeSelection.TASK_DECIDE);
  }

  @Test
  void aConsensusBelowTheThresholdIsNotShortlisted() {
    spread = 4.0;
    ProcessInstance instance = scored();

    complete(
        task(InitiativeSelection.TASK_CONSENSUS, instance),
        withVariables(Var.CONSENSUS_SCORE, 5.0, Var.CONSENSUS_NOTE, "Tính khả thi thấp."));

    verify(steps).notShortlisted(any());
    assertThat(instance).hasPassed(InitiativeSelection.END_NOT_SHORTLISTED).isEnded();
  }

  @Test
  void aScoreBelowTheThresholdEndsOffTheShortlist() {
    meanScore = 5.2;
    shortlisted = false;
    ProcessInstance instance = scored();

    verify(steps).notShortlisted(any());
    verify(steps, never()).decide(any());
    assertThat(instance)
        .hasNotPassed(InitiativeSelection.TASK_CONSENSUS, InitiativeSelection.TASK_DECIDE)
        .hasPassed(InitiativeSelection.END_NOT_SHORTLISTED)
        .isEnded();
  }

  @Test
  void aSelectedInitiativeBecomesTasks() {
    ProcessInstance instance = scored();
    assertThat(task(InitiativeSelection.TASK_DECIDE, instance))
        .hasCandidateGroup(InitiativeSelection.GROUP_STANDING_OFFICE);

    complete(
        task(InitiativeSelection.TASK_DECIDE, instance),
        withVariables(
            Var.DECISION,
            Decision.SELECTED,
            Var.DECISION_REASON,
            "Điểm cao, phù hợp định hướng",
            Var.TASK_LEAD_AGENCY,
            "bca",
            Var.TASK_DEADLINE,
            "2026-12-31",
            Var.TASK_EXPECTED_PRODUCT,
            "Dịch vụ đối soát dùng chung đã vận hành"));

    verify(steps).decide(any());
    assertThat(instance)
        .hasPassed("RecordDecision", InitiativeSelection.END_SELECTED)
        .hasNotPassed(InitiativeSelection.END_NOT_SELECTED, InitiativeSelection.END_DEFERRED)
        .isEnded();
  }

  @Test
  void aRejectedInitiativeEndsNotSelected() {
    ProcessInstance instance = scored();

    decide(instance, Decision.NOT_SELECTED);

    verify(steps).decide(any());
    assertThat(instance)
        .hasPassed(InitiativeSelection.END_NOT_SELECTED)
        .hasNotPassed(InitiativeSelection.END_SELECTED, InitiativeSelection.END_DEFERRED)
        .isEnded();
  }

  @Test
  void aDeferredInitiativeEndsDeferred() {
    ProcessInstance instance = scored();

    decide(instance, Decision.DEFERRED);

    verify(steps).decide(any());
    assertThat(instance)
        .hasPassed(InitiativeSelection.END_DEFERRED)
        .hasNotPassed(InitiativeSelection.END_SELECTED, InitiativeSelection.END_NOT_SELECTED)
        .isEnded();
  }
}
