package vn.dondoc.app.tasks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the overdue list as files. Text that a spreadsheet would read as a formula (starting with
 * {@code = + - @}, or a tab or carriage return) is neutralised: in CSV it is prefixed with an apostrophe
 * (OWASP's advice); in the workbook every cell is a string cell, never a formula, and such a cell also gets
 * Excel's quote-prefix style, so that editing it cannot turn it into one.
 */
final class OverdueExport {

  static final String CSV_TYPE = "text/csv;charset=UTF-8";
  static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Column widths in characters. */
  private static final int[] WIDTHS = {6, 60, 26, 28, 32, 22, 22, 10, 45, 45, 28};
  private static final int DAYS_COLUMN = 7;

  private OverdueExport() {}

  /** Whether a spreadsheet could take this text for a formula. */
  static boolean formulaLike(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
  }

  /** UTF-8 with a byte-order mark (so that Excel reads Vietnamese right), RFC 4180 quoting, CRLF line ends. */
  static byte[] csv(OverdueList.Report report) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    line(csv, report.headers());
    for (OverdueList.Row row : report.rows()) {
      line(csv, row.cells());
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(csvField(cells.get(i)));
    }
    csv.append("\r\n");
  }

  static String csvField(String value) {
    String text = value == null ? "" : value;
    if (formulaLike(text)) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  /** One sheet: a title row with the report's day, the header row (bold, frozen), one row per task. */
  static byte[] xlsx(OverdueList.Report report, String title) {
    try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Nhiệm vụ quá hạn");
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle titleStyle = workbook.createCellStyle();
      Font titleFont = workbook.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 13);
      titleStyle.setFont(titleFont);
      CellStyle header = bordered(workbook);
      header.setFont(bold);
      header.setAlignment(HorizontalAlignment.CENTER);
      CellStyle text = bordered(workbook);
      CellStyle neutralised = bordered(workbook);
      neutralised.setQuotePrefixed(true);
      CellStyle number = bordered(workbook);
      number.setAlignment(HorizontalAlignment.CENTER);

      Row titleRow = sheet.createRow(0);
      Cell titleCell = titleRow.createCell(0);
      titleCell.setCellValue(title);
      titleCell.setCellStyle(titleStyle);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, report.headers().size() - 1));

      Row headerRow = sheet.createRow(1);
      for (int i = 0; i < report.headers().size(); i++) {
        Cell cell = headerRow.createCell(i);
        cell.setCellValue(report.headers().get(i));
        cell.setCellStyle(header);
      }
      sheet.createFreezePane(0, 2);

      int r = 2;
      for (OverdueList.Row row : report.rows()) {
        Row sheetRow = sheet.createRow(r++);
        List<String> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
          Cell cell = sheetRow.createCell(i);
          if (i == 0) {
            cell.setCellValue(row.no());
            cell.setCellStyle(number);
          } else if (i == DAYS_COLUMN) {
            cell.setCellValue(row.daysOverdue());
            cell.setCellStyle(number);
          } else {
            String value = cells.get(i) == null ? "" : cells.get(i);
            cell.setCellValue(value);
            cell.setCellStyle(formulaLike(value) ? neutralised : text);
          }
        }
      }
      for (int i = 0; i < WIDTHS.length; i++) {
        sheet.setColumnWidth(i, WIDTHS[i] * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CellStyle bordered(Workbook workbook) {
    CellStyle style = workbook.createCellStyle();
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    style.setWrapText(true);
    style.setVerticalAlignment(VerticalAlignment.TOP);
    return style;
  }
}
