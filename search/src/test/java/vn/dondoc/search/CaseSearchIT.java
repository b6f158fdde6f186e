package vn.dondoc.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Facets, highlights, phrase ranking, filters and orders of {@link CaseIndex#search}, on a fresh index. */
class CaseSearchIT {

  private static RestClient restClient;
  private static ElasticsearchClient client;
  private static CaseIndex index;

  @BeforeAll
  static void createIndex() throws IOException {
    String url = System.getenv().getOrDefault("DONDOC_ES_URL", "http://127.0.0.1:9200");
    restClient = RestClient.builder(HttpHost.create(url)).build();
    client = CaseIndex.clientFor(restClient);
    index = new CaseIndex(restClient, "it-search-" + UUID.randomUUID());
    index.ensureExists();
    index.index(List.of(
        task(
            "NV-1",
            "Số hóa hồ sơ đất đai của thành phố",
            "bkhcn",
            "2026-03-01T00:00:00Z",
            "2026-05-01T17:00:00Z",
            "AT_RISK",
            "I. Thể chế",
            "17-TB/CQTTBCĐ"),
        task(
            "NV-2",
            "Hồ sơ của thành phố về đất đai và số hóa",
            "bkhcn",
            "2026-03-10T00:00:00Z",
            "2026-04-01T17:00:00Z",
            "RUNNING",
            "II. Hạ tầng",
            "17-TB/CQTTBCĐ"),
        task(
            "NV-3",
            "Số hóa hồ sơ đất đai Hà Nội",
            "hanoi",
            "2026-03-20T00:00:00Z",
            null,
            "BREACHED",
            "I. Thể chế",
            "18-TB/CQTTBCĐ")));
    index.refresh();
  }

  @AfterAll
  static void dropIndex() throws IOException {
    client
        .indices()
        .delete(d -> d.index(index.currentIndexName(), index.currentUnansweredIndexName()));
    restClient.close();
  }

  private static VersionedCase task(
      String code,
      String title,
      String agency,
      String created,
      String due,
      String sla,
      String section,
      String directive) {
    Instant createdAt = Instant.parse(created);
    return new VersionedCase(
        CaseDocument.of(
                "task",
                code,
                title,
                title + ". Nội dung chi tiết.",
                "IN_PROGRESS",
                null,
                agency,
                List.of(agency),
                "DIGITAL_TRANSFORMATION",
                null,
                createdAt,
                createdAt,
                due == null ? null : Instant.parse(due),
                null,
                false)
            .inDirective(section, directive)
            .withSla(sla, null, 0),
        1);
  }

  private static CaseQuery query(
      String text,
      String slaState,
      String section,
      Instant createdFrom,
      Instant createdBefore,
      Instant dueAfter,
      Instant dueUntil,
      CaseQuery.Sort sort) {
    return new CaseQuery(
        text,
        null,
        null,
        null,
        null,
        null,
        null,
        slaState,
        null,
        section,
        createdFrom,
        createdBefore,
        dueAfter,
        dueUntil,
        sort,
        0,
        20);
  }

  private static List<String> codes(CaseHits hits) {
    return hits.items().stream().map(CaseDocument::code).toList();
  }

  @Test
  void facetsCountOnlyWhatTheScopeShows() throws IOException {
    CaseHits mine = index.search(CaseQuery.text("ho so"), SearchScope.ofAgencies(Set.of("bkhcn")));
    assertThat(mine.total()).isEqualTo(2);
    assertThat(mine.facets().get("agency")).containsExactly(java.util.Map.entry("bkhcn", 2L));
    assertThat(mine.facets().get("slaState")).containsOnlyKeys("AT_RISK", "RUNNING");
    assertThat(mine.facets().get("type")).containsExactly(java.util.Map.entry("task", 2L));

    CaseHits all = index.search(CaseQuery.text("ho so"), SearchScope.unrestricted());
    assertThat(all.facets().get("agency")).containsEntry("bkhcn", 2L).containsEntry("hanoi", 1L);
    assertThat(all.facets().get("status")).containsExactly(java.util.Map.entry("IN_PROGRESS", 3L));
  }

  @Test
  void aFacetFilteredOnOneValueCountsTheMatchesUnderIt() throws IOException {
    CaseHits all = index.search(CaseQuery.text("ho so"), SearchScope.unrestricted());
    CaseHits atRisk = index.search(
        query("ho so", "AT_RISK", null, null, null, null, null, null), SearchScope.unrestricted());
    assertThat(atRisk.total()).isEqualTo(1);
    assertThat(atRisk.facets().get("slaState"))
        .containsExactly(
            java.util.Map.entry("AT_RISK", all.facets().get("slaState").get("AT_RISK")));
    assertThat(atRisk.facets().get("agency")).containsExactly(java.util.Map.entry("bkhcn", 1L));

    CaseHits none = index.search(
        query("ho so", "PAUSED", null, null, null, null, null, null), SearchScope.unrestricted());
    assertThat(none.total()).isZero();
    assertThat(none.facets().get("slaState")).isEmpty();
    assertThat(none.facets().get("type")).isEmpty();
  }

  @Test
  void aPhraseRanksAboveTheSameWordsScattered() throws IOException {
    assertThat(codes(index.search(CaseQuery.text("ho so dat dai"), SearchScope.unrestricted())))
        .containsSubsequence("NV-1", "NV-2")
        .containsSubsequence("NV-3", "NV-2");
  }

  @Test
  void highlightsShowTheTextWithItsDiacriticsWhateverTheQueryHad() throws IOException {
    for (String text : List.of("dat dai", "đất đai")) {
      CaseHit hit = index.search(CaseQuery.text(text), SearchScope.unrestricted()).hits().stream()
          .filter(h -> h.document().code().equals("NV-3"))
          .findFirst()
          .orElseThrow();
      assertThat(hit.titleHighlights())
          .as(text)
          .containsExactly("Số hóa hồ sơ <em>đất đai</em> Hà Nội");
      assertThat(hit.contentHighlights())
          .as(text)
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f).contains("<em>đất đai</em>"));
    }
  }

  @Test
  void filtersOnSlaStateSectionAndDates() throws IOException {
    assertThat(codes(index.search(
            query(null, "AT_RISK", null, null, null, null, null, null),
            SearchScope.unrestricted())))
        .containsExactly("NV-1");
    assertThat(codes(index.search(
            query(null, null, "I. Thể chế", null, null, null, null, null),
            SearchScope.unrestricted())))
        .containsExactlyInAnyOrder("NV-1", "NV-3");
    assertThat(codes(index.search(
            query(
                null,
                null,
                null,
                Instant.parse("2026-03-05T00:00:00Z"),
                Instant.parse("2026-03-15T00:00:00Z"),
                null,
                null,
                null),
            SearchScope.unrestricted())))
        .containsExactly("NV-2");
    assertThat(codes(index.search(
            query(
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2026-04-01T17:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"),
                null),
            SearchScope.unrestricted())))
        .as("after is exclusive")
        .containsExactly("NV-1");
  }

  @Test
  void sortedByDueSoonestFirstAndUndatedLast() throws IOException {
    assertThat(codes(index.search(
            query("ho so", null, null, null, null, null, null, CaseQuery.Sort.DUE),
            SearchScope.unrestricted())))
        .containsExactly("NV-2", "NV-1", "NV-3");
    assertThat(codes(index.search(
            query(null, null, null, null, null, null, null, null), SearchScope.unrestricted())))
        .as("without text: most recently updated first")
        .containsExactly("NV-3", "NV-2", "NV-1");
  }

  @Test
  void anIndexOfTheOlderMappingIsGivenTheNewFieldsAndTakesNewDocuments() throws IOException {
    String alias = "it-old-" + UUID.randomUUID();
    CaseIndex old = new CaseIndex(restClient, alias);
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode mapping;
    try (var in = CaseIndex.class.getResourceAsStream("/search/cases-mapping.json")) {
      mapping = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
    }
    ((com.fasterxml.jackson.databind.node.ObjectNode) mapping.path("mappings").path("properties"))
        .remove(List.of("section", "directive", "sla_state", "breach_at", "escalation_level"));
    String v2 = alias + "-v2";
    byte[] olderMapping = json.writeValueAsBytes(mapping);
    client
        .indices()
        .create(c -> c.index(v2)
            .withJson(new java.io.ByteArrayInputStream(olderMapping))
            .aliases(alias, a -> a.isWriteIndex(true)));
    try {
      VersionedCase v3Document =
          task("NV-9", "Hồ sơ mới", "bkhcn", "2026-03-01T00:00:00Z", null, "RUNNING", "I", "1-TB");
      assertThat(old.index(List.of(v3Document)))
          .as("refused by the strict older mapping")
          .isNotEmpty();

      assertThat(old.addNewFieldsToOlderIndices()).containsExactly(v2);
      assertThat(old.index(List.of(v3Document))).isEmpty();
      old.refresh();
      CaseQuery atRisk = query(null, "RUNNING", null, null, null, null, null, null);
      assertThat(codes(old.search(atRisk, SearchScope.unrestricted()))).containsExactly("NV-9");
      assertThat(new CaseIndex(restClient, index.alias()).addNewFieldsToOlderIndices())
          .as("current: nothing to do")
          .isEmpty();
    } finally {
      client.indices().delete(d -> d.index(v2));
    }
  }
}
