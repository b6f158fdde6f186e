package vn.dondoc.processes.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.sla.SlaStage;

/** The SLA timers of each stage: reminder, breach to the leader, supervisor task; cancelled when the stage ends. */
@Deployment(resources = {FeedbackHandling.RESOURCE, FeedbackHandling.ROUTING_RESOURCE})
class FeedbackSlaProcessTest extends FeedbackProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void eachStageShowsAWarningAndABreachTimerFromItsClock() {
    ProcessInstance instance = receive();

    assertThat(timer(instance, "RoutingWarningDue").getDuedate()).isEqualTo(clocks.warningAt(executionOf(instance), SlaStage.ROUTE));
    assertThat(timer(instance, "RoutingOverdue")).isNotNull();
    assertThat(timer(instance, "AcceptanceWarningDue")).isNull();
  }

  @Test
  void eachStagesTasksAreDueWhenItsClockIs() {
    ProcessInstance instance = receive();
    Date routingDue = timer(instance, "RoutingOverdue").getDuedate();
    assertThat(task(FeedbackHandling.TASK_CLASSIFY, instance).getDueDate()).isEqualTo(routingDue);

    moveClockBy(Duration.ofHours(5));
    classify(instance, "hanoi");

    assertThat(task(FeedbackHandling.TASK_ACCEPT, instance).getDueDate())
        .isEqualTo(timer(instance, "AcceptanceOverdue").getDuedate()).isAfter(routingDue);
  }

  @Test
  void aStageRemindsThenNotifiesTheLeaderThenCallsASupervisorEachOnce() {
    ProcessInstance instance = receive();

    moveClockBy(Duration.ofDays(3));
    execute(timer(instance, "RoutingWarningDue"));
    verify(escalation).warn(any(), eq(SlaStage.ROUTE));
    assertThat(timer(instance, "RoutingWarningDue")).as("a warning fires once").isNull();

    moveClockBy(Duration.ofDays(1));
    execute(timer(instance, "RoutingOverdue"));
    verify(escalation).breach(any(), eq(SlaStage.ROUTE));
    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_CLASSIFY, "RoutingStillOpen");

    moveClockBy(Duration.ofDays(2));
    execute(timer(instance, "RoutingStillOpen"));
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("RoutingSupervise").singleResult())
        .hasCandidateGroup("supervisor").hasName("Đôn đốc phân loại quá hạn");
    verify(escalation, times(1)).warn(any(), any());
    verify(escalation, times(1)).breach(any(), any());
  }

  @Test
  void leavingTheStageCancelsItsPendingEscalations() {
    ProcessInstance instance = receive();
    moveClockBy(Duration.ofDays(4));
    execute(timer(instance, "RoutingOverdue"));

    classify(instance, "hanoi");

    assertThat(timer(instance, "RoutingStillOpen")).isNull();
    assertThat(timer(instance, "RoutingWarningDue")).isNull();
    assertThat(timer(instance, "AcceptanceOverdue")).as("the next stage's clock runs").isNotNull();
  }

  @Test
  void theAnswerStageEscalatesToTheAgencyLeaderAndASupervisor() {
    ProcessInstance instance = receive();
    classify(instance, "hanoi");
    accept(instance);

    moveClockBy(Duration.ofDays(4));
    execute(timer(instance, "AnswerOverdue"));
    moveClockBy(Duration.ofDays(2));
    execute(timer(instance, "AnswerStillOpen"));

    verify(escalation).breach(any(), eq(SlaStage.ANSWER));
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("AnswerSupervise").singleResult())
        .hasCandidateGroup("supervisor");
    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_DRAFT_ANSWER);
  }

  /** The fixed clock only needs the process instance id. */
  private DelegateExecution executionOf(ProcessInstance instance) {
    DelegateExecution execution = mock(DelegateExecution.class);
    org.mockito.Mockito.when(execution.getProcessInstanceId()).thenReturn(instance.getId());
    return execution;
  }
}
