package vn.dondoc.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.feedback.FeedbackService;
import vn.dondoc.app.support.IntegrationTest;

/** `bin/dondoc run` loads this demo data; it must keep working as the models change. */
class DemoFeedbackIT extends IntegrationTest {

  @Autowired
  FeedbackService feedback;
  @Autowired
  DemoCaseProgress progress;
  @Autowired
  JdbcClient jdbc;

  private List<String> statuses() {
    return jdbc.sql("select status from feedback_item where idempotency_key like 'demo-feedback-%' order by id")
        .query(String.class).list();
  }

  @Test
  void theDemoCasesReachTheirStatesOnceAndAStartAgainAddsNothing() {
    DemoFeedback demo = new DemoFeedback(feedback, progress);

    demo.run(null);
    List<String> first = statuses();
    demo.run(null);

    assertThat(first).hasSize(DemoFeedback.ITEMS.size())
        .startsWith("ANSWERED", "WAITING_FOR_SENDER", "IN_PROGRESS", "ROUTED", "RECEIVED");
    assertThat(statuses()).isEqualTo(first);
  }
}
