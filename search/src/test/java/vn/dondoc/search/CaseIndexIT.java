package vn.dondoc.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs against the Elasticsearch started by {@code bin/dondoc services up}. */
class CaseIndexIT {

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
        feedback(
            "PAKN-2026-000001",
            "Thủ tục hành chính cấp phép còn rườm rà",
            "Đề nghị rút gọn thủ tục.",
            "bkhcn",
            false,
            1),
        feedback(
            "PAKN-2026-000002",
            "Thu tuc hanh chinh gui khong dau",
            "Người gửi gõ không dấu.",
            "hanoi",
            true,
            1),
        feedback(
            "PAKN-2026-000003",
            "Hạ tầng số ở Đà Nẵng",
            "Chính sách thủ tục nằm rải rác trong nội dung, hành chính ở cuối.",
            "danang",
            false,
            1)));
    index.refresh();
  }

  @AfterAll
  static void dropIndex() throws IOException {
    client.indices().delete(d -> d.index(index.currentIndexName()));
    restClient.close();
  }

  private static VersionedCase feedback(
      String code, String title, String content, String agency, boolean published, long version) {
    Instant now = Instant.parse("2026-03-02T03:00:00Z");
    return new VersionedCase(
        CaseDocument.of(
            "feedback",
            code,
            title,
            content,
            "ROUTED",
            null,
            agency,
            List.of(agency),
            "administrative-procedures",
            "hanoi",
            now,
            now,
            null,
            null,
            published),
        version);
  }

  private static List<String> codes(CaseHits hits) {
    return hits.items().stream().map(CaseDocument::code).toList();
  }

  @Test
  void queryWithoutDiacriticsFindsTextWithDiacritics() throws IOException {
    CaseHits hits = index.search(CaseQuery.text("thu tuc hanh chinh"), SearchScope.unrestricted());
    assertThat(codes(hits)).contains("PAKN-2026-000001", "PAKN-2026-000002");
  }

  @Test
  void exactDiacriticsRankFirst() throws IOException {
    CaseHits hits = index.search(CaseQuery.text("thủ tục hành chính"), SearchScope.unrestricted());
    assertThat(codes(hits)).startsWith("PAKN-2026-000001").contains("PAKN-2026-000002");
  }

  @Test
  void dStrokeFoldsToD() throws IOException {
    assertThat(codes(index.search(CaseQuery.text("da nang"), SearchScope.unrestricted())))
        .containsExactly("PAKN-2026-000003");
  }

  @Test
  void aTypedCaseCodeFindsThatCase() throws IOException {
    assertThat(codes(index.search(CaseQuery.text("pakn-2026-000003"), SearchScope.unrestricted())))
        .first()
        .isEqualTo("PAKN-2026-000003");
  }

  @Test
  void agencyScopeHidesOtherAgenciesCases() throws IOException {
    CaseHits hits =
        index.search(CaseQuery.text("thu tuc"), SearchScope.ofAgencies(Set.of("bkhcn")));
    assertThat(codes(hits)).containsExactly("PAKN-2026-000001");
  }

  @Test
  void thePublicSeesOnlyPublishedCases() throws IOException {
    assertThat(codes(index.search(CaseQuery.text("thu tuc"), SearchScope.publishedOnly())))
        .containsExactly("PAKN-2026-000002");
    assertThat(codes(index.search(CaseQuery.text("thu tuc"), SearchScope.ofAgencies(Set.of()))))
        .isEmpty();
  }

  @Test
  void similarOpenCasesAreFoundWhateverTheDiacriticsAndTheCaseItselfIsLeftOut() throws IOException {
    List<String> similar = index
        .similarOpenCases(
            "feedback", "Thu tuc hanh chinh cap phep ruom ra qua", "PAKN-2026-000077", ANY, 5)
        .stream()
        .map(CaseDocument::code)
        .toList();
    assertThat(similar)
        .as("best match first; unrelated cases left out")
        .startsWith("PAKN-2026-000001")
        .doesNotContain("PAKN-2026-000003");

    assertThat(index.similarOpenCases(
            "feedback", "Thủ tục hành chính cấp phép còn rườm rà", "PAKN-2026-000001", ANY, 5))
        .as("the case itself is not its own duplicate")
        .isEmpty();
  }

  @Test
  void wordsFoundInAlmostEveryItemNeitherMakeNorHideADuplicate() throws IOException {
    CaseIndex large = new CaseIndex(restClient, "it-common-words-" + UUID.randomUUID());
    large.ensureExists();
    try {
      List<VersionedCase> cases = new ArrayList<>();
      // more items than the floor below which no word counts as common, all sharing one sentence
      for (int n = 0; n < CaseIndex.COMMON_WORD_FLOOR + 200; n++) {
        cases.add(feedback(
            String.format("PAKN-2026-%06d", 100_000 + n),
            "Đề nghị cải thiện dịch vụ công trực tuyến của tỉnh",
            "Người dân phản ánh về dịch vụ công trực tuyến.",
            "hanoi",
            false,
            1));
      }
      cases.add(feedback(
          "PAKN-2026-900000",
          "Đèn tín hiệu giao thông hỏng ở ngã tư",
          "Đèn tín hiệu giao thông hỏng nhiều ngày.",
          "hanoi",
          false,
          1));
      large.index(cases);
      large.refresh();

      List<String> similar = large
          .similarOpenCases(
              "feedback",
              "Đề nghị cải thiện dịch vụ công trực tuyến của tỉnh: đèn tín hiệu giao thông hỏng",
              "PAKN-2026-999999",
              ANY,
              5)
          .stream()
          .map(CaseDocument::code)
          .toList();

      assertThat(similar)
          .as(
              "found by its less common words; sharing only the words of almost every item is no duplicate")
          .containsExactly("PAKN-2026-900000");
    } finally {
      client.indices().delete(d -> d.index(large.currentIndexName()));
    }
  }

  /** No bound but the type: every case since the epoch, in any status. */
  private static final CaseIndex.SimilarityBounds ANY =
      new CaseIndex.SimilarityBounds(null, null, Instant.EPOCH, List.of());

  @Test
  void similarCasesAreLookedForOnlyWithinTheBounds() throws IOException {
    String text = "Thủ tục hành chính cấp phép còn rườm rà";
    Instant created = Instant.parse("2026-03-02T03:00:00Z");
    assertThat(index.similarOpenCases(
            "feedback",
            text,
            "PAKN-2026-000077",
            new CaseIndex.SimilarityBounds("administrative-procedures", null, created, List.of()),
            5))
        .extracting(CaseDocument::code)
        .contains("PAKN-2026-000001");
    assertThat(index.similarOpenCases(
            "feedback",
            text,
            "PAKN-2026-000077",
            new CaseIndex.SimilarityBounds("digital-skills", "danang", created, List.of()),
            5))
        .as("another field and another locality")
        .isEmpty();
    assertThat(index.similarOpenCases(
            "feedback",
            text,
            "PAKN-2026-000077",
            new CaseIndex.SimilarityBounds("digital-skills", "hanoi", created, List.of()),
            5))
        .as("the same locality will do")
        .extracting(CaseDocument::code)
        .contains("PAKN-2026-000001");
    assertThat(index.similarOpenCases(
            "feedback",
            text,
            "PAKN-2026-000077",
            new CaseIndex.SimilarityBounds(null, null, created.plusSeconds(1), List.of()),
            5))
        .as("created before the period")
        .isEmpty();
    assertThat(index.similarOpenCases(
            "feedback",
            text,
            "PAKN-2026-000077",
            new CaseIndex.SimilarityBounds(null, null, created, List.of("ROUTED")),
            5))
        .as("in an excluded status")
        .isEmpty();
  }

  @Test
  void anOlderStateNeverOverwritesANewerOne() throws IOException {
    String code = "PAKN-2026-000099";
    assertThat(index.index(List.of(feedback(code, "Phiên bản mới", "v3", "bkhcn", false, 3))))
        .isEmpty();
    assertThat(index.index(List.of(feedback(code, "Phiên bản cũ", "v2", "bkhcn", false, 2))))
        .isEmpty();
    index.refresh();

    CaseHits hits = index.search(CaseQuery.text(code), SearchScope.unrestricted());
    assertThat(hits.items()).first().extracting(CaseDocument::title).isEqualTo("Phiên bản mới");
  }

  @Test
  void aDocumentElasticsearchRefusesIsReportedByCodeAndTheRestOfTheBatchIsWritten()
      throws IOException {
    Instant now = Instant.parse("2026-03-02T03:00:00Z");
    // a keyword longer than Lucene takes as one term: refused for this document only
    VersionedCase refused = new VersionedCase(
        CaseDocument.of(
            "feedback",
            "PAKN-2026-000098",
            "Địa bàn quá dài",
            "x",
            "ROUTED",
            null,
            "bkhcn",
            List.of("bkhcn"),
            "administrative-procedures",
            "x".repeat(40_000),
            now,
            now,
            null,
            null,
            false),
        1);
    VersionedCase accepted =
        feedback("PAKN-2026-000097", "Hồ sơ đi cùng lô", "y", "bkhcn", false, 1);

    Map<String, String> failed = index.index(List.of(refused, accepted));
    index.refresh();

    assertThat(failed).containsOnlyKeys("PAKN-2026-000098");
    assertThat(failed.get("PAKN-2026-000098")).startsWith("document_parsing_exception");
    assertThat(codes(index.search(CaseQuery.text("PAKN-2026-000097"), SearchScope.unrestricted())))
        .first()
        .isEqualTo("PAKN-2026-000097");
  }
}
