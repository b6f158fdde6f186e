package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The files' format: CSV quoting and encoding, the workbook's layout, and the formula-injection guard. */
class OverdueExportTest {

  private static OverdueList.Row row(int no, long days, String... cells) {
    return new OverdueList.Row(
        no,
        "NV-2026-00000" + no,
        "T/" + no,
        cells[1],
        null,
        new OverdueList.Agency("hanoi", cells[3]),
        List.of(),
        LocalDate.of(2026, 3, 31),
        null,
        TaskStatus.IN_PROGRESS,
        cells[6],
        days,
        null,
        null,
        false,
        List.of(cells));
  }

  private static final OverdueList.Report REPORT = new OverdueList.Report(
      LocalDate.of(2026, 6, 29),
      OverdueList.HEADERS,
      List.of(
          row(
              1,
              90,
              "1",
              "Xây dựng \"Chiến lược dữ liệu\", ban hành",
              "57-NQ/TW ngày 22/12/2024",
              "Thành phố Hà Nội",
              "",
              "31/03/2026 (gia hạn đến 30/06/2026)",
              "Quá hạn, đang thực hiện",
              "90",
              "Khác: chờ\nnguồn vốn",
              "",
              "T/1"),
          row(
              2,
              10,
              "2",
              "=HYPERLINK(\"http://evil\",\"x\")",
              "",
              "+Bộ",
              "-1",
              "@SUM(A1)",
              "Quá hạn, đang thực hiện",
              "10",
              "\tTab",
              "\rCR",
              "thường")));

  @Test
  void csvIsUtf8WithABomCrlfAndRfc4180Quoting() {
    byte[] csv = OverdueExport.csv(REPORT);

    assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(csv, StandardCharsets.UTF_8).substring(1);
    assertThat(text)
        .startsWith(
            "STT;Nhiệm vụ;\"Văn bản giao (số, ký hiệu, ngày)\";Cơ quan chủ trì;Cơ quan phối hợp;Thời hạn;"
                + "Tình trạng;Số ngày quá hạn;Nguyên nhân;Cam kết lộ trình / thời hạn mới;Ghi chú\r\n");
    assertThat(text)
        .contains(
            "\r\n1;\"Xây dựng \"\"Chiến lược dữ liệu\"\", ban hành\";57-NQ/TW ngày 22/12/2024;Thành phố Hà Nội;;"
                + "31/03/2026 (gia hạn đến 30/06/2026);\"Quá hạn, đang thực hiện\";90;\"Khác: chờ\nnguồn vốn\";;T/1\r\n");
    assertThat(text).endsWith("\r\n");
  }

  @Test
  void csvNeutralisesCellsThatStartLikeAFormula() {
    String text = new String(OverdueExport.csv(REPORT), StandardCharsets.UTF_8);
    String line = text.substring(text.indexOf("\r\n2;") + 2);

    assertThat(line)
        .startsWith("2;\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\";;'+Bộ;'-1;'@SUM(A1);");
    assertThat(line).contains(";'\tTab;\"'\rCR\";");
    assertThat(OverdueExport.csvField("Bộ KH&CN")).isEqualTo("Bộ KH&CN");
    assertThat(OverdueExport.csvField("")).isEmpty();
  }

  @Test
  void theWorkbookHasATitleAFrozenBoldHeaderAndNeverAFormula() throws IOException {
    byte[] xlsx =
        OverdueExport.xlsx(REPORT, "DANH SÁCH NHIỆM VỤ QUÁ HẠN (tính đến ngày 29/06/2026)");

    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("29/06/2026");
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
      Cell header = sheet.getRow(1).getCell(8);
      assertThat(header.getStringCellValue()).isEqualTo("Nguyên nhân");
      assertThat(workbook.getFontAt(header.getCellStyle().getFontIndex()).getBold())
          .isTrue();
      assertThat(sheet.getRow(2).getCell(0).getNumericCellValue()).isEqualTo(1);
      assertThat(sheet.getRow(2).getCell(7).getNumericCellValue()).isEqualTo(90);
      assertThat(sheet.getRow(2).getCell(5).getStringCellValue())
          .isEqualTo("31/03/2026 (gia hạn đến 30/06/2026)");
      assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0));

      for (int column : new int[] {1, 3, 4, 5, 8, 9}) {
        Cell cell = sheet.getRow(3).getCell(column);
        assertThat(cell.getCellType()).as("column %d", column).isEqualTo(CellType.STRING);
        assertThat(cell.getCellStyle().getQuotePrefixed())
            .as("column %d", column)
            .isTrue();
      }
      assertThat(sheet.getRow(3).getCell(1).getStringCellValue())
          .isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
      assertThat(sheet.getRow(3).getCell(10).getCellStyle().getQuotePrefixed()).isFalse();
      for (var row : sheet) {
        for (Cell cell : row) {
          assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
        }
      }
    }
  }
}
