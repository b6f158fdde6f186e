package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.processes.sla.SlaStage;
import vn.dondoc.processes.sla.SlaTimer;

/**
 * The stage's warning and breach timers fired on the real engine: who is told, that each level happens
 * once however often it is asked for, the supervisor task as the last level, and the inbox showing it.
 */
class SlaEscalationIT extends SlaIntegrationTest {

  @Autowired
  TaskService tasks;

  @Autowired
  SlaEscalationService escalation;

  @Autowired
  SlaClockRepository clocks;

  /** Recipient and kind of each inbox notification of the case, in the order written (not the staff e-mails made of them). */
  static List<String> notifications(JdbcClient jdbc, String caseCode) {
    return jdbc.sql(
            "select recipient_kind || ' ' || recipient || ' ' || kind from notification where case_code = ?"
                + " and recipient_kind <> 'EMAIL' order by id")
        .param(caseCode)
        .query(String.class)
        .list();
  }

  static long audits(JdbcClient jdbc, String caseCode, String action) {
    return jdbc.sql("select count(*) from audit_event where case_code = ? and action = ?")
        .params(caseCode, action)
        .query(Long.class)
        .single();
  }

  /** What the model hands the escalation bean; it only reads the process instance id. */
  static DelegateExecution execution(ProcessInstance instance) {
    DelegateExecution execution = Mockito.mock(DelegateExecution.class);
    Mockito.when(execution.getProcessInstanceId()).thenReturn(instance.getId());
    return execution;
  }

  private SlaClock clockOf(ProcessInstance instance) {
    return clocks.find(instance.getId(), SlaStage.ROUTE).orElseThrow();
  }

  @Test
  void theWarningRemindsTheStandingOfficeOnce() {
    ProcessInstance instance = cases.start();
    String code = cases.caseCode(instance);

    management.executeJob(cases.timer(instance, SlaTimer.WARNING).getId());
    escalation.warn(execution(instance), SlaStage.ROUTE);

    assertThat(clockOf(instance).escalationLevel()).isEqualTo(SlaEscalationService.WARNED);
    assertThat(notifications(jdbc, code))
        .containsExactly("GROUP standing-office SLA_WARNING_ROUTE");
    assertThat(audits(jdbc, code, "SLA_WARNED")).isEqualTo(1);
    Map<String, Object> warning = jdbc.sql(
            "select subject, body, email_state from notification where case_code = ? and recipient_kind = 'GROUP'")
        .param(code)
        .query()
        .singleRow();
    assertThat(warning.get("subject"))
        .isEqualTo(
            "[" + code + "] Sắp đến hạn phân loại, chuyển cơ quan xử lý / Due soon: routing");
    assertThat((String) warning.get("body"))
        .contains("Hồ sơ sắp đến hạn phân loại, chuyển cơ quan xử lý: hạn là ")
        .contains("\n---\nThe case is due soon for routing");
    assertThat(warning.get("email_state")).as("the inbox only").isEqualTo("NONE");
    assertThat(cases.timer(instance, SlaTimer.DUE))
        .as("the breach timer still waits")
        .isNotNull();
  }

  @Test
  void theBreachTellsLeadersAndSupervisorsOnceThenTheSupervisorTaskIsTheLastLevel() {
    ProcessInstance instance = cases.start();
    String code = cases.caseCode(instance);

    management.executeJob(cases.timer(instance, SlaTimer.DUE).getId());

    SlaClock breached = clockOf(instance);
    assertThat(breached.escalationLevel()).isEqualTo(SlaEscalationService.LEADER_NOTIFIED);
    assertThat(breached.breachedAt()).isEqualTo(breached.timeline().dueAt());
    assertThat(breached.state()).as("still open").isEqualTo(SlaClock.State.RUNNING);
    assertThat(notifications(jdbc, code))
        .containsExactly(
            "GROUP standing-office SLA_BREACH_ROUTE", "GROUP supervisor SLA_BREACH_ROUTE");

    escalation.breach(execution(instance), SlaStage.ROUTE);
    escalation.warn(execution(instance), SlaStage.ROUTE);

    assertThat(notifications(jdbc, code))
        .as("each level once, and never back down")
        .hasSize(2);
    assertThat(audits(jdbc, code, "SLA_BREACHED")).isEqualTo(1);
    assertThat(audits(jdbc, code, "SLA_WARNED")).isZero();
    assertThat(cases.dueDate(instance, SlaTimer.SUPERVISOR))
        .isEqualTo(java.util.Date.from(breached.timeline().supervisorAt()));

    management.executeJob(cases.timer(instance, SlaTimer.SUPERVISOR).getId());

    Task supervise = tasks
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey("RoutingSupervise")
        .singleResult();
    assertThat(tasks.getIdentityLinksForTask(supervise.getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactly("supervisor");
    assertThat(clockOf(instance).escalationLevel()).isEqualTo(SlaEscalationService.SUPERVISOR_TASK);
    assertThat(audits(jdbc, code, "SLA_SUPERVISOR_TASK")).isEqualTo(1);
    assertThat(notifications(jdbc, code)).hasSize(2);
  }

  @Test
  void aSupervisorFindsTheBreachInTheInboxAndMarksItRead() {
    ProcessInstance instance = cases.start();
    String code = cases.caseCode(instance);
    management.executeJob(cases.timer(instance, SlaTimer.DUE).getId());
    String supervisor = Api.token("giamsat");

    JsonNode item = breachIn(api().get("/api/v1/inbox?size=200", supervisor).json(), code);
    assertThat(item.path("subject").asText())
        .isEqualTo("[" + code + "] Quá hạn phân loại, chuyển cơ quan xử lý / Overdue: routing");
    assertThat(item.path("read").asBoolean()).isFalse();
    assertThat(item.path("createdAt").asText()).endsWith("+07:00");

    String id = item.path("id").asText();
    assertThat(api()
            .postJson("/api/v1/inbox/" + id + "/read", "", Api.token("canbo.hanoi"), Map.of())
            .status())
        .as("not addressed to an agency officer")
        .isEqualTo(404);
    assertThat(api()
            .postJson("/api/v1/inbox/" + id + "/read", "", supervisor, Map.of())
            .status())
        .isEqualTo(204);
    assertThat(breachIn(api().get("/api/v1/inbox?size=200", supervisor).json(), code)
            .path("read")
            .asBoolean())
        .isTrue();
  }

  private static JsonNode breachIn(JsonNode inbox, String code) {
    for (JsonNode item : inbox.path("items")) {
      if (item.path("caseCode").asText().equals(code)
          && item.path("kind").asText().equals("SLA_BREACH_ROUTE")) {
        return item;
      }
    }
    throw new AssertionError("no breach of " + code + " in " + inbox);
  }
}
