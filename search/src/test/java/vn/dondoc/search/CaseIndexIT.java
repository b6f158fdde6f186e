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
    client
        .indices()
        .delete(d -> d.index(index.currentIndexName(), index.currentUnansweredIndexName()));
    restClient.close();
  }

  /** When the fixtures' items were submitted, unless a test says otherwise. */
  private static final Instant SUBMITTED = Instant.parse("2026-03-02T03:00:00Z");

  private static VersionedCase feedback(
      String code, String title, String content, String agency, boolean published, long version) {
    return feedback(code, title, content, agency, published, version, "ROUTED", SUBMITTED);
  }

  private static VersionedCase feedback(
      String code,
      String title,
      String content,
      String agency,
      boolean published,
      long version,
      String status,
      Instant now) {
    return new VersionedCase(
        CaseDocument.of(
            "feedback",
            code,
            title,
            content,
            status,
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
  void similarUnansweredItemsAreFoundWhateverTheDiacriticsAndTheItemItselfIsLeftOut()
      throws IOException {
    List<String> similar = index
        .similarUnansweredFeedback(
            "Thu tuc hanh chinh cap phep ruom ra qua", "PAKN-2026-000077", ANY, 5)
        .stream()
        .map(SimilarItem::code)
        .toList();
    assertThat(similar)
        .as("best match first; unrelated cases left out")
        .startsWith("PAKN-2026-000001")
        .doesNotContain("PAKN-2026-000003");

    assertThat(index.similarUnansweredFeedback(
            "Thủ tục hành chính cấp phép còn rườm rà", "PAKN-2026-000001", ANY, 5))
        .as("the case itself is not its own duplicate")
        .isEmpty();
  }

  @Test
  void anItemIsComparedWithNewOnesUntilItIsAnsweredAndAgainOnceReopened() throws IOException {
    String code = "PAKN-2026-000050";
    String text = "Cầu treo ở xã vùng cao xuống cấp nghiêm trọng";
    index.index(List.of(feedback(code, text, "Đề nghị sửa cầu.", "hanoi", false, 1)));
    index.refresh();
    assertThat(similarTo(text)).contains(code);

    index.index(
        List.of(feedback(code, text, "Đề nghị sửa cầu.", "hanoi", true, 3, "ANSWERED", SUBMITTED)));
    index.index(List.of(feedback(code, text, "Đề nghị sửa cầu.", "hanoi", false, 2)));
    index.refresh();
    assertThat(similarTo(text))
        .as("answered, and its older unanswered state arriving late does not bring it back")
        .doesNotContain(code);
    assertThat(codes(index.search(CaseQuery.text(code), SearchScope.unrestricted())))
        .as("still found by search")
        .contains(code);

    index.index(List.of(
        feedback(code, text, "Đề nghị sửa cầu.", "hanoi", false, 4, "IN_PROGRESS", SUBMITTED)));
    index.refresh();
    assertThat(similarTo(text)).as("reopened").contains(code);
  }

  private static List<String> similarTo(String text) throws IOException {
    return index.similarUnansweredFeedback(text, "PAKN-2026-999999", ANY, 5).stream()
        .map(SimilarItem::code)
        .toList();
  }

  @Test
  void anItemSentAgainComesFirstAheadOfItemsThatShareOnlyItsText() throws IOException {
    CaseIndex own = new CaseIndex(restClient, "it-resent-" + UUID.randomUUID());
    own.ensureExists();
    try {
      String title = "Phản ánh về đường giao thông nông thôn xuống cấp";
      String text =
          "Cầu treo bản Khoang đã mục nát nhiều tấm ván. Trẻ em đi học phải lội suối khi mưa lũ. "
              + "Đề nghị huyện sớm bố trí kinh phí sửa chữa.";
      List<VersionedCase> cases = new ArrayList<>();
      // the title's words are common (older items, outside the bounds, still weigh them), the
      // text's are rare:
      // more-like-this looks candidates up by the text alone, where the item and its twins tie
      for (int n = 0; n < 60; n++) {
        cases.add(unanswered(
            String.format("PAKN-2025-%06d", n),
            title,
            "Nội dung khác số " + n + ".",
            "2025-06-01"));
      }
      for (int n = 0; n < 6; n++) {
        cases.add(unanswered(
            String.format("PAKN-2026-%06d", 500 + n), "Ý kiến của cử tri", text, "2026-03-01"));
      }
      cases.add(unanswered("PAKN-2026-000999", title, text, "2026-03-01"));
      own.index(cases);
      own.refresh();

      String resent = title + " " + text.substring(0, text.lastIndexOf("Đề nghị"));
      List<SimilarItem> similar = own.similarUnansweredFeedback(
          VietnameseFolding.fold(resent),
          "PAKN-2026-999999",
          new CaseIndex.SimilarityBounds(null, null, Instant.parse("2026-01-01T00:00:00Z")),
          5);

      assertThat(similar)
          .hasSize(5)
          .first()
          .extracting(SimilarItem::code)
          .isEqualTo("PAKN-2026-000999");
      assertThat(similar.get(0).sharedWords())
          .as("the share of words in common, the title's too")
          .isEqualTo(WordOverlap.of(resent, title + " " + text))
          .isGreaterThan(similar.get(1).sharedWords());
    } finally {
      client
          .indices()
          .delete(d -> d.index(own.currentIndexName(), own.currentUnansweredIndexName()));
    }
  }

  private static VersionedCase unanswered(String code, String title, String content, String day) {
    return feedback(
        code, title, content, "hanoi", false, 1, "ROUTED", Instant.parse(day + "T03:00:00Z"));
  }

  @Test
  void anIndexOfUnansweredItemsNewBesideIndexedCasesIsToBeFilledOnce() throws IOException {
    CaseIndex fresh = new CaseIndex(restClient, "it-fresh-" + UUID.randomUUID());
    CaseIndex upgraded = new CaseIndex(restClient, "it-upgraded-" + UUID.randomUUID());
    try {
      fresh.ensureExists();
      assertThat(fresh.takeUnfilledUnansweredIndex())
          .as("both new: nothing to fill")
          .isFalse();

      // the layout before: the cases alone
      try (var mapping = CaseIndex.class.getResourceAsStream("/search/cases-mapping.json")) {
        client
            .indices()
            .create(c -> c.index(upgraded.currentIndexName())
                .withJson(mapping)
                .aliases(upgraded.alias(), a -> a.isWriteIndex(true)));
      }
      upgraded.ensureExists();
      assertThat(upgraded.takeUnfilledUnansweredIndex()).isTrue();
      assertThat(upgraded.takeUnfilledUnansweredIndex()).as("told once").isFalse();
      upgraded.ensureExists();
      assertThat(upgraded.takeUnfilledUnansweredIndex()).as("there already").isFalse();
    } finally {
      client
          .indices()
          .delete(d -> d.index(
              fresh.currentIndexName(),
              fresh.currentUnansweredIndexName(),
              upgraded.currentIndexName(),
              upgraded.currentUnansweredIndexName()));
    }
  }

  /** No bound: every unanswered item since the epoch. */
  private static final CaseIndex.SimilarityBounds ANY =
      new CaseIndex.SimilarityBounds(null, null, Instant.EPOCH);

  @Test
  void similarCasesAreLookedForOnlyWithinTheBounds() throws IOException {
    String text = "Thủ tục hành chính cấp phép còn rườm rà";
    Instant created = Instant.parse("2026-03-02T03:00:00Z");
    assertThat(index.similarUnansweredFeedback(
            text,
            "PAKN-2026-000077",
            new CaseIndex.SimilarityBounds("administrative-procedures", null, created),
            5))
        .extracting(SimilarItem::code)
        .contains("PAKN-2026-000001");
    assertThat(index.similarUnansweredFeedback(
            text,
            "PAKN-2026-000077",
            new CaseIndex.SimilarityBounds("digital-skills", "danang", created),
            5))
        .as("another field and another locality")
        .isEmpty();
    assertThat(index.similarUnansweredFeedback(
            text,
            "PAKN-2026-000077",
            new CaseIndex.SimilarityBounds("digital-skills", "hanoi", created),
            5))
        .as("the same locality will do")
        .extracting(SimilarItem::code)
        .contains("PAKN-2026-000001");
    assertThat(index.similarUnansweredFeedback(
            text,
            "PAKN-2026-000077",
            new CaseIndex.SimilarityBounds(null, null, created.plusSeconds(1)),
            5))
        .as("created before the period")
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
