package vn.dondoc.processes.extensions;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.DeadlineExtension.Var;
import vn.dondoc.processes.FixedUserTaskDue;
import vn.dondoc.processes.UserTaskDue;
import vn.dondoc.processes.sla.FixedSlaClocks;
import vn.dondoc.processes.sla.SlaClocks;
import vn.dondoc.processes.sla.SlaEscalation;

/** Shared set-up of the deadline extension tests: the beans the model calls, a fixed clock, one request. */
abstract class DeadlineExtensionProcessTest {

  static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
  static final String CASE_CODE = "GH-2026-000003";

  final SlaClocks clocks = spy(new FixedSlaClocks());
  final SlaEscalation escalation = mock(SlaEscalation.class);
  final DeadlineExtension.Steps steps = mock(DeadlineExtension.Steps.class);

  @BeforeEach
  void registerBeans() {
    ClockUtil.setCurrentTime(Date.from(START));
    Mocks.register(SlaClocks.BEAN, clocks);
    Mocks.register(UserTaskDue.BEAN, new FixedUserTaskDue());
    Mocks.register(SlaEscalation.BEAN, escalation);
    Mocks.register(DeadlineExtension.Steps.BEAN, steps);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance request() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.EXTENSION_ID, 3L);
    variables.put(Var.CASE_CODE, CASE_CODE);
    variables.put(Var.TASK_CASE_CODE, "NV-2026-000007");
    variables.put(Var.TITLE, "Hoàn thành cơ sở dữ liệu quốc gia về cán bộ, công chức");
    variables.put(Var.LEAD_AGENCY, "bnv");
    variables.put(Var.CURRENT_DEADLINE, "30/06/2026");
    variables.put(Var.PROPOSED_DEADLINE, "30/09/2026");
    variables.put(Var.REASON, "Chờ hướng dẫn kỹ thuật của cơ quan khác");
    variables.put(Var.NARRATIVE, "Bộ Công an chưa ban hành hướng dẫn kết nối.");
    variables.put(Var.LATE, false);
    return runtimeService()
        .startProcessInstanceByKey(DeadlineExtension.PROCESS_KEY, CASE_CODE, variables);
  }

  void decide(ProcessInstance instance, Map<String, Object> variables) {
    assertThat(instance).isWaitingAt(DeadlineExtension.TASK_DECIDE);
    complete(task(DeadlineExtension.TASK_DECIDE, instance), variables);
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

  long timesEntered(ProcessInstance instance, String activityId) {
    return historyService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .count();
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
