package vn.dondoc.app.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table (header row and rows) written as a CSV or an Excel file: the one writer of the project's exports
 * (the overdue-task appendix, the supervisor dashboards). Text that a spreadsheet would read as a formula
 * (starting with {@code = + - @}, or a tab or carriage return) is neutralised: in CSV it is prefixed with an
 * apostrophe (OWASP's advice); in the workbook every text is a string cell, never a formula, and such a cell
 * also gets Excel's quote-prefix style, so that editing it cannot turn it into one. Numbers (cells given as
 * {@link Number}) are number cells in the workbook.
 */
public final class TableExport {

  public static final String CSV_TYPE = "text/csv;charset=UTF-8";
  public static final String XLSX_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /**
   * A workbook of one sheet: a title row, the header row (bold, frozen), the rows.
   *
   * @param widths column widths in characters (columns beyond it keep the default)
   */
  public record Table(
      String sheetName,
      String title,
      List<String> headers,
      List<? extends List<?>> rows,
      int[] widths) {}

  private TableExport() {}

  /** Whether a spreadsheet could take this text for a formula. */
  public static boolean formulaLike(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
  }

  /**
   * The CSV field separator. Vietnamese Windows writes decimals with a comma ("34,0") and separates list items
   * with a semicolon, so Excel there splits a file opened from disk at semicolons and reads "34.0" as 340.
   */
  public static final char CSV_SEPARATOR = ';';

  /**
   * UTF-8 with a byte-order mark (so that Excel reads Vietnamese right), fields separated by {@link #CSV_SEPARATOR},
   * RFC 4180 quoting otherwise, CRLF line ends; numbers with a fraction written with a decimal comma
   * ({@link #csvNumber}).
   */
  public static byte[] csv(List<String> headers, List<? extends List<?>> rows) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    line(csv, headers);
    for (List<?> row : rows) {
      line(csv, row);
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder csv, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(CSV_SEPARATOR);
      }
      Object cell = cells.get(i);
      csv.append(
          cell instanceof Number number
              ? csvNumber(number)
              : csvField(cell == null ? null : cell.toString()));
    }
    csv.append("\r\n");
  }

  /**
   * A number as Vietnamese Excel reads it: no grouping, a decimal comma ("34,0", "-2,5", "1234"); written as
   * given, so a rate keeps its one decimal.
   */
  public static String csvNumber(Number number) {
    String plain;
    if (number instanceof BigDecimal decimal) {
      plain = decimal.toPlainString();
    } else if (number instanceof Double || number instanceof Float) {
      plain = BigDecimal.valueOf(number.doubleValue()).toPlainString();
    } else {
      plain = number.toString();
    }
    return plain.replace('.', ',');
  }

  public static String csvField(String value) {
    String text = value == null ? "" : value;
    if (formulaLike(text)) {
      text = "'" + text;
    }
    if (text.indexOf(CSV_SEPARATOR) >= 0
        || text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  public static byte[] xlsx(Table table) {
    try (Workbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(table.sheetName());
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

      List<String> headers = table.headers();
      Row titleRow = sheet.createRow(0);
      Cell titleCell = titleRow.createCell(0);
      titleCell.setCellValue(table.title());
      titleCell.setCellStyle(titleStyle);
      if (headers.size() > 1) {
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
      }

      Row headerRow = sheet.createRow(1);
      for (int i = 0; i < headers.size(); i++) {
        Cell cell = headerRow.createCell(i);
        cell.setCellValue(headers.get(i));
        cell.setCellStyle(header);
      }
      sheet.createFreezePane(0, 2);

      int r = 2;
      for (List<?> row : table.rows()) {
        Row sheetRow = sheet.createRow(r++);
        for (int i = 0; i < row.size(); i++) {
          Cell cell = sheetRow.createCell(i);
          Object value = row.get(i);
          if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(number);
          } else {
            String s = value == null ? "" : value.toString();
            cell.setCellValue(s);
            cell.setCellStyle(formulaLike(s) ? neutralised : text);
          }
        }
      }
      int[] widths = table.widths() == null ? new int[0] : table.widths();
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file as a download named {@code fileName}. */
  public static ResponseEntity<byte[]> attachment(byte[] content, String type, String fileName) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(content);
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
