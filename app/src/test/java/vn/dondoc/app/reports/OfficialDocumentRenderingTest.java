package vn.dondoc.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.documents.DocxRenderer;
import vn.dondoc.app.documents.OfficialDocument;
import vn.dondoc.app.documents.PdfRenderer;

/**
 * The report drawn as PDF and DOCX, read back with other programs: poppler's pdftotext must return the
 * Vietnamese text as written (a glyph missing from the font, or mapped wrongly, would not come back), pdffonts
 * must list only embedded fonts, and pdftoppm must render the pages with ink on them; POI must read the DOCX's
 * heading, body, "Nơi nhận", signature block and annex table. Poppler comes from Debian (bin/dondoc installs it).
 */
class OfficialDocumentRenderingTest {

  private static final Path FONTS = Path.of("/usr/share/fonts/truetype/liberation2");

  /** The files are kept for a look (target/, so the work tree stays clean). */
  private static final Path DIR = Path.of("target", "documents");

  static OfficialDocument report(int annexRows) {
    List<String> body =
        new ArrayList<>(PeriodicReportText.draft(PeriodicReportTextTest.sourceFigures()));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= annexRows; i++) {
      rows.add(List.of(
          String.valueOf(i),
          "Xây dựng cơ sở dữ liệu quốc gia về khoa học, công nghệ và đổi mới sáng tạo số " + i,
          "71/NQ-CP ngày 01/04/2025",
          "Bộ Khoa học và Công nghệ",
          "Bộ Tài chính; Bộ Công an",
          "30/06/2025",
          "Đang thực hiện (quá hạn)",
          String.valueOf(100 + i),
          "Khối lượng lớn, tính liên ngành cao",
          "Hoàn thành trước 31/12/2025",
          "Nhiệm vụ 3.a, NV-2025-0000" + i));
    }
    return new OfficialDocument(
        "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        "Cơ quan Thường trực",
        "Số:        /BC-CQTTBCĐ",
        "Hà Nội",
        LocalDate.of(2025, 11, 3),
        "BÁO CÁO",
        "Tình hình thực hiện nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        null,
        body,
        List.of("Thường trực Ban Chỉ đạo (để báo cáo)", "Lưu VT."),
        "KT. Chánh Văn phòng",
        "Phó Chánh Văn phòng",
        "Nguyễn Thị Hằng",
        new OfficialDocument.Annex(
            "Phụ lục 01",
            "DANH SÁCH CÁC NHIỆM VỤ QUÁ HẠN",
            List.of(
                "STT",
                "Nhiệm vụ",
                "Văn bản giao (số, ký hiệu, ngày)",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Thời hạn",
                "Tình trạng",
                "Số ngày quá hạn",
                "Nguyên nhân",
                "Cam kết lộ trình / thời hạn mới",
                "Ghi chú"),
            rows));
  }

  @Test
  void thePdfKeepsTheVietnameseTextWithEmbeddedFonts() throws Exception {
    Files.createDirectories(DIR);
    Path pdf = DIR.resolve("bao-cao.pdf");
    Files.write(pdf, new PdfRenderer(FONTS).render(report(40)));

    String text = run("pdftotext", "-layout", pdf.toString(), "-").replaceAll("\\s+", " ");
    assertThat(text)
        .contains(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Hà Nội, ngày 03 tháng 11 năm 2025",
            "CƠ QUAN THƯỜNG TRỰC",
            "Số: /BC-CQTTBCĐ",
            "BÁO CÁO",
            "đã hoàn thành 370/944 nhiệm vụ, 176/944 nhiệm vụ đang triển khai trong hạn",
            "đã xử lý, trả lời 1.009/1.071 (đạt 94,2%)",
            "Nơi nhận:",
            "KT. CHÁNH VĂN PHÒNG",
            "Nguyễn Thị Hằng",
            "Phụ lục 01",
            "DANH SÁCH CÁC NHIỆM VỤ QUÁ HẠN",
            "Nguyên nhân",
            "Ghi chú",
            "Bộ Khoa học");
    assertThat(text).doesNotContain("\uFFFD");

    String fonts = run("pdffonts", pdf.toString());
    List<String> fontRows = fonts.lines().skip(2).toList();
    assertThat(fontRows)
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row).contains("LiberationSerif").contains(" yes "));

    int pages = Integer.parseInt(run("pdfinfo", pdf.toString())
        .lines()
        .filter(l -> l.startsWith("Pages:"))
        .findFirst()
        .orElseThrow()
        .replaceAll("\\D", ""));
    assertThat(pages)
        .as("the letter pages and an annex of 40 rows over more than one page")
        .isGreaterThanOrEqualTo(3);
    run(
        "pdftoppm",
        "-r",
        "50",
        "-png",
        "-singlefile",
        "-f",
        "1",
        "-l",
        "1",
        pdf.toString(),
        DIR.resolve("bao-cao-trang-1").toString());
    BufferedImage first = ImageIO.read(DIR.resolve("bao-cao-trang-1.png").toFile());
    assertThat(darkShare(first)).as("share of inked pixels on page 1").isBetween(0.01, 0.3);
  }

  @Test
  void theDocxHasTheLayoutsPartsAndTheAnnexTable() throws Exception {
    try (XWPFDocument docx =
        new XWPFDocument(new ByteArrayInputStream(new DocxRenderer().render(report(3))))) {
      String text = new XWPFWordExtractor(docx).getText();
      assertThat(text)
          .contains(
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Hà Nội, ngày 03 tháng 11 năm 2025",
              "BÁO CÁO",
              "đã hoàn thành 370/944 nhiệm vụ",
              "Nơi nhận:",
              "- Lưu VT.",
              "PHÓ CHÁNH VĂN PHÒNG",
              "Nguyễn Thị Hằng",
              "Phụ lục 01");
      List<XWPFTable> tables = docx.getTables();
      assertThat(tables).hasSize(3);
      XWPFTable annex = tables.get(2);
      assertThat(annex.getRows()).hasSize(4);
      assertThat(annex.getRow(0).getTableCells())
          .extracting(cell -> cell.getText())
          .containsExactly(
              "STT",
              "Nhiệm vụ",
              "Văn bản giao (số, ký hiệu, ngày)",
              "Cơ quan chủ trì",
              "Cơ quan phối hợp",
              "Thời hạn",
              "Tình trạng",
              "Số ngày quá hạn",
              "Nguyên nhân",
              "Cam kết lộ trình / thời hạn mới",
              "Ghi chú");
      assertThat(annex.getRow(3).getCell(7).getText()).isEqualTo("103");
    }
  }

  @Test
  void decree30WritesSmallDaysAndEarlyMonthsWithALeadingZero() {
    OfficialDocument document = report(0);
    assertThat(new OfficialDocument(
                null,
                "X",
                "Số: 1",
                "Hà Nội",
                LocalDate.of(2026, 2, 5),
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                "T",
                "N",
                null)
            .placeAndDate())
        .isEqualTo("Hà Nội, ngày 05 tháng 02 năm 2026");
    assertThat(document.placeAndDate()).isEqualTo("Hà Nội, ngày 03 tháng 11 năm 2025");
  }

  private static double darkShare(BufferedImage image) {
    long dark = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 128) {
          dark++;
        }
      }
    }
    return (double) dark / ((long) image.getWidth() * image.getHeight());
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
