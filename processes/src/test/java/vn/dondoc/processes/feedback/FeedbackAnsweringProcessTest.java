package vn.dondoc.processes.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Decision;
import vn.dondoc.processes.FeedbackHandling.Var;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.sla.SlaStage;

/** Handling and answering: questions to the sender, sign-off, publication, rating, reopening. */
@Deployment(resources = {FeedbackHandling.RESOURCE, FeedbackHandling.ROUTING_RESOURCE})
class FeedbackAnsweringProcessTest extends FeedbackProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void theAnswerIsSignedOffByTheAgencysLeadersThenPublishedAndRated() {
    ProcessInstance instance = receive();
    classify(instance, "hanoi");
    accept(instance);
    assertThat(task(FeedbackHandling.TASK_DRAFT_ANSWER, instance))
        .hasCandidateGroup("agencies/hanoi");
    draftAnswer(instance);
    assertThat(task(FeedbackHandling.TASK_SIGN_OFF, instance))
        .hasCandidateGroup("agencies/hanoi/leaders");
    signOff(instance, Decision.APPROVE);

    verify(answers).startHandling(any());
    verify(answers).publish(any());
    assertThat(instance).isWaitingAt("AwaitRating");
    rate(instance, false);

    verify(answers).recordRating(any());
    assertThat(instance)
        .hasPassedInOrder(
            "RoutingStage",
            "AcceptanceStage",
            "AnswerStage",
            "PublishAnswer",
            "SenderRated",
            "RecordRating")
        .isEnded();
    assertThat(instance).hasPassed("Closed");
    verify(clocksSpy).stop(any(), eq(SlaStage.ANSWER));
  }

  @Test
  void aLeaderMaySendTheDraftBackForRevision() {
    ProcessInstance instance = receive();
    classify(instance, "hanoi");
    accept(instance);
    draftAnswer(instance);

    signOff(instance, Decision.REVISE);

    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_DRAFT_ANSWER);
    verify(answers, never()).publish(any());
  }

  @Test
  void askingTheSenderWaitsForTheReplyThenHandlingResumes() {
    ProcessInstance instance = receive();
    classify(instance, "hanoi");
    accept(instance);

    complete(
        task(FeedbackHandling.TASK_DRAFT_ANSWER, instance),
        withVariables(
            Var.ANSWER_DECISION,
            Decision.ASK_SENDER,
            Var.QUESTION_TO_SENDER,
            "Đề nghị cho biết số hồ sơ đã nộp."));

    verify(infoRequests).ask(any());
    assertThat(instance).isWaitingAt("AwaitSender");
    runtimeService()
        .createMessageCorrelation(FeedbackHandling.MESSAGE_INFO_PROVIDED)
        .processInstanceId(instance.getId())
        .setVariable(Var.SENDER_REPLY, "Số hồ sơ 000.00.12.H26-260301-0001")
        .correlate();

    verify(infoRequests).resume(any());
    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_DRAFT_ANSWER);
  }

  @Test
  void aSenderWhoNeverRepliesHasTheCaseClosedAfterTheWait() {
    ProcessInstance instance = receive();
    classify(instance, "hanoi");
    accept(instance);
    complete(
        task(FeedbackHandling.TASK_DRAFT_ANSWER, instance),
        withVariables(
            Var.ANSWER_DECISION,
            Decision.ASK_SENDER,
            Var.QUESTION_TO_SENDER,
            "Đề nghị cho biết số hồ sơ đã nộp."));

    Job wait = timer(instance, "SenderSilent");
    assertThat(wait.getDuedate())
        .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15))));
    execute(wait);

    verify(answers).closeWithoutAnswer(any());
    assertThat(instance).hasPassed("ClosedNoReplyBoundary", "ClosedNoReply").isEnded();
    verify(answers, never()).publish(any());
  }

  @Test
  void theSenderMayReopenAnAnswer() {
    ProcessInstance instance = answered();

    rate(instance, true);

    verify(answers).reopen(any());
    verify(answers, times(2)).startHandling(any());
    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_DRAFT_ANSWER);
  }

  @Test
  void anUnratedAnswerClosesWhenTheRatingWindowEnds() {
    ProcessInstance instance = answered();

    execute(timer(instance, "RatingWindowOver"));

    verify(answers).close(any());
    assertThat(instance).hasPassed("ClosedUnrated").isEnded();
  }
}
