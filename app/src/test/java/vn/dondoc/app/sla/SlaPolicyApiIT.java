package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.app.support.Api;
import vn.dondoc.processes.sla.SlaStage;

/** The SLA policy table through its admin API: seeded budgets, audited edits, what a new clock takes from it. */
class SlaPolicyApiIT extends SlaIntegrationTest {

  private static final String POLICIES = "/api/v1/admin/sla-policies";

  @Autowired
  SlaClockRepository clocks;

  @Autowired
  WorkingCalendar calendar;

  @AfterEach
  void shippedPolicyAgain() {
    cases.resetPolicy();
  }

  private static Map<String, Object> edit(Object budget, Object share, Object delay) {
    Map<String, Object> body = new HashMap<>();
    body.put("budgetWorkingDays", budget);
    body.put("warnShare", share);
    body.put("supervisorDelayWorkingDays", delay);
    return body;
  }

  @Test
  void anAdminReadsTheFeedbackBudgets() {
    Api.Response response = api().get(POLICIES, Api.token("quantri"));

    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    Map<String, String> feedback = new HashMap<>();
    for (JsonNode policy : response.json()) {
      if (policy.path("caseType").asText().equals("feedback")) {
        feedback.put(
            policy.path("stage").asText(),
            policy.path("budgetWorkingDays").asInt() + " "
                + policy.path("warnShare").decimalValue().toPlainString() + " "
                + policy.path("supervisorDelayWorkingDays").asInt());
      }
    }
    assertThat(feedback)
        .containsEntry("ROUTE", "1 0.75 2")
        .containsEntry("ACCEPT", "2 0.75 2")
        .containsEntry("ANSWER", "10 0.75 2");
  }

  @Test
  void onlyAdminsMayReadOrEditPolicies() {
    assertThat(api().get(POLICIES, Api.token("giamsat")).status()).isEqualTo(403);
    assertThat(api()
            .putJson(
                POLICIES + "/sla-test/ROUTE", Api.toJson(edit(5, 0.5, 1)), Api.token("thuongtruc"))
            .status())
        .isEqualTo(403);
  }

  @Test
  void anEditIsAuditedAndAppliesToClocksStartedAfterIt() {
    ProcessInstance before = cases.start();
    long mark = jdbc.sql("select coalesce(max(id), 0) from audit_event")
        .query(Long.class)
        .single();

    Api.Response put = api()
        .putJson(POLICIES + "/sla-test/ROUTE", Api.toJson(edit(3, 0.5, 1)), Api.token("quantri"));

    assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
    assertThat(put.json().path("budgetWorkingDays").asInt()).isEqualTo(3);
    Map<String, Object> audit = jdbc.sql("""
            select actor, detail->'before'->>'budgetWorkingDays' as before, detail->'after'->>'budgetWorkingDays' as after
            from audit_event where id > ? and case_code = 'SLA-POLICY' and action = 'SLA_POLICY_EDITED'""").param(mark).query().singleRow();
    assertThat(audit)
        .containsEntry("actor", "quantri")
        .containsEntry("before", "1")
        .containsEntry("after", "3");

    ProcessInstance after = cases.start();
    SlaClock old = clocks.find(before.getId(), SlaStage.ROUTE).orElseThrow();
    SlaClock fresh = clocks.find(after.getId(), SlaStage.ROUTE).orElseThrow();
    assertThat(old.budgetWorkingDays()).as("a running clock keeps its budget").isEqualTo(1);
    assertThat(fresh.budgetWorkingDays()).isEqualTo(3);
    assertThat(fresh.timeline().dueAt()).isEqualTo(calendar.addWorkingDays(fresh.startedAt(), 3));
  }

  @Test
  void badEditsAreRefusedNamingTheFieldAndUnknownPoliciesAreNotFound() {
    String admin = Api.token("quantri");

    assertRefused(
        api().putJson(POLICIES + "/sla-test/ROUTE", Api.toJson(edit(0, 0.75, 2)), admin),
        "budgetWorkingDays");
    assertRefused(
        api().putJson(POLICIES + "/sla-test/ROUTE", Api.toJson(edit(2, 1, 2)), admin), "warnShare");
    assertRefused(
        api().putJson(POLICIES + "/sla-test/ROUTE", Api.toJson(edit(2, 0.755, 2)), admin),
        "warnShare");
    assertRefused(
        api().putJson(POLICIES + "/sla-test/ROUTE", Api.toJson(edit(2, 0.75, -1)), admin),
        "supervisorDelayWorkingDays");
    assertRefused(
        api().putJson(POLICIES + "/sla-test/ROUTE", Api.toJson(edit(null, 0.75, 2)), admin),
        "budgetWorkingDays");
    Api.Response unknown =
        api().putJson(POLICIES + "/feedback/LUNCH", Api.toJson(edit(2, 0.75, 2)), admin);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");

    assertThat(jdbc.sql(
                "select budget_working_days from sla_policy where case_type = 'sla-test' and stage = 'ROUTE'")
            .query(Integer.class)
            .single())
        .isEqualTo(1);
  }

  private static void assertRefused(Api.Response response, String field) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly(field);
  }
}
