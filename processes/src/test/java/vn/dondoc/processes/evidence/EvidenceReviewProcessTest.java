package vn.dondoc.processes.evidence;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.EvidenceReview.Var;
import vn.dondoc.processes.FixedUserTaskDue;
import vn.dondoc.processes.UserTaskDue;
import vn.dondoc.processes.sla.FixedSlaClocks;
import vn.dondoc.processes.sla.SlaClocks;
import vn.dondoc.processes.sla.SlaEscalation;

/** Shared set-up of the evidence review tests: the beans the model calls, a fixed clock, one submission. */
abstract class EvidenceReviewProcessTest {

  static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
  static final String CASE_CODE = "NV-2026-000007";

  final SlaClocks clocks = spy(new FixedSlaClocks());
  final SlaEscalation escalation = mock(SlaEscalation.class);
  final EvidenceReview.Steps steps = mock(EvidenceReview.Steps.class);
  /** What recordOutcome saw: the model must have set the outcome before it runs. */
  final Map<String, Object> recorded = new HashMap<>();

  @BeforeEach
  void registerBeans() {
    ClockUtil.setCurrentTime(Date.from(START));
    doAnswer(call -> {
          DelegateExecution execution = call.getArgument(0);
          recorded.put(Var.REVIEW_OUTCOME, execution.getVariable(Var.REVIEW_OUTCOME));
          recorded.put(Var.REVIEW_NOTE, execution.getVariable(Var.REVIEW_NOTE));
          return null;
        })
        .when(steps)
        .recordOutcome(any());
    Mocks.register(SlaClocks.BEAN, clocks);
    Mocks.register(UserTaskDue.BEAN, new FixedUserTaskDue());
    Mocks.register(SlaEscalation.BEAN, escalation);
    Mocks.register(EvidenceReview.Steps.BEAN, steps);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  /** The variables the task lifecycle passes in. */
  static Map<String, Object> submission(String field) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.TASK_ID, 7L);
    variables.put(Var.CASE_CODE, CASE_CODE);
    variables.put(Var.TASK_CODE, "17-TB/CQTTBCĐ/1.b.(1)");
    variables.put(Var.TITLE, "Hoàn thành cơ sở dữ liệu quốc gia về cán bộ, công chức");
    variables.put(Var.LEAD_AGENCY, "bnv");
    variables.put(Var.FIELD, field);
    variables.put(Var.EVIDENCE_LEVEL, "Sản phẩm đã vận hành");
    variables.put(Var.SUBMISSION_ID, 11L);
    return variables;
  }

  ProcessInstance submit(String field) {
    return runtimeService()
        .startProcessInstanceByKey(EvidenceReview.PROCESS_KEY, CASE_CODE, submission(field));
  }

  void review(ProcessInstance instance, String decision, String note) {
    assertThat(instance).isWaitingAt(EvidenceReview.TASK_REVIEW);
    complete(
        task(EvidenceReview.TASK_REVIEW, instance),
        withVariables(Var.REVIEW_DECISION, decision, Var.REVIEW_NOTE, note));
  }

  void confirm(ProcessInstance instance, String decision, String note) {
    assertThat(instance).isWaitingAt(EvidenceReview.TASK_VERIFY);
    complete(
        task(EvidenceReview.TASK_VERIFY, instance),
        withVariables(Var.VERIFY_DECISION, decision, Var.VERIFY_NOTE, note));
  }

  /** A variable of an instance, running or ended. */
  Object variable(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = historyService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult();
    return variable == null ? null : variable.getValue();
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
