package vn.dondoc.processes.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
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

/** Asking the agency for more: the case leaves the decision stage (its clock pauses) and comes back to it. */
@Deployment(resources = DeadlineExtension.RESOURCE)
class ExtensionInfoProcessTest extends DeadlineExtensionProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void theLeadAgencyIsAskedAndTheDecisionClockStops() {
    ProcessInstance instance = request();

    decide(
        instance,
        withVariables(
            Var.DECISION,
            Decision.ASK_INFO,
            Var.DECISION_NOTE,
            "Đề nghị gửi văn bản của Bộ Công an"));

    verify(steps).askForInfo(any());
    verify(clocks).stop(any(), eq(SlaStage.DECIDE));
    assertThat(instance).isWaitingAt(DeadlineExtension.TASK_PROVIDE_INFO);
    assertThat(task(DeadlineExtension.TASK_PROVIDE_INFO, instance))
        .hasCandidateGroup("agencies/bnv");
    assertThat(timer(instance, "DecisionOverdue"))
        .as("no SLA timer while the agency has the ball")
        .isNull();
    assertThat(timer(instance, "DecisionWarningDue")).isNull();
  }

  @Test
  void theAnswerBringsTheRequestBackToTheStandingOfficeWhichMayThenApprove() {
    ProcessInstance instance = request();
    decide(
        instance,
        withVariables(
            Var.DECISION,
            Decision.ASK_INFO,
            Var.DECISION_NOTE,
            "Đề nghị gửi văn bản của Bộ Công an"));
    moveClockBy(Duration.ofDays(5));

    complete(
        task(DeadlineExtension.TASK_PROVIDE_INFO, instance),
        withVariables(Var.INFO_REPLY, "Gửi kèm Công văn số 123/BCA-C06"));

    verify(steps).recordInfo(any());
    assertThat(instance).isWaitingAt(DeadlineExtension.TASK_DECIDE);
    assertThat(timesEntered(instance, "DecisionStage")).isEqualTo(2);
    assertThat(timer(instance, "DecisionOverdue").getDuedate())
        .as("the stage's clock runs again")
        .isEqualTo(Date.from(START.plus(Duration.ofDays(5)).plus(FixedSlaClocks.DUE_AFTER)));

    decide(instance, withVariables(Var.DECISION, Decision.APPROVE));

    verify(steps).apply(any());
    verify(clocks, times(2)).stop(any(), eq(SlaStage.DECIDE));
    assertThat(instance)
        .hasPassedInOrder(
            "AskForInfo",
            DeadlineExtension.TASK_PROVIDE_INFO,
            "RecordInfo",
            DeadlineExtension.TASK_DECIDE,
            "ApplyExtension")
        .hasPassed(DeadlineExtension.END_APPROVED)
        .isEnded();
  }

  @Test
  void theStandingOfficeMayAskMoreThanOnce() {
    ProcessInstance instance = request();
    for (int round = 0; round < 2; round++) {
      decide(
          instance,
          withVariables(Var.DECISION, Decision.ASK_INFO, Var.DECISION_NOTE, "Đề nghị bổ sung"));
      complete(
          task(DeadlineExtension.TASK_PROVIDE_INFO, instance),
          withVariables(Var.INFO_REPLY, "Đã bổ sung"));
    }

    decide(
        instance,
        withVariables(Var.DECISION, Decision.REJECT, Var.DECISION_NOTE, "Không đủ căn cứ"));

    verify(steps, times(2)).askForInfo(any());
    verify(steps, times(2)).recordInfo(any());
    verify(steps).reject(any());
    verify(steps, never()).apply(any());
    assertThat(timesEntered(instance, "DecisionStage")).isEqualTo(3);
    assertThat(instance).hasPassed(DeadlineExtension.END_REJECTED).isEnded();
  }
}
