package vn.dondoc.app.directives;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a directive's header (Decree 30/2020's layout, and the Party's own) from its text, for the desk to
 * show in editable fields: the kind of document from its name line, the number and symbol from "Số:", the
 * date from "Hà Nội, ngày … tháng … năm …", the issuer from the block above the national motto, and the
 * title from the lines under the name. What is not there stays empty: a person fills it in. An appendix line
 * "(Kèm theo Thông báo số 17-TB/CQTTBCĐ ngày 29/12/2025 …)" names the document too, and is used when the
 * header has no number (a copy whose "Số" line was cut off, or the incoming stamp "ĐẾN Số: …" only).
 */
final class DirectiveHeaderReader {

  /** What was read; any part may be null. {@code dateText} is the date line as written (e.g. a day left blank). */
  record Header(DirectiveType type, String number, LocalDate date, String dateText, String issuer, String title) {}

  /** Only the top of the document is its header; the body starts with the first long paragraph. */
  private static final int HEADER_LINES = 40;
  private static final int PARAGRAPH = 200;

  /** Longest first: "THÔNG BÁO KẾT LUẬN" before "THÔNG BÁO" and "KẾT LUẬN". */
  private static final List<Map.Entry<String, DirectiveType>> NAMES = List.of(
      Map.entry("THÔNG BÁO KẾT LUẬN", DirectiveType.CONCLUSION_NOTICE),
      Map.entry("NGHỊ QUYẾT", DirectiveType.RESOLUTION),
      Map.entry("KẾT LUẬN", DirectiveType.CONCLUSION),
      Map.entry("QUY ĐỊNH", DirectiveType.REGULATION),
      Map.entry("KẾ HOẠCH", DirectiveType.PLAN),
      Map.entry("CHƯƠNG TRÌNH", DirectiveType.PROGRAMME),
      Map.entry("QUYẾT ĐỊNH", DirectiveType.DECISION),
      Map.entry("CHỈ THỊ", DirectiveType.DIRECTIVE),
      Map.entry("CÔNG ĐIỆN", DirectiveType.DISPATCH),
      Map.entry("CÔNG VĂN", DirectiveType.OFFICIAL_LETTER),
      Map.entry("THÔNG BÁO", DirectiveType.NOTICE));

  /** A document name that heads the document but is not one that assigns tasks (a report). */
  private static final Pattern OTHER_NAME = Pattern.compile("^(BÁO CÁO|TỜ TRÌNH|ĐỀ ÁN|HƯỚNG DẪN)$");

  private static final String SYMBOL = "(\\d+(?:\\.\\d+)?(?:/\\d{4})?[-/][\\p{Lu}Đ][\\p{L}Đ&]*(?:[-/][\\p{Lu}Đ][\\p{L}Đ&]*)*)";
  /** "Số: 17-TB/CQTTBCĐ", "Số 71/NQ-CP" at a line's start (not the incoming stamp "ĐẾN Số: 526"). */
  private static final Pattern NUMBER_LINE = Pattern.compile("^Số\\s*:?\\s*" + SYMBOL + "\\s*$", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern ATTACHED_TO = Pattern.compile(
      "Kèm theo [^()]{0,40}?số\\s+" + SYMBOL + "(?:,?\\s*ngày\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4}))?");
  private static final Pattern DATE_LINE = Pattern.compile(
      "^[\\p{L} .]{2,30},\\s*ngày\\s+(\\d{1,2})?\\s*tháng\\s+(\\d{1,2})?\\s*năm\\s+(\\d{4})\\s*$");
  private static final Pattern MOTTO = Pattern.compile(
      "^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\\s*-\\s*Tự do\\s*-\\s*Hạnh phúc)");
  private static final Pattern MARKUP = Pattern.compile("[*_]{1,3}|\\[bookmark:[^\\]]*\\]");

  private DirectiveHeaderReader() {}

  static Header read(String document) {
    List<String> lines = headerLines(document);
    int nameLine = -1;
    DirectiveType type = null;
    for (int i = 0; i < lines.size() && nameLine < 0; i++) {
      String line = lines.get(i);
      if (isDocumentName(line)) {
        nameLine = i;
        type = NAMES.stream().filter(name -> name.getKey().equals(line)).map(Map.Entry::getValue).findFirst().orElse(null);
      }
    }
    String number = null;
    LocalDate date = null;
    String dateText = null;
    for (String line : lines) {
      Matcher symbol = NUMBER_LINE.matcher(line);
      if (number == null && symbol.matches()) {
        number = symbol.group(1);
      }
      Matcher day = DATE_LINE.matcher(line);
      if (dateText == null && day.matches()) {
        dateText = line;
        date = day.group(1) == null || day.group(2) == null ? null : date(day.group(3), day.group(2), day.group(1));
      }
    }
    Matcher attached = ATTACHED_TO.matcher(normalised(document));
    if (number == null && attached.find()) {
      number = attached.group(1);
      if (date == null && attached.group(2) != null) {
        date = date(attached.group(4), attached.group(3), attached.group(2));
      }
    }
    if (type == DirectiveType.RESOLUTION && number != null && number.endsWith("-CP")) {
      type = DirectiveType.GOVERNMENT_RESOLUTION;
    }
    return new Header(type, number, date, dateText, issuer(lines), nameLine < 0 ? null : title(lines, nameLine));
  }

  /** The top of the document, one trimmed line each, markup and blank lines kept as "" (a title ends at one). */
  private static List<String> headerLines(String document) {
    List<String> lines = new ArrayList<>();
    for (String raw : normalised(document).split("\\R")) {
      String line = MARKUP.matcher(raw).replaceAll("").strip();
      if (line.length() > PARAGRAPH || lines.size() >= HEADER_LINES) {
        break;
      }
      if (!line.isEmpty() || !lines.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static String normalised(String document) {
    return Normalizer.normalize(document == null ? "" : document, Normalizer.Form.NFC);
  }

  /** The issuing body: the capitalised lines at the very top, above the motto, the number and the place and date. */
  private static String issuer(List<String> lines) {
    List<String> block = new ArrayList<>();
    for (String line : lines) {
      if (line.isEmpty() && block.isEmpty()) {
        continue;
      }
      if (line.isEmpty() || MOTTO.matcher(line).find() || !isCapitals(line) || line.startsWith("Số") || isDocumentName(line)) {
        break;
      }
      block.add(line);
    }
    return block.isEmpty() ? null : String.join(" ", block).replaceAll("\\s+", " ");
  }

  /** The lines under the document's name up to the first blank line ("về việc …", "của đồng chí … tại Hội nghị …"). */
  private static String title(List<String> lines, int nameLine) {
    List<String> title = new ArrayList<>();
    int i = nameLine + 1;
    while (i < lines.size() && lines.get(i).isEmpty()) {
      i++;
    }
    for (; i < lines.size() && !lines.get(i).isEmpty() && !DATE_LINE.matcher(lines.get(i)).matches(); i++) {
      title.add(lines.get(i));
    }
    return title.isEmpty() ? null : String.join(" ", title).replaceAll("\\s+", " ");
  }

  private static boolean isDocumentName(String line) {
    return OTHER_NAME.matcher(line).matches() || NAMES.stream().anyMatch(name -> name.getKey().equals(line));
  }

  private static boolean isCapitals(String line) {
    String letters = line.replaceAll("[^\\p{L}]", "");
    return !letters.isEmpty() && letters.equals(letters.toUpperCase(Locale.ROOT));
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
