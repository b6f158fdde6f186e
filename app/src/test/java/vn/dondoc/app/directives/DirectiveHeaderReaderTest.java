package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.directives.DirectiveHeaderReader.Header;

/** The header of a directive as the desk proposes it: read from the two source texts and from headers written for this test. */
class DirectiveHeaderReaderTest {

  @Test
  void theConclusionNoticeIsNamedByItsAppendixNotByTheIncomingStamp() throws IOException {
    Header header = DirectiveHeaderReader.read(
        Files.readString(DirectiveEvaluation.SHARED_SOURCES.resolve("000_b6b7d3b86713636c.txt")));

    assertThat(header.type()).isEqualTo(DirectiveType.CONCLUSION_NOTICE);
    // "ĐẾN Số: 526.2.8" is the receiving office's register, not the document's number
    assertThat(header.number()).isEqualTo("17-TB/CQTTBCĐ");
    assertThat(header.date()).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(header.issuer())
        .isEqualTo(
            "BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ CƠ QUAN THƯỜNG TRỰC");
    assertThat(header.title())
        .startsWith("CỦA ĐỒNG CHÍ TỔNG BÍ THƯ TÔ LÂM,")
        .endsWith("năm 2026 của Ban Chỉ đạo Trung ương");
  }

  @Test
  void aReportWithItsDayLeftBlankGivesNoDateNoNumberAndNoType() throws IOException {
    // decomposed diacritics (NFD), as this file was saved
    Header header = DirectiveHeaderReader.read(
        Files.readString(DirectiveEvaluation.SHARED_SOURCES.resolve("001_60e3a229411cadc2.txt")));

    assertThat(header.type()).isNull();
    assertThat(header.number()).isNull();
    assertThat(header.date()).isNull();
    assertThat(header.dateText())
        .isEqualTo("Hà Nội, ngày tháng 11 năm 2025".replace("ngày ", "ngày     "));
    assertThat(header.issuer()).isNull();
    assertThat(header.title())
        .startsWith("Tình hình thực hiện các nhiệm vụ phát triển khoa học, công nghệ,")
        .contains("(Phục vụ Phiên họp lần thứ năm");
  }

  @Test
  void aGovernmentResolutionWithTheStateMotto() {
    Header header = DirectiveHeaderReader.read("""
        CHÍNH PHỦ
        -------
        Số: 214/NQ-CP

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Hà Nội, ngày 7 tháng 3 năm 2026

        NGHỊ QUYẾT
        Về các giải pháp thúc đẩy kinh tế dữ liệu
        trong năm 2026

        CHÍNH PHỦ
        Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ; trên cơ sở biểu quyết của các Thành viên Chính phủ, Chính phủ quyết nghị những nội dung sau đây.
        """);

    assertThat(header)
        .isEqualTo(new Header(
            DirectiveType.GOVERNMENT_RESOLUTION,
            "214/NQ-CP",
            LocalDate.of(2026, 3, 7),
            "Hà Nội, ngày 7 tháng 3 năm 2026",
            "CHÍNH PHỦ -------".replace(" -------", ""),
            "Về các giải pháp thúc đẩy kinh tế dữ liệu trong năm 2026",
            false));
  }

  @Test
  void aPartyPlanWithTheNumberOnItsOwnLine() {
    Header header = DirectiveHeaderReader.read("""
        TỈNH ỦY LÀO CAI
        *
        Số 41-KH/TU
        ĐẢNG CỘNG SẢN VIỆT NAM
        Lào Cai, ngày 15 tháng 01 năm 2027

        KẾ HOẠCH
        triển khai chuyển đổi số trong các cơ quan đảng năm 2027

        Thực hiện Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo Trung ương, Ban Thường vụ Tỉnh ủy ban hành kế hoạch như sau.
        """);

    assertThat(header.type()).isEqualTo(DirectiveType.PLAN);
    assertThat(header.number()).isEqualTo("41-KH/TU");
    assertThat(header.date()).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThat(header.issuer()).isEqualTo("TỈNH ỦY LÀO CAI");
    assertThat(header.title())
        .isEqualTo("triển khai chuyển đổi số trong các cơ quan đảng năm 2027");
  }

  @Test
  void citedDocumentsAndImpossibleDatesAreNotTheHeader() {
    Header header = DirectiveHeaderReader.read("""
        CHỈ THỊ
        Về tăng cường an toàn thông tin năm 2026

        Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Quyết định số 1131/QĐ-TTg, Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương thực hiện những việc sau đây, bảo đảm an toàn cho các hệ thống thông tin.
        Hà Nội, ngày 31 tháng 02 năm 2026
        """);

    assertThat(header.type()).isEqualTo(DirectiveType.DIRECTIVE);
    assertThat(header.title()).isEqualTo("Về tăng cường an toàn thông tin năm 2026");
    // cited symbols are not this document's; the date line comes after the body started
    assertThat(header.number()).isNull();
    assertThat(header.date()).isNull();
    assertThat(header.issuer()).isNull();
  }

