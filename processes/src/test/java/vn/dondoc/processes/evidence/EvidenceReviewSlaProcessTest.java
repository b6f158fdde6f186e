package vn.dondoc.processes.evidence;

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
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.EvidenceReview.Decision;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.sla.FixedSlaClocks;
import vn.dondoc.processes.sla.SlaStage;

/** The review stage's SLA clock: reminder, breach to the leader, supervisor task; cancelled when the reviewer decides. */
@Deployment(resources = {EvidenceReview.RESOURCE, EvidenceReview.VERIFIER_RESOURCE})
class EvidenceReviewSlaProcessTest extends EvidenceReviewProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void theReviewIsDueWhenTheStagesClockIs() {
    ProcessInstance instance = submit("FINANCE");

    Date due = Date.from(START.plus(FixedSlaClocks.DUE_AFTER));
    assertThat(timer(instance, "ReviewWarningDue").getDuedate()).isEqualTo(Date.from(START.plus(FixedSlaClocks.WARNING_AFTER)));
    assertThat(timer(instance, "ReviewOverdue").getDuedate()).isEqualTo(due);
    assertThat(task(EvidenceReview.TASK_REVIEW, instance).getDueDate()).isEqualTo(due);
  }

  @Test
  void theStageRemindsThenNotifiesTheLeaderThenCallsASupervisorEachOnce() {
    ProcessInstance instance = submit("FINANCE");

    moveClockBy(FixedSlaClocks.WARNING_AFTER);
    execute(timer(instance, "ReviewWarningDue"));
    verify(escalation).warn(any(), eq(SlaStage.REVIEW));
    assertThat(timer(instance, "ReviewWarningDue")).as("a warning fires once").isNull();

    moveClockBy(Duration.ofDays(1));
    execute(timer(instance, "ReviewOverdue"));
    verify(escalation).breach(any(), eq(SlaStage.REVIEW));
    assertThat(instance).isWaitingAt(EvidenceReview.TASK_REVIEW, "ReviewStillOpen");

    moveClockBy(Duration.ofDays(2));
    execute(timer(instance, "ReviewStillOpen"));
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("ReviewSupervise").singleResult())
        .hasCandidateGroup("supervisor").hasName("Đôn đốc thẩm định quá hạn");
    verify(escalation, times(1)).warn(any(), any());
    verify(escalation, times(1)).breach(any(), any());
    assertThat(instance).isWaitingAt(EvidenceReview.TASK_REVIEW, "ReviewSupervise");
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
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("ReviewSupervise").singleResult()).isNull();
    assertThat(instance).as("the domain verifier is outside the review stage").isWaitingAt(EvidenceReview.TASK_VERIFY);
  }
}
