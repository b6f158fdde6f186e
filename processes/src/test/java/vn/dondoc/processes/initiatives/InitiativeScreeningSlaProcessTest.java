package vn.dondoc.processes.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Screening;
import vn.dondoc.processes.sla.FixedSlaClocks;
import vn.dondoc.processes.sla.SlaStage;

/** The screening stage's SLA clock: reminder, breach to the leader, supervisor task, each once; cancelled by screening. */
@Deployment(resources = InitiativeSelection.RESOURCE)
class InitiativeScreeningSlaProcessTest extends InitiativeSelectionProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void screeningIsDueWhenTheStagesClockIs() {
    ProcessInstance instance = submit();

    Date due = Date.from(START.plus(FixedSlaClocks.DUE_AFTER));
    assertThat(timer(instance, "ScreeningWarningDue").getDuedate()).isEqualTo(Date.from(START.plus(FixedSlaClocks.WARNING_AFTER)));
    assertThat(timer(instance, "ScreeningOverdue").getDuedate()).isEqualTo(due);
    assertThat(task(InitiativeSelection.TASK_SCREEN, instance).getDueDate()).isEqualTo(due);
    assertThat(SlaStage.prefix(SlaStage.SCREEN)).isEqualTo("Screening");
  }

  @Test
  void theStageRemindsThenNotifiesTheLeaderThenCallsASupervisorEachOnce() {
    ProcessInstance instance = submit();

    moveClockBy(FixedSlaClocks.WARNING_AFTER);
    execute(timer(instance, "ScreeningWarningDue"));
    verify(escalation).warn(any(), eq(SlaStage.SCREEN));
    assertThat(timer(instance, "ScreeningWarningDue")).as("a warning fires once").isNull();

    moveClockBy(Duration.ofDays(1));
    execute(timer(instance, "ScreeningOverdue"));
    verify(escalation).breach(any(), eq(SlaStage.SCREEN));
    assertThat(timer(instance, "ScreeningOverdue")).as("a breach fires once").isNull();
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_SCREEN, "ScreeningStillOpen");

    moveClockBy(Duration.ofDays(2));
    execute(timer(instance, "ScreeningStillOpen"));
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("ScreeningSupervise").singleResult())
        .hasCandidateGroup("supervisor").hasName("Đôn đốc sàng lọc quá hạn");
    verify(escalation, times(1)).warn(any(), any());
    verify(escalation, times(1)).breach(any(), any());
    assertThat(timer(instance, "ScreeningStillOpen")).isNull();
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_SCREEN, "ScreeningSupervise");
  }

  @Test
  void screeningEndsTheStageWithItsPendingEscalations() {
    ProcessInstance instance = submit();
    moveClockBy(FixedSlaClocks.SUPERVISOR_AFTER);
    execute(timer(instance, "ScreeningOverdue"));
    execute(timer(instance, "ScreeningStillOpen"));

    screen(instance, Screening.EVALUATE, null);

    verify(clocks).stop(any(), eq(SlaStage.SCREEN));
    assertThat(timer(instance, "ScreeningWarningDue")).isNull();
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("ScreeningSupervise").singleResult()).isNull();
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_PICK_PANEL);
  }
}
