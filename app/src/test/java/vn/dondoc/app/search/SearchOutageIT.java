package vn.dondoc.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;

/** Elasticsearch is really stopped: submissions must still be accepted, and nothing may be lost. */
class SearchOutageIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void elasticsearchIsBack() throws Exception {
    services("start", "elasticsearch");
  }

  @Test
  void feedbackSentWhileSearchIsDownIsAcceptedAndBecomesSearchableWhenItReturns() throws Exception {
    String standingOffice = Api.token("thuongtruc");
    String marker = Feedback.marker();
    services("stop", "elasticsearch");

    Api.Response created = api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker)));
    assertThat(created.status()).isEqualTo(201);
    String code = created.json().path("code").asText();
    assertThat(jdbc.sql("select count(*) from feedback_item where code = ?")
            .param(code)
            .query(Long.class)
            .single())
        .isEqualTo(1);

    Api.Response search = api().get("/api/v1/search?q=" + Api.encode(marker), standingOffice);
    assertThat(search.status()).isEqualTo(503);
    assertThat(search.contentType()).startsWith("application/problem+json");
    assertThat(search.header("Retry-After")).isNotNull();
    assertThat(jdbc.sql("select count(*) from outbox").query(Long.class).single())
        .isPositive();
    JsonNode outbox = api()
        .get("/actuator/health", Api.token("quantri"))
        .json()
        .path("components")
        .path("searchOutbox");
    assertThat(outbox.path("status").asText())
        .as("a backlog is reported, not an outage")
        .isEqualTo("UP");
    assertThat(outbox.path("details").path("backlog").asLong()).isPositive();
    assertThat(outbox.path("details").has("oldestWaitingSeconds")).isTrue();

    services("start", "elasticsearch");

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(api()
                .get("/api/v1/search?q=" + Api.encode("thu tuc " + marker), standingOffice)
                .json()
                .path("items")
                .findValuesAsText("code"))
            .containsExactly(code));
  }

  private static void services(String action, String name)
      throws IOException, InterruptedException {
    Path repository = Path.of(System.getProperty("dondoc.repository", ".."));
    Process process = new ProcessBuilder(
            repository.resolve("bin/dondoc").toString(), "services", action, name)
        .directory(repository.toFile())
        .inheritIO()
        .start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS))
        .as("bin/dondoc services %s %s finished", action, name)
        .isTrue();
    assertThat(process.exitValue())
        .as("bin/dondoc services %s %s", action, name)
        .isZero();
  }
}
