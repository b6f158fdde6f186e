package vn.dondoc.processes.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.DeadlineExtension.Decision;
import vn.dondoc.processes.DeadlineExtension.Var;
import vn.dondoc.processes.FixedUserTaskDue;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.sla.FixedSlaClocks;
import vn.dondoc.processes.sla.SlaStage;

/** The decision stage's SLA clock: reminder, breach to the leader, supervisor task; cancelled when decided. */
@Deployment(resources = DeadlineExtension.RESOURCE)
class ExtensionSlaProcessTest extends DeadlineExtensionProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void theDecisionIsDueWhenTheStagesClockIs() {
    ProcessInstance instance = request();

    Date due = Date.from(START.plus(FixedSlaClocks.DUE_AFTER));
    assertThat(timer(instance, "DecisionWarningDue").getDuedate()).isEqualTo(Date.from(START.plus(FixedSlaClocks.WARNING_AFTER)));
    assertThat(timer(instance, "DecisionOverdue").getDuedate()).isEqualTo(due);
    assertThat(task(DeadlineExtension.TASK_DECIDE, instance).getDueDate()).isEqualTo(due);
  }

  @Test
  void theStageRemindsThenNotifiesTheLeaderThenCallsASupervisorEachOnce() {
    ProcessInstance instance = request();

    moveClockBy(FixedSlaClocks.WARNING_AFTER);
    execute(timer(instance, "DecisionWarningDue"));
    verify(escalation).warn(any(), eq(SlaStage.DECIDE));
    assertThat(timer(instance, "DecisionWarningDue")).as("a warning fires once").isNull();

    moveClockBy(Duration.ofDays(1));
    execute(timer(instance, "DecisionOverdue"));
    verify(escalation).breach(any(), eq(SlaStage.DECIDE));
    assertThat(instance).isWaitingAt(DeadlineExtension.TASK_DECIDE, "DecisionStillOpen");

    moveClockBy(Duration.ofDays(2));
    execute(timer(instance, "DecisionStillOpen"));
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("DecisionSupervise").singleResult())
        .hasCandidateGroup("supervisor").hasName("Đôn đốc xem xét gia hạn quá hạn");
    // due two (stand-in) days after the supervisor got it (UserTaskDue's SUPERVISE budget)
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("DecisionSupervise").singleResult()
        .getDueDate()).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(FixedUserTaskDue.DAYS))));
    verify(escalation, times(1)).warn(any(), any());
    verify(escalation, times(1)).breach(any(), any());
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
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("DecisionSupervise").singleResult()).isNull();
  }
}
