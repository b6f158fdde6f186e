package vn.dondoc.app.directives;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dondoc.app.directives.AgencyMatcher.Mention;
import vn.dondoc.app.directives.DraftTask.Flag;
import vn.dondoc.app.directives.DraftTask.Lead;
import vn.dondoc.app.time.DeadlineParser;
import vn.dondoc.app.time.DeadlineParser.Deadline;
import vn.dondoc.app.time.DeadlineParser.Kind;

/**
 * An appendix laid out as a table ("Danh mục nhiệm vụ"), as the text of a Word file gives it: one row a line, its cells
 * separated by tabs. The header row says which cell is which ("STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp
 * | Thời gian hoàn thành | Sản phẩm"); a numbered row that names no lead, time, co-operating body or product heads the rows
 * under it ("II | HẠ TẦNG VÀ DỮ LIỆU", "1 | Thể chế" over "1.1", "1.2"); any other numbered row is a task, coded by its group
 * and number ("II.5", "1.2"). The time
 * cell is the deadline as written, read on its own: a quarter, month or year there is the deadline even without a verb;
 * a phase ("2026 - 2027") is not a date and is flagged. The table ends at the first line without a tab.
 */
final class AppendixTable {

  enum Column {
    NUMBER,
    TASK,
    LEAD,
    CO_OPERATING,
    TIME,
    PRODUCT
  }

  /** The lines of a text that are not a table's, and the drafts of its tables' rows. */
  record Split(String rest, List<DraftTask> drafts) {}

