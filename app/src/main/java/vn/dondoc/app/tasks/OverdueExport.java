package vn.dondoc.app.tasks;

import java.util.ArrayList;
import java.util.List;
import vn.dondoc.app.web.TableExport;

/**
 * Writes the overdue list as files, with {@link TableExport} (formula-like text neutralised there): the
 * number and the days overdue are number cells in the workbook.
 */
final class OverdueExport {

  static final String CSV_TYPE = TableExport.CSV_TYPE;
  static final String XLSX_TYPE = TableExport.XLSX_TYPE;

  /** Column widths in characters. */
  private static final int[] WIDTHS = {6, 60, 26, 28, 32, 22, 22, 10, 45, 45, 28};

  private static final int DAYS_COLUMN = 7;

  private OverdueExport() {}

  static boolean formulaLike(String text) {
    return TableExport.formulaLike(text);
  }

  static byte[] csv(OverdueList.Report report) {
    return TableExport.csv(
        report.headers(), report.rows().stream().map(OverdueList.Row::cells).toList());
  }

  static String csvField(String value) {
    return TableExport.csvField(value);
  }

  /** One sheet: a title row with the report's day, the header row (bold, frozen), one row per task. */
  static byte[] xlsx(OverdueList.Report report, String title) {
    List<List<Object>> rows = new ArrayList<>();
    for (OverdueList.Row row : report.rows()) {
      List<Object> cells = new ArrayList<>(row.cells());
      cells.set(0, row.no());
      cells.set(DAYS_COLUMN, row.daysOverdue());
      rows.add(cells);
    }
    return TableExport.xlsx(
        new TableExport.Table("Nhiệm vụ quá hạn", title, report.headers(), rows, WIDTHS));
  }
}
