package vn.dondoc.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.IntegrationTest;

/** Two reviewers decide the same report at the same moment: one decision counts (200), the other is a 409, never a 500. */
class ConcurrentDecisionsIT extends IntegrationTest {

  private final String standingOffice = Api.token("thuongtruc");
  private final String officer = Api.token("canbo.bkhcn");
  private final String reviewer = Api.token("thamdinh");

  @Test
  void twoReviewDecisionsAtOnceAreOneDecisionAndAConflict() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      String caseCode = reportedTask();
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Api.Response>> decisions = List.of("accept", "return").stream()
          .map(decision -> CompletableFuture.supplyAsync(() -> {
            try {
              start.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return api()
                .postJson(
                    "/api/v1/tasks/" + caseCode + "/review",
                    "{\"reviewDecision\":\"" + decision
                        + "\",\"reviewNote\":\"Thiếu văn bản kèm theo\"}",
                    reviewer,
                    Map.of());
          }))
          .toList();
      start.countDown();
      List<Integer> pair = new ArrayList<>();
      for (CompletableFuture<Api.Response> decision : decisions) {
        Api.Response response = decision.get();
        pair.add(response.status());
        if (response.status() == 409) {
          assertThat(response.contentType()).startsWith("application/problem+json");
        }
      }
      assertThat(pair).as(caseCode).containsExactlyInAnyOrder(200, 409);
      statuses.addAll(pair);
    }
    assertThat(statuses).doesNotContain(500);
  }

  private String reportedTask() {
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(
                Directives.freshSymbol(),
                List.of(Directives.task("3.a", "bkhcn", LocalDate.now().plusMonths(2))))),
            standingOffice,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    String caseCode = issued.json().path("caseCodes").get(0).asText();
    assertThat(api()
            .postJson("/api/v1/tasks/" + caseCode + "/acknowledge", "{}", officer, Map.of())
            .status())
        .isEqualTo(200);
    Api.Response report = api()
        .postJson(
            "/api/v1/tasks/" + caseCode + "/completion",
            Api.toJson(Directives.documentEvidence("12/2026/TT-BKHCN")),
            officer,
            Map.of());
    assertThat(report.status()).as(report.raw().body()).isEqualTo(201);
    return caseCode;
  }
}
