package vn.dondoc.processes.tasks;

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
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.sla.SlaStage;

/** The acknowledgement stage's SLA clock: reminder, breach to the leader, supervisor task; cancelled when acknowledged. */
@Deployment(resources = {TaskLifecycle.RESOURCE, TaskLifecycleProcessTest.EVIDENCE_REVIEW_STUB})
class TaskAcknowledgementSlaProcessTest extends TaskLifecycleProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  private static final String PREFIX = SlaStage.prefix(SlaStage.ACKNOWLEDGE);

  @Test
  void theAcknowledgementIsDueWhenTheStagesClockIs() {
    ProcessInstance instance = issue();

    assertThat(timer(instance, PREFIX + "WarningDue")).isNotNull();
    assertThat(task(TaskLifecycle.TASK_ACKNOWLEDGE, instance).getDueDate())
        .isEqualTo(timer(instance, PREFIX + "Overdue").getDuedate())
        .isEqualTo(Date.from(ISSUED.plus(Duration.ofDays(4))));
  }

  @Test
  void theStageRemindsThenNotifiesTheLeaderThenCallsASupervisorEachOnce() {
    ProcessInstance instance = issue();

    moveClockBy(Duration.ofDays(3));
    execute(timer(instance, PREFIX + "WarningDue"));
    verify(escalation).warn(any(), eq(SlaStage.ACKNOWLEDGE));
    assertThat(timer(instance, PREFIX + "WarningDue")).as("a warning fires once").isNull();

    moveClockBy(Duration.ofDays(1));
    execute(timer(instance, PREFIX + "Overdue"));
    verify(escalation).breach(any(), eq(SlaStage.ACKNOWLEDGE));
    assertThat(instance).isWaitingAt(TaskLifecycle.TASK_ACKNOWLEDGE, PREFIX + "StillOpen");

    moveClockBy(Duration.ofDays(2));
    execute(timer(instance, PREFIX + "StillOpen"));
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(PREFIX + "Supervise").singleResult())
        .hasCandidateGroup("supervisor").hasName("Đôn đốc tiếp nhận nhiệm vụ quá hạn");
    verify(escalation, times(1)).warn(any(), any());
    verify(escalation, times(1)).breach(any(), any());
    assertThat(instance).isWaitingAt(TaskLifecycle.TASK_ACKNOWLEDGE, PREFIX + "Supervise");
  }

  @Test
  void acknowledgingEndsTheStagesClockAndItsPendingEscalations() {
    ProcessInstance instance = issue();
    moveClockBy(Duration.ofDays(6));
    execute(timer(instance, PREFIX + "Overdue"));
    execute(timer(instance, PREFIX + "StillOpen"));

    acknowledge(instance);

    verify(clocksSpy).stop(any(), eq(SlaStage.ACKNOWLEDGE));
    assertThat(timer(instance, PREFIX + "WarningDue")).isNull();
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(PREFIX + "Supervise").count()).isZero();
    assertThat(instance).hasPassed("AcknowledgementStage").isWaitingAt(TaskLifecycle.TASK_REPORT_COMPLETION);
  }
}
