package vn.dondoc.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.search.CaseIndex;

class ReindexIT extends IntegrationTest {

  private static final String REINDEX = "/api/v1/admin/search/reindex";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  CaseIndex index;

  @Autowired
  RestClient elasticsearch;

  @Test
  void theAliasMovesToANewIndexAndSearchFindsEveryCaseBeforeDuringAndAfter() throws Exception {
    String marker = Feedback.marker();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      codes.add(submit(marker));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(found(marker)).containsExactlyInAnyOrderElementsOf(codes));
    List<String> before = index.indicesBehindAlias();

    // Searches keep running while the alias is swapped; each must see every case.
    AtomicBoolean reindexing = new AtomicBoolean(true);
    List<List<String>> duringReindex = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> searcher = CompletableFuture.runAsync(() -> {
      while (reindexing.get()) {
        duringReindex.add(found(marker));
      }
    });
    Api.Response reindexed;
    try {
      reindexed = reindex("quantri");
    } finally {
      reindexing.set(false);
    }
    searcher.get(30, TimeUnit.SECONDS);

    assertThat(reindexed.status()).isEqualTo(200);
    String newIndex = reindexed.json().path("index").asText();
    String newUnanswered = reindexed.json().path("unansweredIndex").asText();
    assertThat(newIndex).startsWith(index.currentIndexName() + "-");
    assertThat(newUnanswered).startsWith(index.currentUnansweredIndexName() + "-");
    assertThat(before).hasSize(2);
    assertThat(reindexed.json().path("replaced")).hasSize(before.size());
    assertThat(index.indicesBehindAlias()).containsExactlyInAnyOrder(newIndex, newUnanswered);
    for (String old : before) {
      assertThat(exists(old)).as("old index %s deleted", old).isFalse();
    }
    assertThat(duringReindex)
        .isNotEmpty()
        .allSatisfy(hits -> assertThat(hits).containsExactlyInAnyOrderElementsOf(codes));
    assertThat(found(marker)).containsExactlyInAnyOrderElementsOf(codes);
  }

  @Test
  void aReindexWhileSubmissionsKeepArrivingLosesNoneOfThem() throws Exception {
    String marker = Feedback.marker();
    List<String> codes = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> submitter = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < 30; i++) {
        codes.add(submit(marker));
      }
    });

    // Reindex over and over until the last submission is in, so that every one overlaps a rebuild.
    int reindexes = 0;
    do {
      assertThat(reindex("quantri").status()).isEqualTo(200);
      reindexes++;
    } while (!submitter.isDone());
    submitter.get();

    assertThat(reindexes).isPositive();
    assertThat(codes).hasSize(30);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(found(marker)).containsExactlyInAnyOrderElementsOf(codes));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      index.refresh();
      assertThat(feedbackDocuments(index.alias()))
          .isEqualTo(
              jdbc.sql("select count(*) from feedback_item").query(Long.class).single());
      assertThat(feedbackDocuments(index.unansweredAlias()))
          .as("the unanswered items, kept by the relay and the rebuilds alike")
          .isEqualTo(jdbc.sql("""
                  select count(*) from feedback_item
                  where closed_at is null and status not in ('ANSWERED', 'CLOSED')""").query(Long.class).single());
    });
  }

  @Test
  void onlyAdminsMayReindex() {
    assertThat(reindex("thuongtruc").status()).isEqualTo(403);
    assertThat(api().postJson(REINDEX, "", null, Map.of()).status()).isEqualTo(401);
  }

  private String submit(String marker) {
    Api.Response created = api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker)));
    assertThat(created.status()).isEqualTo(201);
    return created.json().path("code").asText();
  }

  private Api.Response reindex(String username) {
    return api().postJson(REINDEX, "", Api.token(username), Map.of());
  }

  private List<String> found(String marker) {
    JsonNode result = api()
        .get("/api/v1/search?size=100&q=" + marker, Api.token("thuongtruc"))
        .json();
    return result.path("items").findValuesAsText("code");
  }

  private boolean exists(String indexName) throws Exception {
    return elasticsearch
            .performRequest(new Request("HEAD", "/" + indexName))
            .getStatusLine()
            .getStatusCode()
        == 200;
  }

  private long feedbackDocuments(String alias) throws Exception {
    Request count = new Request("GET", "/" + alias + "/_count");
    count.addParameter("q", "case_type:feedback");
    return new ObjectMapper()
        .readTree(elasticsearch.performRequest(count).getEntity().getContent())
        .path("count")
        .asLong();
  }
}