  private static final Pattern GROUP_NUMBER = Pattern.compile("[IVXL]+\\.?|[A-ZĐ]\\.?");
  private static final Pattern ROW_NUMBER = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3})*");
  private static final Pattern REPORT =
      Pattern.compile("báo cáo", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final AgencyMatcher agencies;

  AppendixTable(AgencyMatcher agencies) {
    this.agencies = agencies;
  }

  /** Takes the tables out of an NFC text: their rows become drafts, the other lines are left for the item reader. */
  Split split(String text) {
    List<String> rest = new ArrayList<>();
    List<DraftTask> drafts = new ArrayList<>();
    Map<Column, Integer> columns = null;
    String group = "";
    String groupHeading = "";
    String section = "";
    String lastCode = null;
    int subRows = 0;
    for (String line : text.split("\\R", -1)) {
      List<String> cells = cells(line);
      if (columns == null || cells.size() < 2) {
        columns = cells.size() >= 3 ? header(cells) : null;
        if (columns == null) {
          rest.add(line);
        }
        group = "";
        groupHeading = "";
        section = "";
        lastCode = null;
        continue;
      }
      String number = cell(cells, columns, Column.NUMBER).replaceAll("\\.$", "");
      String task = cell(cells, columns, Column.TASK);
      if (isHeading(cells, columns)) {
        // "II | HẠ TẦNG" heads the rows under it; "1 | Thể chế" under it heads "1.1", "1.2" (or
        // "1", "2").
        if (GROUP_NUMBER.matcher(number).matches()) {
          group = number;
          groupHeading = number + ". " + task;
          section = "";
        } else {
          section = number;
        }
        continue;
      }
      if (task.isEmpty()) {
        continue;
      }
      String prefix = group.isEmpty() ? "" : group + ".";
      String code;
      if (ROW_NUMBER.matcher(number).matches()) {
        boolean ownNumber = section.isEmpty() || number.startsWith(section + ".");
        code = prefix + (ownNumber ? number : section + "." + number);
        lastCode = code;
        subRows = 0;
      } else {
        // A row without a number under a numbered one: a part of it.
        code = (lastCode == null ? prefix + "0" : lastCode) + "." + (++subRows);
      }
      Map<Column, String> values = new EnumMap<>(Column.class);
      for (Column column : Column.values()) {
        values.put(column, cell(cells, columns, column));
      }
      drafts.add(draft(code, groupHeading.isEmpty() ? List.of() : List.of(groupHeading), values));
    }
    return new Split(String.join("\n", rest), drafts);
  }

  /** A row that names no lead, time, co-operating body or product but a number: the heading of the rows under it. */
  private static boolean isHeading(List<String> cells, Map<Column, Integer> columns) {
    return !cell(cells, columns, Column.NUMBER).isEmpty()
        && cell(cells, columns, Column.LEAD).isEmpty()
        && cell(cells, columns, Column.TIME).isEmpty()
        && cell(cells, columns, Column.CO_OPERATING).isEmpty()
        && cell(cells, columns, Column.PRODUCT).isEmpty();
  }

  /** The header's columns, or null if the row is not a header naming at least the task and its lead. */
  static Map<Column, Integer> header(List<String> cells) {
    Map<Column, Integer> columns = new EnumMap<>(Column.class);
    for (int i = 0; i < cells.size(); i++) {
      Column column = column(AgencyMatcher.fold(cells.get(i)));
      if (column != null && !columns.containsKey(column)) {
        columns.put(column, i);
      }
    }
    return columns.containsKey(Column.TASK) && columns.containsKey(Column.LEAD) ? columns : null;
  }

  /** What a header cell names; the order matters: "Thời gian hoàn thành" is the time, "Sản phẩm hoàn thành" the product. */
  private static Column column(String folded) {
    if (folded.contains("chu tri")) {
      return Column.LEAD;
    }
    if (folded.contains("phoi hop")) {
      return Column.CO_OPERATING;
    }
    if (folded.contains("san pham") || folded.contains("ket qua")) {
      return Column.PRODUCT;
    }
    if (folded.contains("thoi gian")
        || folded.contains("thoi han")
        || folded.contains("tien do")
        || folded.contains("hoan thanh")) {
      return Column.TIME;
    }
    if (folded.contains("nhiem vu")
        || folded.contains("noi dung")
        || folded.contains("cong viec")) {
      return Column.TASK;
    }
    if (folded.matches("(?:so )?t\\.?t|stt|so thu tu")) {
      return Column.NUMBER;
    }
    return null;
  }

  private static List<String> cells(String line) {
    if (line.indexOf('\t') < 0) {
      return List.of(line);
    }
    return List.of(line.split("\t", -1)).stream().map(DeadlineParser::clean).toList();
  }

  private static String cell(List<String> cells, Map<Column, Integer> columns, Column column) {
    Integer i = columns.get(column);
    return i == null || i >= cells.size() ? "" : cells.get(i);
  }

  /**
   * "a) Xây dựng cơ sở dữ liệu ..." with bullets "- Cơ quan chủ trì: Sở X.", "- Cơ quan phối hợp: ...", "- Thời gian hoàn
   * thành: Quý IV/2026.": the bullets are the fields of one task, as a table's cells are. Null unless every bullet is such a
   * field and they name the lead or the time.
   */
  DraftTask fields(String code, List<String> headings, String task, List<String> bullets) {
    Map<Column, String> values = new EnumMap<>(Column.class);
    for (String bullet : bullets) {
      Matcher field = FIELD.matcher(bullet);
      Column column = field.matches() ? column(AgencyMatcher.fold(field.group(1))) : null;
      if (column == null
          || column == Column.TASK
          || column == Column.NUMBER
          || values.containsKey(column)) {
        return null;
      }
      values.put(column, field.group(2).replaceAll("[.;]+$", "").strip());
    }
    if (!values.containsKey(Column.LEAD) && !values.containsKey(Column.TIME)) {
      return null;
    }
    values.put(Column.TASK, task);
    return draft(code, headings, values);
  }

  /** "Cơ quan chủ trì: Sở X", "Thời gian hoàn thành: Quý IV/2026": a field's name and its value ("Bộ X chủ trì: ..." is none). */
  private static final Pattern FIELD = Pattern.compile(
      "((?:Cơ quan|Đơn vị|Thời gian|Thời hạn|Tiến độ|Sản phẩm|Kết quả|Chủ trì|Phối hợp)"
          + "[^:]{0,30}):\\s*(.*)",
      Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private DraftTask draft(String code, List<String> headings, Map<Column, String> values) {
    List<String> flags = new ArrayList<>();
    String task = values.getOrDefault(Column.TASK, "");
    String product = values.getOrDefault(Column.PRODUCT, "");
    Set<String> coOperating = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    Lead lead = AppendixParser.lead(
        leadCell(values.getOrDefault(Column.LEAD, "")), coOperating, others, flags);
    String co = values.getOrDefault(Column.CO_OPERATING, "");
    AppendixParser.addCoOperating(agencies.list(co, 0), coOperating, others, flags);
    String leadAgency = lead == null ? null : lead.agency();
    coOperating.remove(leadAgency);
    List<String> mentioned = agencies.findAll(task).stream()
        .map(Mention::code)
        .filter(c -> c != null && !coOperating.contains(c) && !c.equals(leadAgency))
        .distinct()
        .toList();
    Deadline deadline = deadline(values.getOrDefault(Column.TIME, ""), task + " " + product, flags);
    return new DraftTask(
        code,
        headings,
        task,
        lead,
        List.copyOf(coOperating),
        List.copyOf(others),
        mentioned,
        deadline,
        product.isEmpty() ? null : product,
        List.copyOf(flags));
  }

  /**
   * The actors of a lead cell. The cell holds nothing else, so a single name outside the table is the whole cell ("Cục Thông
   * tin, Thống kê", not "Cục Thông tin"), and a cell naming no organisation the reader knows is still its lead, as written.
   */
  private List<Mention> leadCell(String cell) {
    String written = cell.replaceAll("[.;,]+$", "").strip();
    if (written.isEmpty()) {
      return List.of();
    }
    List<Mention> actors = agencies.list(written, 0);
    boolean oneUnknown = actors.size() == 1 && actors.get(0).unknown();
    if (actors.isEmpty() || oneUnknown) {
      return List.of(new Mention(null, null, written, written, 0, written.length()));
    }
    return actors;
  }

  /**
   * The time cell read on its own: a date, a standing duty ("Thường xuyên", "Hằng năm"), or, for a report, its cadence
   * ("Định kỳ 6 tháng, hằng năm" beside "Báo cáo"). Anything else written there is kept, without a date, and flagged.
   */
  private static Deadline deadline(String time, String taskAndProduct, List<String> flags) {
    if (time.isEmpty()) {
      flags.add(Flag.NO_DEADLINE.name());
      return Deadline.none();
    }
    Deadline deadline = DeadlineParser.parse(time);
    if (deadline.dueDate() == null
        && DeadlineParser.isCadence(time)
        && REPORT.matcher(taskAndProduct).find()) {
      return new Deadline(Kind.PERIODIC_REPORT, null, time, true);
    }
    if (!deadline.recognised()) {
      flags.add(Flag.AMBIGUOUS_DEADLINE.name());
      DeadlineParser.notDeadlines(time)
          .forEach(m -> flags.add(Flag.DATE_NOT_DEADLINE + ":" + m.text()));
    } else if (deadline.dueDate() != null && DeadlineParser.isRecurring(time)) {
      flags.add(Flag.ALSO_RECURRING.name());
    }
    return deadline;
  }
}
