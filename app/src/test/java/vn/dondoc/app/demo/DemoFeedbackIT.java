package vn.dondoc.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.feedback.FeedbackService;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.processes.sla.SlaStage;

/** `bin/dondoc run` loads this demo data; it must keep working as the models change. */
class DemoFeedbackIT extends IntegrationTest {

  @Autowired
  FeedbackService feedback;

  @Autowired
  DemoCaseProgress progress;

  @Autowired
  JdbcClient jdbc;

  private List<String> statuses() {
    return jdbc.sql(
            "select status from feedback_item where idempotency_key like 'demo-feedback-%' order by id")
        .query(String.class)
        .list();
  }

  @Test
  void theDemoCasesReachTheirStatesOnceAndAStartAgainAddsNothing() {
    DemoFeedback demo = new DemoFeedback(feedback, progress);

    demo.run(null);
    List<String> first = statuses();
    demo.run(null);

    assertThat(first)
        .hasSize(DemoFeedback.ITEMS.size())
        .startsWith("ANSWERED", "WAITING_FOR_SENDER", "IN_PROGRESS", "ROUTED", "RECEIVED");
    assertThat(statuses()).isEqualTo(first);
  }

  @Test
  void theSupervisorsBoardShowsTheDemoCasesThatWaitedTooLongEscalatedByTheirOwnTimers() {
    new DemoFeedback(feedback, progress).run(null);
    String drafting = code(3);
    String routing = code(5);

    // The backdated stages' timers are past: the job executor fires them, up to the supervisor task
    // of the answer.
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      assertThat(escalationLevel(drafting, SlaStage.ANSWER)).isEqualTo(3);
      assertThat(escalationLevel(routing, SlaStage.ROUTE)).isGreaterThanOrEqualTo(2);
    });
    JsonNode breaches =
        api().get("/api/v1/dashboards/sla", Api.token("giamsat")).json().path("breaches");
    assertThat(breaches.findValuesAsText("caseCode")).contains(drafting, routing);
    for (JsonNode breach : breaches) {
      if (breach.path("caseCode").asText().equals(drafting)) {
        assertThat(breach.path("stage").asText()).isEqualTo(SlaStage.ANSWER);
        assertThat(breach.path("daysOverdue").asLong()).isPositive();
      }
    }
  }

  private String code(int item) {
    return jdbc.sql("select code from feedback_item where idempotency_key = ?")
        .param("demo-feedback-" + item)
        .query(String.class)
        .single();
  }

  private int escalationLevel(String code, String stage) {
    return jdbc.sql("select escalation_level from sla_clock where case_code = ? and stage = ?")
        .params(code, stage)
        .query(Integer.class)
        .single();
  }
}
