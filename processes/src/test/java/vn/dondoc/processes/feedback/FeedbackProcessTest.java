package vn.dondoc.processes.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Decision;
import vn.dondoc.processes.FeedbackHandling.Var;
import vn.dondoc.processes.FixedUserTaskDue;
import vn.dondoc.processes.UserTaskDue;
import vn.dondoc.processes.sla.FixedSlaClocks;
import vn.dondoc.processes.sla.SlaClocks;
import vn.dondoc.processes.sla.SlaEscalation;

/** Shared set-up of the feedback process tests: the engine, the beans the model calls, a fixed clock. */
abstract class FeedbackProcessTest {

  static class FixedPolicy implements FeedbackHandling.Policy {
    @Override
    public String getInfoWait() {
      return "P15D";
    }

    @Override
    public String getRatingWindow() {
      return "P7D";
    }
  }

  final FixedSlaClocks clocks = new FixedSlaClocks();
  final SlaClocks clocksSpy = org.mockito.Mockito.spy(clocks);
  final SlaEscalation escalation = mock(SlaEscalation.class);
  final FeedbackHandling.Routing routing = mock(FeedbackHandling.Routing.class);
  final FeedbackHandling.InfoRequests infoRequests = mock(FeedbackHandling.InfoRequests.class);
  final FeedbackHandling.Answers answers = mock(FeedbackHandling.Answers.class);
  final JavaDelegate recordClassification = mock(JavaDelegate.class);
  final FeedbackHandling.Duplicates duplicates = mock(FeedbackHandling.Duplicates.class);
  final FeedbackHandling.Intake intake = mock(FeedbackHandling.Intake.class);

  @BeforeEach
  void registerBeans() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T02:00:00Z")));
    Mocks.register(SlaClocks.BEAN, clocksSpy);
    Mocks.register(UserTaskDue.BEAN, new FixedUserTaskDue());
    Mocks.register(SlaEscalation.BEAN, escalation);
    Mocks.register(FeedbackHandling.Routing.BEAN, routing);
    Mocks.register(FeedbackHandling.InfoRequests.BEAN, infoRequests);
    Mocks.register(FeedbackHandling.Answers.BEAN, answers);
    Mocks.register(FeedbackHandling.Policy.BEAN, new FixedPolicy());
    Mocks.register(FeedbackHandling.DELEGATE_RECORD_CLASSIFICATION, recordClassification);
    Mocks.register(FeedbackHandling.Duplicates.BEAN, duplicates);
    Mocks.register(FeedbackHandling.Intake.BEAN, intake);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance receive(String field, String locality) {
    return runtimeService()
        .startProcessInstanceByKey(
            FeedbackHandling.PROCESS_KEY,
            "PAKN-2026-000001",
            Map.of(
                Var.FEEDBACK_ID,
                1L,
                Var.CASE_CODE,
                "PAKN-2026-000001",
                Var.TITLE,
                "Thủ tục cấp phép còn rườm rà",
                Var.FEEDBACK_TYPE,
                "complaint",
                Var.FIELD,
                field,
                Var.LOCALITY,
                locality));
  }

  ProcessInstance receive() {
    return receive("administrative-procedures", "hanoi");
  }

  void classify(ProcessInstance instance, String agency) {
    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_CLASSIFY);
    complete(
        task(FeedbackHandling.TASK_CLASSIFY, instance), withVariables(Var.HANDLING_AGENCY, agency));
  }

  void accept(ProcessInstance instance) {
    complete(
        task(FeedbackHandling.TASK_ACCEPT, instance),
        withVariables(Var.ACCEPTANCE_DECISION, Decision.ACCEPT));
  }

  void draftAnswer(ProcessInstance instance) {
    complete(
        task(FeedbackHandling.TASK_DRAFT_ANSWER, instance),
        withVariables(
            Var.ANSWER_DECISION,
            Decision.ANSWER,
            Var.ANSWER_TEXT,
            "Sở đã rút ngắn thời hạn còn 5 ngày."));
  }

  void signOff(ProcessInstance instance, String decision) {
    complete(
        task(FeedbackHandling.TASK_SIGN_OFF, instance),
        withVariables(
            Var.SIGN_OFF_DECISION, decision, Var.SIGN_OFF_NOTE, "Bổ sung căn cứ pháp lý"));
  }

  ProcessInstance answered() {
    ProcessInstance instance = receive();
    classify(instance, "hanoi");
    accept(instance);
    draftAnswer(instance);
    signOff(instance, Decision.APPROVE);
    return instance;
  }

  void rate(ProcessInstance instance, boolean reopen) {
    runtimeService()
        .createMessageCorrelation(FeedbackHandling.MESSAGE_RATED)
        .processInstanceId(instance.getId())
        .setVariable(Var.RATING, 4)
        .setVariable(Var.REOPEN_REQUESTED, reopen)
        .correlate();
  }

  void moveClockBy(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  Job timer(ProcessInstance instance, String activityId) {
    return managementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .singleResult();
  }
}
