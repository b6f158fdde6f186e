package vn.dondoc.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;

class OutboxRelayIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  private long poisonId;

  @AfterEach
  void removePoison() {
    jdbc.sql("delete from outbox where id = ?").param(poisonId).update();
  }

  @Test
  void aChangeThatCannotBeProjectedIsKeptWithItsErrorAndDoesNotHoldUpOthers() {
    poisonId = jdbc.sql(
            "insert into outbox (case_type, case_id) values ('no-such-case-type', 1) returning id")
        .query(Long.class)
        .single();
    String marker = Feedback.marker();
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker)))
        .json()
        .path("code")
        .asText();

    String standingOffice = Api.token("thuongtruc");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(api()
                .get("/api/v1/search?q=" + marker, standingOffice)
                .json()
                .path("items")
                .findValuesAsText("code"))
            .containsExactly(code));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(jdbc.sql("select last_error from outbox where id = ?")
                .param(poisonId)
                .query(String.class)
                .single())
            .contains("no projector for case type no-such-case-type"));
  }

  @Test
  void committedChangesLeaveTheOutboxOnceIndexed() {
    String marker = Feedback.marker();
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker)))
        .json()
        .path("code")
        .asText();
    long id = jdbc.sql("select id from feedback_item where code = ?")
        .param(code)
        .query(Long.class)
        .single();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from outbox where case_type = 'feedback' and case_id = ?")
                    .param(id)
                    .query(Long.class)
                    .single())
            .isZero());
  }
}
