package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;

/**
 * Anonymous submissions per address are limited; the one over the limit is refused with 429 and stores nothing.
 * Its own low limit needs a second application context on the same database, which must stay out of the
 * shared context's way: its engine gets another name (Camunda's static engine registry, through which
 * /engine-rest finds "default", keeps the shared context's engine), runs no jobs, and its outbox relay
 * is off (it would take the shared context's changes into its own search alias).
 */
@TestPropertySource(properties = {"dondoc.rate-limit.limit=3", "dondoc.rate-limit.window=PT1H",
    "camunda.bpm.process-engine-name=rate-limit-test", "camunda.bpm.job-execution.enabled=false",
    "dondoc.outbox.relay=false"})
class AnonymousRateLimitIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void theFourthSubmissionFromOneAddressWaitsAndIsNotStored() {
    Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113." + (int) (Math.random() * 200 + 1));
    for (int i = 0; i < 3; i++) {
      assertThat(api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())), null, from).status())
          .isEqualTo(201);
    }
    String marker = Feedback.marker();
    Api.Response refused = api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker)), null, from);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("title").asText()).isEqualTo("Gửi quá nhiều lần");
    assertThat(jdbc.sql("select count(*) from feedback_item where title like ?").param("%" + marker).query(Integer.class)
        .single()).isZero();

    assertThat(api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())), null,
        Map.of("X-Forwarded-For", "198.51.100.7")).status()).as("another address").isEqualTo(201);
    assertThat(api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())), Api.token("congdan"), from)
        .status()).as("a signed-in citizen is not limited").isEqualTo(201);
  }
}