  @Test
  void anImpossibleDayInTheHeaderIsKeptAsTextWithoutADate() {
    Header header = DirectiveHeaderReader.read(
        "BỘ TÀI CHÍNH\nSố: 12/CĐ-BTC\nHà Nội, ngày 31 tháng 02 năm 2026\n\nCÔNG ĐIỆN\nVề giải ngân vốn\n");

    assertThat(header.type()).isEqualTo(DirectiveType.DISPATCH);
    assertThat(header.number()).isEqualTo("12/CĐ-BTC");
    assertThat(header.date()).isNull();
    assertThat(header.dateText()).isEqualTo("Hà Nội, ngày 31 tháng 02 năm 2026");
  }

  /** Markup and blank lines gone, as text copied from a PDF viewer or a web page and pasted into the desk. */
  private static String pasted(String text) {
    return Stream.of(text.split("\\R"))
        .map(line -> line.replaceAll("[*_]{1,3}|\\[bookmark:[^\\]]*\\]", "").strip())
        .filter(line -> !line.isEmpty())
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }

  @Test
  void onPastedTextTheTitleIsTheSummaryLinesNotTheBody() throws IOException {
    List<Path> texts = new ArrayList<>();
    texts.add(DirectiveEvaluation.SHARED_SOURCES.resolve("000_b6b7d3b86713636c.txt"));
    texts.add(DirectiveEvaluation.SHARED_SOURCES.resolve("001_60e3a229411cadc2.txt"));
    try (Stream<Path> files = Files.list(DirectiveEvaluation.RESOURCES)) {
      files.filter(file -> file.toString().endsWith(".txt")).sorted().forEach(texts::add);
    }
    assertThat(texts).hasSizeGreaterThan(10);
    AppendixParser parser = new AppendixParser(SeedAgencies.matcher());
    // the body's first section, its legal basis or its opening date: never in a title
    Pattern body = Pattern.compile("(?:^|\\s)(?:I{1,3}\\.\\s|1\\.\\s|Căn cứ\\s|Ngày \\d)");
    for (Path file : texts) {
      String text = Files.readString(file);
      Header header = DirectiveHeaderReader.read(pasted(text));
      // every one of them has a document name and a title under it ("Thực hiện Chương trình …" is a
      // title too)
      assertThat(header.title())
          .as(file.getFileName().toString())
          .isNotNull()
          .hasSizeLessThanOrEqualTo(DirectiveHeaderReader.TITLE_LENGTH)
          .doesNotContainPattern(body)
          .isEqualTo(DirectiveHeaderReader.read(text).title());
      assertThat(parser.parse(pasted(text)))
          .as(file.getFileName().toString())
          .hasSameSizeAs(parser.parse(text))
          .isNotEmpty();
    }
  }

  @Test
  void aTitleWithoutAnEndIsCutAndFlaggedForChecking() {
    String text = "KẾ HOẠCH\n"
        + "triển khai chuyển đổi số trong các cơ quan đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể\n"
            .repeat(6)
        + "1. Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trong quý II/2027.\n";
    Header header = DirectiveHeaderReader.read(text);

    assertThat(header.title())
        .startsWith("triển khai chuyển đổi số")
        .hasSizeLessThanOrEqualTo(DirectiveHeaderReader.TITLE_LENGTH)
        .doesNotContain("Sở Khoa học");
    assertThat(header.titleCut()).isTrue();
    assertThat(DirectiveHeaderReader.read(
                "KẾ HOẠCH\ntriển khai chuyển đổi số năm 2027\n1. Sở Khoa học và Công nghệ chủ trì.\n")
            .titleCut())
        .isFalse();
  }

  @Test
  void theTitleEndsWhereTheBodyStartsEvenWithoutABlankLine() {
    Header resolution = DirectiveHeaderReader.read("""
        NGHỊ QUYẾT
        Về các giải pháp thúc đẩy kinh tế dữ liệu
        trong năm 2026
        CHÍNH PHỦ
        Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
        """);
    Header letter = DirectiveHeaderReader.read("""
        BỘ KHOA HỌC VÀ CÔNG NGHỆ
        Số: 1203/BKHCN-VP
        V/v triển khai Kế hoạch số 02-KH/BCĐTW
        Hà Nội, ngày 02 tháng 12 năm 2025
        Kính gửi: Các bộ, ngành, địa phương
        """);
    Header notice = DirectiveHeaderReader.read("""
        THÔNG BÁO
        Kết luận của Trưởng Ban Chỉ đạo tại phiên họp sơ kết quý III năm 2026
        -----
        Ngày 10/10/2026, Ban Chỉ đạo đã họp sơ kết tình hình thực hiện nhiệm vụ quý III năm 2026.
        """);

    assertThat(resolution.title())
        .isEqualTo("Về các giải pháp thúc đẩy kinh tế dữ liệu trong năm 2026");
    assertThat(letter.title()).isEqualTo("V/v triển khai Kế hoạch số 02-KH/BCĐTW");
    assertThat(notice.title())
        .isEqualTo("Kết luận của Trưởng Ban Chỉ đạo tại phiên họp sơ kết quý III năm 2026");
    assertThat(List.of(resolution, letter, notice)).noneMatch(Header::titleCut);
  }
}
