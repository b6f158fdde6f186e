package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.processes.sla.SlaStage;

/**
 * Supervisors see a clock's warning and breach in search when they happen, although nothing else changes
 * on the case: a real feedback item's routing clock is driven past its instants as the other SLA tests
 * do (its row rewritten into the past, then the engine's timer job executed as the job executor would
 * once it is due), and the item is looked for through the search API.
 */
class SlaSearchIT extends SlaIntegrationTest {

  private final String supervisor = Api.token("giamsat");
  private String processInstanceId;

  @AfterEach
  void deleteProcess() {
    if (processInstanceId != null) {
      runtime.deleteProcessInstanceIfExists(
          processInstanceId, "test over", true, true, true, false);
    }
  }

  @Test
  void theRoutingClockTurnsAtRiskThenBreachedInSearchWithoutAnyOtherChangeToTheItem() {
    String marker = Feedback.marker();
    Api.Response submitted = api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker)));
    assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(201);
    String code = submitted.json().path("code").asText();
    processInstanceId = runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(code)
        .singleResult()
        .getId();

    JsonNode running = await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> hit(marker, code), h -> h != null);
    assertThat(running.path("slaState").asText()).isEqualTo("RUNNING");
    assertThat(running.path("escalationLevel").asInt()).isZero();
    Map<String, Object> item = item(code);
    await().atMost(Duration.ofSeconds(30)).until(() -> waiting(item), n -> n == 0);

    // The warning instant passes: the row says so, but nothing has told search yet.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    jdbc.sql("update sla_clock set warn_at = ? where process_instance_id = ? and stage = ?")
        .params(
            Timestamp.from(now.minus(Duration.ofMinutes(10))), processInstanceId, SlaStage.ROUTE)
        .update();
    assertThat(hit(marker, code).path("slaState").asText())
        .as("the row alone changes nothing in search")
        .isEqualTo("RUNNING");

    management.executeJob(timer("RoutingWarningDue").getId());

    JsonNode atRisk = await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> hit(marker, code), h -> "AT_RISK".equals(h.path("slaState").asText()));
    assertThat(atRisk.path("escalationLevel").asInt()).isEqualTo(1);
    assertThat(atRisk.hasNonNull("breachAt")).as("not breached yet").isFalse();

    // The due instant passes too.
    Instant due = now.minus(Duration.ofMinutes(5));
    jdbc.sql("update sla_clock set due_at = ? where process_instance_id = ? and stage = ?")
        .params(Timestamp.from(due), processInstanceId, SlaStage.ROUTE)
        .update();
    management.executeJob(timer("RoutingOverdue").getId());

    JsonNode breached = await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> hit(marker, code), h -> "BREACHED".equals(h.path("slaState").asText()));
    assertThat(breached.path("escalationLevel").asInt()).isEqualTo(2);
    assertThat(OffsetDateTime.parse(breached.path("breachAt").asText()).toInstant())
        .isEqualTo(due);
    assertThat(OffsetDateTime.parse(breached.path("dueAt").asText()).toInstant())
        .isEqualTo(due);
    assertThat(search("slaState=BREACHED&q=" + marker).path("items").findValuesAsText("code"))
        .containsExactly(code);
    assertThat(search("slaState=RUNNING&q=" + marker).path("total").asLong()).isZero();

    Map<String, Object> after = item(code);
    assertThat(after.get("version"))
        .as("raised, so that the new document wins")
        .isNotEqualTo(item.get("version"));
    after.remove("version");
    item.remove("version");
    assertThat(after).as("nothing else changed on the item").isEqualTo(item);
  }

  private Job timer(String activityId) {
    return management
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .activityId(activityId)
        .singleResult();
  }

  /** What the item's record holds that search shows, and its version. */
  private Map<String, Object> item(String code) {
    return jdbc.sql("""
            select id, version, status, handling_agency, field, locality, title, content, submitted_at, updated_at,
              closed_at, published
            from feedback_item where code = ?""").param(code).query().singleRow();
  }

  private long waiting(Map<String, Object> item) {
    return jdbc.sql("select count(*) from outbox where case_type = 'feedback' and case_id = ?")
        .param(item.get("id"))
        .query(Long.class)
        .single();
  }

  private JsonNode search(String query) {
    Api.Response response = api().get("/api/v1/search?size=20&" + query, supervisor);
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json();
  }

  /** The item among the results of its marker; the index appears with the first document relayed. */
  private JsonNode hit(String marker, String code) {
    for (JsonNode hit : search("q=" + marker).path("items")) {
      if (hit.path("code").asText().equals(code)) {
        return hit;
      }
    }
    return null;
  }
}
