package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;

/**
 * Anonymous submissions per address are limited; the one over the limit is refused with 429 and stores
 * nothing. The admin sets a low limit at run time (the test profile has none) and puts it back after.
 */
class AnonymousRateLimitIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  private final String admin = Api.token("quantri");

  @AfterEach
  void backToTheConfiguredLimit() {
    assertThat(api().delete("/api/v1/admin/rate-limit", admin).status()).isEqualTo(200);
  }

  @Test
  void theFourthSubmissionFromOneAddressWaitsAndIsNotStored() {
    limitToThreeAnHour();
    for (int i = 0; i < 3; i++) {
      assertThat(api()
              .postJson(
                  "/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())), null, Map.of())
              .status())
          .isEqualTo(201);
    }
    String marker = Feedback.marker();
    Api.Response refused =
        api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker)), null, Map.of());
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("title").asText()).isEqualTo("Gửi quá nhiều lần");
    assertThat(stored(marker)).isZero();

    assertThat(api()
            .postJson(
                "/api/v1/feedback",
                Api.toJson(Feedback.valid(Feedback.marker())),
                Api.token("congdan"),
                Map.of())
            .status())
        .as("a signed-in citizen is not limited")
        .isEqualTo(201);
  }

  /** The test's requests come from 127.0.0.1, which the test profile does not trust as a proxy. */
  @Test
  void neitherForwardedHeadersNorOtherAuthorizationSchemesEscapeTheLimit() {
    limitToThreeAnHour();
    for (int i = 0; i < 3; i++) {
      assertThat(api()
              .postJson(
                  "/api/v1/feedback",
                  Api.toJson(Feedback.valid(Feedback.marker())),
                  null,
                  Map.of("X-Forwarded-For", "203.0.113." + (i + 1)))
              .status())
          .isEqualTo(201);
    }
    List<Map<String, String>> evasions = List.of(
        Map.of("X-Forwarded-For", "198.51.100.77"),
        Map.of("Forwarded", "for=198.51.100.78"),
        Map.of(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString("congdan:demo".getBytes())),
        Map.of("Authorization", "Digest username=\"congdan\""));
    for (Map<String, String> evasion : evasions) {
      String marker = Feedback.marker();
      Api.Response refused =
          api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker)), null, evasion);
      assertThat(refused.status()).as(evasion.toString()).isEqualTo(429);
      assertThat(stored(marker)).as(evasion.toString()).isZero();
    }
  }

  private void limitToThreeAnHour() {
    // the windows of earlier runs in this hour would count against this test's address
    jdbc.sql("delete from rate_limit_window").update();
    Api.Response changed =
        api().putJson("/api/v1/admin/rate-limit", "{\"limit\":3,\"window\":\"PT1H\"}", admin);
    assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
  }

  private int stored(String marker) {
    return jdbc.sql("select count(*) from feedback_item where title like ?")
        .param("%" + marker)
        .query(Integer.class)
        .single();
  }

  @Test
  void onlyAdminsChangeTheLimitAndBadValuesAreRefused() {
    assertThat(api()
            .putJson(
                "/api/v1/admin/rate-limit",
                "{\"limit\":3,\"window\":\"PT1H\"}",
                Api.token("thuongtruc"))
            .status())
        .isEqualTo(403);
    Api.Response bad =
        api().putJson("/api/v1/admin/rate-limit", "{\"limit\":3,\"window\":\"một giờ\"}", admin);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("window");
    assertThat(api().get("/api/v1/admin/rate-limit", admin).json().path("limit").asInt())
        .as("unchanged")
        .isZero();
  }
}
