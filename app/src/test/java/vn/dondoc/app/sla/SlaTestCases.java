package vn.dondoc.app.sla;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.processes.sla.SlaStage;
import vn.dondoc.processes.sla.SlaStageDeclaration;
import vn.dondoc.processes.sla.SlaTimer;

/**
 * Cases of the test-only process {@code sla-test} (app/src/test/resources/bpmn/sla-test.bpmn): one ROUTE stage
 * built like feedback-handling's RoutingStage. Its policy is a row of its own (case type sla-test), reset
 * to one working day before each test; every instance started is deleted afterwards.
 */
final class SlaTestCases {

  static final String PROCESS_KEY = "sla-test";
  static final String CASE_TYPE = "sla-test";
  static final String AGENCY = "bkhcn";
  private static final SlaStageDeclaration STAGE =
      new SlaStageDeclarations("classpath:bpmn/sla-test.bpmn").all().get(0);

  private final RuntimeService runtime;
  private final ManagementService management;
  private final JdbcClient jdbc;
  private final List<String> started = new ArrayList<>();

  SlaTestCases(RuntimeService runtime, ManagementService management, JdbcClient jdbc) {
    this.runtime = runtime;
    this.management = management;
    this.jdbc = jdbc;
  }

  /** The policy of the test stage: one working day, warning at 75%, supervisor two working days after due. */
  void resetPolicy() {
    jdbc.sql("""
            insert into sla_policy (case_type, stage, budget_working_days, warn_share, supervisor_delay_working_days)
            values (?, ?, 1, 0.75, 2)
            on conflict (case_type, stage) do update set budget_working_days = 1, warn_share = 0.75,
              supervisor_delay_working_days = 2""").params(CASE_TYPE, SlaStage.ROUTE).update();
  }

  /** Starts a case with a code of its own, e.g. SLAT-4821937; returns its process instance. */
  ProcessInstance start() {
    long id = ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    String code = "SLAT-" + id;
    ProcessInstance instance = runtime.startProcessInstanceByKey(
        PROCESS_KEY, code, Map.of("feedbackId", id, "caseCode", code, "handlingAgency", AGENCY));
    started.add(instance.getId());
    return instance;
  }

  /** The activity id of the stage's timer, as the test model declares it. */
  static String timerId(SlaTimer timer) {
    return STAGE.timers().entrySet().stream()
        .filter(e -> e.getValue() == timer)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  /** The timer job of one of the stage's events, or null. */
  Job timer(ProcessInstance instance, SlaTimer timer) {
    return management
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(timerId(timer))
        .singleResult();
  }

  Date dueDate(ProcessInstance instance, SlaTimer timer) {
    return timer(instance, timer).getDuedate();
  }

  String caseCode(ProcessInstance instance) {
    return instance.getBusinessKey();
  }

  /** Deletes what the test left running, without listeners: the clocks of deleted cases stay as they were. */
  void deleteStarted() {
    started.forEach(
        id -> runtime.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
    started.clear();
  }
}
