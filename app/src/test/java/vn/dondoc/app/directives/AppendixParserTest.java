package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.directives.AgencyMatcher.Generic;
import vn.dondoc.app.time.DeadlineParser.Kind;

/**
 * The appendix of Thông báo 17-TB/CQTTBCĐ (source 000, lines 128–251), read by hand into the rows below.
 * Where a task cannot be read fully (no deadline written, joint leads, an agency missing from the
 * table), the row says which flag the parser must raise.
 */
class AppendixParserTest {

  private static final Path SOURCE = Path.of(
      System.getProperty("dondoc.repository", ".."),
      "..",
      "shared",
      "sources",
      "000_b6b7d3b86713636c.txt");
  private static final String RECURRING = "RECURRING";
  private static final String NONE = null;

  private static List<DraftTask> drafts;

  /** One expected draft: lead is an agency code or a {@link Generic} name; due is yyyy-MM-dd, RECURRING or null. */
  private record Expected(
      String code, String lead, List<String> coOperating, String due, List<String> flags) {}

  /** A collective lead is always flagged: a person must expand it before the task is issued. */
  private static Expected row(
      String code, String lead, List<String> coOperating, String due, String... flags) {
    List<String> all = new java.util.ArrayList<>(List.of(flags));
    if (lead.equals(lead.toUpperCase(java.util.Locale.ROOT))) {
      all.add("COLLECTIVE_LEAD");
    }
    return new Expected(code, lead, coOperating, due, List.copyOf(all));
  }

  private static final List<String> NO_ONE = List.of();
  private static final String NO_DEADLINE = "NO_DEADLINE";
  private static final String JOINT = "JOINT_LEAD";

