package vn.dondoc.processes.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.DeadlineExtension.Decision;
import vn.dondoc.processes.DeadlineExtension.Var;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.sla.FixedSlaClocks;
import vn.dondoc.processes.sla.SlaStage;

/** The standing office's decision: approved (as proposed or another date) or rejected. */
@Deployment(resources = DeadlineExtension.RESOURCE)
class ExtensionDecisionProcessTest extends DeadlineExtensionProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void theStandingOfficeDecides() {
    ProcessInstance instance = request();

    assertThat(instance).isWaitingAt(DeadlineExtension.TASK_DECIDE);
    assertThat(task(DeadlineExtension.TASK_DECIDE, instance))
        .hasCandidateGroup(DeadlineExtension.GROUP_STANDING_OFFICE)
        .hasName("Quyết định gia hạn");
  }

  @Test
  void anApprovedExtensionIsApplied() {
    ProcessInstance instance = request();

    decide(instance, withVariables(Var.DECISION, Decision.APPROVE));

    verify(steps).apply(any());
    verify(steps, never()).reject(any());
    verify(clocks).stop(any(), eq(SlaStage.DECIDE));
    assertThat(instance)
        .hasPassedInOrder("DecisionStage", "ApplyExtension", DeadlineExtension.END_APPROVED)
        .isEnded();
  }

  @Test
  void anotherDateMayBeApproved() {
    ProcessInstance instance = request();

    decide(
        instance,
        withVariables(
            Var.DECISION, Decision.APPROVE_OTHER_DATE, Var.APPROVED_DEADLINE, "2026-08-31"));

    verify(steps).apply(any());
    assertThat(instance).hasPassed(DeadlineExtension.END_APPROVED).isEnded();
    assertThat(variable(instance, Var.APPROVED_DEADLINE)).isEqualTo("2026-08-31");
  }

  @Test
  void aRejectedExtensionChangesNoDeadline() {
    ProcessInstance instance = request();

    decide(
        instance,
        withVariables(
            Var.DECISION,
            Decision.REJECT,
            Var.DECISION_NOTE,
            "Lý do không thuộc trường hợp khách quan"));

    verify(steps).reject(any());
    verify(steps, never()).apply(any());
    assertThat(instance)
        .hasPassedInOrder("DecisionStage", "RejectExtension", DeadlineExtension.END_REJECTED)
        .hasNotPassed(DeadlineExtension.END_APPROVED)
        .isEnded();
  }

  @Test
  void anUnknownDecisionIsRefused() {
    ProcessInstance instance = request();

    assertThatThrownBy(() -> decide(instance, withVariables(Var.DECISION, "maybe")));

    assertThat(instance).isWaitingAt(DeadlineExtension.TASK_DECIDE);
    verify(steps, never()).apply(any());
    verify(steps, never()).reject(any());
  }

  @Test
  void decidingEndsTheStageWithItsPendingEscalations() {
    ProcessInstance instance = request();
    moveClockBy(FixedSlaClocks.SUPERVISOR_AFTER);
    execute(timer(instance, "DecisionOverdue"));
    execute(timer(instance, "DecisionStillOpen"));

    decide(instance, withVariables(Var.DECISION, Decision.APPROVE));

    verify(clocks).stop(any(), eq(SlaStage.DECIDE));
    assertThat(timer(instance, "DecisionWarningDue")).isNull();
    assertThat(instance).isEnded();
    assertThat(taskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("DecisionSupervise")
            .singleResult())
        .isNull();
  }
}
