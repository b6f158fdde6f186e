package vn.dondoc.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.support.MovableClock;
import vn.dondoc.app.tasks.TaskProperties;
import vn.dondoc.app.time.HanoiTime;

/**
 * Search shows the state of now: with the application's clock moved past a clock's warning and due instants, and
 * past the starts of a task's near-due window and of its first day overdue, the scheduled sweep re-projects the
 * case within a minute, though nothing happened to the case (Camunda's own clock, and so its timers, stay put).
 */
class SearchStateSweepIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  MovableClock clock;

  @Autowired
  SearchStateSweep sweep;

  @Autowired
  TaskProperties properties;

  private final String standingOffice = Api.token("thuongtruc");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void
      aClockPassingItsInstantsAndATaskPassingItsDeadlineAreSearchedUnderTheirNewStateWithinAMinute() {
    String marker = Feedback.marker();
    LocalDate deadline = LocalDate.now(HanoiTime.ZONE).plusDays(30);
    Map<String, Object> task = Directives.task("1", "bkhcn", deadline);
    task.put("content", "Rà soát dữ liệu theo thời hạn " + marker);
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(Directives.freshSymbol(), List.of(task))),
            standingOffice,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    String code = issued.json().path("caseCodes").get(0).asText();

    JsonNode found = await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> item(marker, code),
            item -> item != null && "RUNNING".equals(item.path("slaState").asText()));
    assertThat(found.path("timeliness").asText()).isEqualTo("IN_PROGRESS_ON_TIME");
    Instant warnAt = jdbc.sql(
            "select warn_at from sla_clock where case_code = ? and stage = 'ACKNOWLEDGE'")
        .param(code)
        .query(Instant.class)
        .single();
    Instant dueAt = jdbc.sql(
            "select due_at from sla_clock where case_code = ? and stage = 'ACKNOWLEDGE'")
        .param(code)
        .query(Instant.class)
        .single();

    moveTo(warnAt.plusSeconds(1));
    awaitState(marker, code, "slaState", "AT_RISK");
    moveTo(dueAt.plusSeconds(1));
    awaitState(marker, code, "slaState", "BREACHED");
    moveTo(deadline
        .minusDays(properties.nearDueDays())
        .atStartOfDay(HanoiTime.ZONE)
        .toInstant()
        .plusSeconds(1));
    awaitState(marker, code, "timeliness", "NEAR_DUE");
    moveTo(deadline.plusDays(1).atStartOfDay(HanoiTime.ZONE).toInstant().plusSeconds(1));
    awaitState(marker, code, "timeliness", "OVERDUE");
  }

  @Test
  void aClockSetBackRestartsTheSweepFromItsNewTime() {
    clock.moveBy(Duration.ofDays(3));
    await().atMost(Duration.ofSeconds(10)).until(sweep::sweep);
    clock.reset();
    assertThat(sweep.sweep())
        .as("set back: nothing swept, the sweep goes on from now")
        .isFalse();
    Instant until = jdbc.sql("select swept_until from search_sweep where name = ?")
        .param(SearchStateSweep.NAME)
        .query(Instant.class)
        .single();
    assertThat(until).isBefore(clock.instant().plusSeconds(1));
    await().atMost(Duration.ofSeconds(10)).until(sweep::sweep);
  }

  private void moveTo(Instant instant) {
    clock.moveBy(Duration.between(clock.instant(), instant));
  }

  /** Within a minute of the instant, by the scheduled sweep alone. */
  private void awaitState(String marker, String code, String field, String state) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      JsonNode item = item(marker, code);
      assertThat(item).as("%s in search", code).isNotNull();
      assertThat(item.path(field).asText()).as("%s of %s", field, code).isEqualTo(state);
    });
  }

  private JsonNode item(String marker, String code) {
    Api.Response response = api().get("/api/v1/search?size=10&q=" + marker, standingOffice);
    for (JsonNode item : response.json().path("items")) {
      if (item.path("code").asText().equals(code)) {
        return item;
      }
    }
    return null;
  }
}