  private static final List<Expected> EXPECTED = List.of(
      // 1. Công tác chỉ đạo, điều hành và tổ chức thực hiện
      row("1.a", "CENTRAL_AND_LOCAL", NO_ONE, NONE, NO_DEADLINE),
      row("1.b.(1)", "vptw", NO_ONE, "2026-03-31"),
      row("1.b.(2)", "vptw", NO_ONE, NONE, NO_DEADLINE),
      row("1.c.(1)", "CENTRAL_AND_LOCAL", NO_ONE, "2026-01-09"),
      row("1.c.(2)", "CENTRAL_AND_LOCAL", NO_ONE, NONE, NO_DEADLINE),
      row("1.c.(3)", "CENTRAL_AND_LOCAL", NO_ONE, NONE, NO_DEADLINE),
      row("1.d.(1)", "ALL_PROVINCES", NO_ONE, NONE, NO_DEADLINE),
      row("1.d.(2)", "ALL_PROVINCES", NO_ONE, NONE, NO_DEADLINE),
      row("1.đ", "vptw", NO_ONE, NONE, NO_DEADLINE),
      // 2. Thể chế
      row("2.a", "ALL_MINISTRIES", NO_ONE, "2026-03-31"),
      row("2.b", "CENTRAL_AND_LOCAL", NO_ONE, NONE, NO_DEADLINE),
      // 3. Nhân lực
      row("3.a", "bkhcn", List.of("bnv", "bgddt", "bng"), "2026-03-31"),
      row("3.b", "bkhcn", List.of("bgddt"), NONE, JOINT, NO_DEADLINE),
      row("3.c", "CENTRAL_AND_LOCAL", NO_ONE, NONE, NO_DEADLINE),
      // 4. Tài chính: 4.a names two ministries side by side; 4.d's last sentence sets the deadline
      // of both parts
      row("4.a.(1)", "bkhcn", List.of("btc"), NONE, JOINT, NO_DEADLINE),
      row("4.a.(2)", "bkhcn", List.of("btc"), NONE, JOINT, NO_DEADLINE),
      row("4.a.(3)", "bkhcn", List.of("btc"), NONE, JOINT, NO_DEADLINE),
      row("4.b", "bkhcn", NO_ONE, NONE, NO_DEADLINE),
      row("4.c", "CENTRAL_AND_LOCAL", NO_ONE, NONE, NO_DEADLINE),
      row("4.d.(1)", "bkhcn", List.of("vptw"), "2026-03-31", "ALSO_RECURRING", "SHARED_DEADLINE"),
      row("4.d.(2)", "btc", List.of("vptw"), "2026-03-31", "ALSO_RECURRING", "SHARED_DEADLINE"),
      // 5. Chuyển đổi số; a) hạ tầng
      row("5.a.1", "bkhcn", NO_ONE, NONE, NO_DEADLINE),
      row("5.a.2", "bca", NO_ONE, NONE, NO_DEADLINE),
      row("5.a.3.(1)", "ALL_PROVINCES", NO_ONE, "2026-06-30", "SHARED_DEADLINE"),
      row("5.a.3.(2)", "ALL_PROVINCES", NO_ONE, "2026-06-30", "SHARED_DEADLINE"),
      row("5.a.3.(3)", "ALL_PROVINCES", NO_ONE, "2026-06-30", "SHARED_DEADLINE"),
      row(
          "5.a.3.(4)",
          "ALL_PROVINCES",
          NO_ONE,
          "2026-06-30",
          "UNKNOWN_AGENCY:Ban Cơ yếu Chính phủ",
          "SHARED_DEADLINE"),
      row("5.a.3.(5)", "ALL_PROVINCES", NO_ONE, "2026-06-30", "SHARED_DEADLINE"),
      row("5.a.3.(6)", "ALL_PROVINCES", NO_ONE, "2026-06-30", "SHARED_DEADLINE"),
      // b) TTHC
      row("5.b.1", "btp", List.of("bca", "bkhcn"), NONE, NO_DEADLINE),
      row("5.b.2.(1)", "ALL_MINISTRIES", List.of("btp", "bca", "vpcp"), RECURRING),
      row("5.b.2.(2)", "ALL_MINISTRIES", List.of("btp", "bca", "vpcp"), "2026-03-31"),
      row("5.b.3", "ALL_MINISTRIES", List.of("bca", "btp", "bkhcn"), "2026-03-31"),
      row("5.b.4", "bca", NO_ONE, NONE, NO_DEADLINE),
      // c) nền tảng
      row("5.c.1", "CENTRAL_AND_LOCAL", NO_ONE, "2026-03-31"),
      row("5.c.2.(1)", "bca", NO_ONE, "2026-03-01"),
      row("5.c.2.(2)", "bca", NO_ONE, "2026-12-31"),
      // d) CSDL: the first bullet has two deadlines in two sentences (the databases in 2026, "Trong
      // đó" the roadmap in Q1)
      row("5.d.1.[1]", "ALL_MINISTRIES", List.of("bca"), "2026-12-31", "SPLIT_BY_DEADLINE"),
      row("5.d.1.[2]", "ALL_MINISTRIES", List.of("bca"), "2026-03-31", "SPLIT_BY_DEADLINE"),
      row("5.d.2", "ALL_MINISTRIES", NO_ONE, "2025-12-30"),
      row("5.d.3", "bca", NO_ONE, NONE, NO_DEADLINE, "DATE_NOT_DEADLINE:ngày 15/11/2025"),
      row("5.d.4", "byt", List.of("bca"), NONE, NO_DEADLINE, "DATE_NOT_DEADLINE:ngày 10/01/2025"),
      // the security item is lettered "d)" a second time where "đ)" belongs
      row(
          "5.đ",
          "bca",
          List.of("bqp"),
          NONE,
          "HEADING_OUT_OF_SEQUENCE:d)",
          JOINT,
          NO_DEADLINE,
          "DATE_NOT_DEADLINE:ngày 27/9/2025"),
      row("5.e", "GOVERNMENT", NO_ONE, "2026-01-31"),
      // 6. KHCN, ĐMST
      row("6.a", "bkhcn", List.of("bgddt"), NONE, JOINT, NO_DEADLINE),
      row("6.b", "btc", List.of("bgddt"), "2026-03-31"),
      row("6.c", "btc", List.of("bkhcn"), NONE, NO_DEADLINE),
      row("6.d", "btc", List.of("bkhcn"), NONE, NO_DEADLINE),
      row("6.đ", "bkhcn", NO_ONE, NONE, NO_DEADLINE),
      row(
          "6.e.(1)",
          "bkhcn",
          List.of("btc", "bgddt", "bct"),
          "2026-03-31",
          JOINT,
          "SHARED_DEADLINE"),
      row(
          "6.e.(2)",
          "bkhcn",
          List.of("btc", "bgddt", "bct"),
          "2026-03-31",
          JOINT,
          "SHARED_DEADLINE"),
      row(
          "6.e.(3)",
          "bkhcn",
          List.of("btc", "bgddt", "bct"),
          "2026-03-31",
          JOINT,
          "SHARED_DEADLINE"),
      row(
          "6.e.(4)",
          "bkhcn",
          List.of("btc", "bgddt", "bct"),
          "2026-03-31",
          JOINT,
          "SHARED_DEADLINE"),
      row("6.g", "bkhcn", List.of("bgddt"), NONE, JOINT, NO_DEADLINE),
      row("6.h", "bkhcn", NO_ONE, NONE, NO_DEADLINE),
      row("6.i.(1)", "bkhcn", NO_ONE, "2026-03-31", "SHARED_DEADLINE"),
      row("6.i.(2)", "bkhcn", NO_ONE, "2026-03-31", "SHARED_DEADLINE"),
      // the standing office (an alias of VPTW in the table) with two bodies the table does not have
      row(
          "6.k",
          "vptw",
          NO_ONE,
          NONE,
          JOINT,
          "UNKNOWN_AGENCY:Tổ Giúp việc Ban Chỉ đạo",
          "UNKNOWN_AGENCY:Hội đồng tư vấn quốc gia",
          NO_DEADLINE),
      // 7. Hợp tác quốc tế
      row("7.a", "CENTRAL_AND_LOCAL", NO_ONE, NONE, NO_DEADLINE),
      row("7.b.(1)", "bng", NO_ONE, NONE, NO_DEADLINE, "DATE_NOT_DEADLINE:đến năm 2030"),
      row("7.b.(2)", "bng", NO_ONE, NONE, NO_DEADLINE),
      row("7.c", "ALL_MINISTRIES", NO_ONE, NONE, NO_DEADLINE));

  @BeforeAll
  static void parseTheAppendix() throws IOException {
    List<String> lines = Files.readAllLines(SOURCE);
    String appendix = String.join("\n", lines.subList(127, lines.size()));
    drafts = new AppendixParser(SeedAgencies.matcher()).parse(appendix);
  }

  @Test
  void everyTaskOfTheAppendixComesOutInOrder() {
    assertThat(drafts)
        .extracting(DraftTask::code)
        .containsExactlyElementsOf(EXPECTED.stream().map(Expected::code).toList());
  }

  @Test
  void eachDraftHasTheLeadCoOperatingAgenciesDeadlineAndFlagsReadByHand() {
    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < EXPECTED.size(); i++) {
      Expected expected = EXPECTED.get(i);
      DraftTask draft = drafts.get(i);
      String lead = draft.lead() == null
          ? null
          : draft.lead().agency() != null
              ? draft.lead().agency()
              : String.valueOf(draft.lead().generic());
      String due = draft.deadline().kind() == Kind.RECURRING
          ? RECURRING
          : draft.deadline().dueDate() == null
              ? null
              : draft.deadline().dueDate().toString();
      softly.assertThat(lead).as("lead of %s", expected.code()).isEqualTo(expected.lead());
      softly
          .assertThat(draft.coOperating())
          .as("co-operating of %s", expected.code())
          .containsExactlyElementsOf(expected.coOperating());
      softly.assertThat(due).as("deadline of %s", expected.code()).isEqualTo(expected.due());
      softly
          .assertThat(draft.flags())
          .as("flags of %s", expected.code())
          .containsExactlyInAnyOrderElementsOf(expected.flags());
    }
    softly.assertAll();
  }

  @Test
  void deadlinesKeepTheirWording() {
    assertThat(draft("1.c.(1)").deadline().text()).isEqualTo("Hoàn thành trước ngày 10/01/2026");
    assertThat(draft("5.b.2.(1)").deadline().text()).isEqualTo("nhiệm vụ thường xuyên");
    assertThat(draft("4.d.(2)").deadline().text())
        .isEqualTo(
            "Các cơ quan thống nhất, hoàn thành tích hợp trong quý I/2026 và cập nhật thường xuyên, liên tục");
    assertThat(draft("5.d.2").deadline().text()).isEqualTo("hoàn thành trước 31/12/2025");
    assertThat(draft("5.c.2.(1)").deadline().dueDate()).isEqualTo(LocalDate.of(2026, 3, 1));
  }

  @Test
  void collectiveCoOperatorsAreKeptAsWrittenAndNotGuessed() {
    assertThat(draft("1.b.(1)").coOperatingOther()).containsExactly("các cơ quan liên quan");
    assertThat(draft("5.a.2").coOperatingOther()).containsExactly("các bộ, ngành, địa phương");
    assertThat(draft("3.b").coOperatingOther()).containsExactly("các viện, trường");
    assertThat(draft("1.a").lead().text()).isEqualTo("Các cơ quan Trung ương và địa phương");
  }

  @Test
  void numberedPartsCarryTheirIntroductionAndHeadings() {
    DraftTask part = draft("5.a.3.(4)");
    assertThat(part.headings())
        .containsExactly("5. Về chuyển đổi số", "a) Về hạ tầng kỹ thuật, công nghệ");
    assertThat(part.content())
        .startsWith("Các địa phương chủ động rà soát: (4) Phối hợp với Ban Cơ yếu Chính phủ");
    assertThat(draft("6.i.(2)").expectedProduct()).isEqualTo("Báo cáo Ban Chỉ đạo kết quả rà soát");
    assertThat(draft("5.e").expectedProduct()).isEqualTo("Báo cáo Ban Chỉ đạo");
  }

  @Test
  void agenciesTheTaskOnlyMentionsAreOfferedSeparately() {
    assertThat(draft("5.b.4").mentioned()).containsExactly("bng");
    assertThat(draft("6.k").mentioned()).containsExactly("bkhcn", "btc", "bgddt", "bct");
  }

  @Test
  void theSummaryCountsWhatNeedsAttention() {
    DirectiveImport.Summary summary = DirectiveImport.summary(drafts);
    assertThat(summary.drafts()).isEqualTo(62);
    assertThat(summary.flagged())
        .isEqualTo((int) EXPECTED.stream().filter(e -> !e.flags().isEmpty()).count());
    assertThat(summary.recurring()).isEqualTo(1);
    assertThat(summary.flags())
        .containsEntry("NO_DEADLINE", (int)
            EXPECTED.stream().filter(e -> e.flags().contains(NO_DEADLINE)).count())
        .containsEntry("UNKNOWN_AGENCY", 2);
  }

  private static DraftTask draft(String code) {
    return drafts.stream()
        .filter(d -> d.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError(code + " not among "
            + drafts.stream().map(DraftTask::code).collect(Collectors.joining(", "))));
  }
}
