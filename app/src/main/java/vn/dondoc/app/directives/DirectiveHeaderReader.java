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
 *
 * <p>The title (trích yếu) is bounded as an office reads it, since pasted text often has no blank line under it:
 * it ends at a blank line, a line of dashes or stars, a numbered section, "Căn cứ", a sentence that starts the body,
 * the issuer's name in capitals, or {@value #TITLE_LENGTH} characters; when only the limit stopped it, it is
 * flagged for a person to check.
 */
final class DirectiveHeaderReader {

  /** What was read; any part may be null. {@code dateText} is the date line as written (e.g. a day left blank). */
  record Header(
      DirectiveType type,
      String number,
      LocalDate date,
      String dateText,
      String issuer,
      String title,
      boolean titleCut) {}

  /** The longest title read; a longer one was cut there (the desk's field holds 1000 for what a person types). */
  static final int TITLE_LENGTH = 300;

  private static final int TITLE_LINES = 6;

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

  private static final String SYMBOL =
      "(\\d+(?:\\.\\d+)?(?:/\\d{4})?[-/][\\p{Lu}Đ][\\p{L}Đ&]*(?:[-/][\\p{Lu}Đ][\\p{L}Đ&]*)*)";
  /** "Số: 17-TB/CQTTBCĐ", "Số 71/NQ-CP" at a line's start (not the incoming stamp "ĐẾN Số: 526"). */
  private static final Pattern NUMBER_LINE =
      Pattern.compile("^Số\\s*:?\\s*" + SYMBOL + "\\s*$", Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern ATTACHED_TO = Pattern.compile(
      "Kèm theo [^()]{0,40}?số\\s+" + SYMBOL + "(?:,?\\s*ngày\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4}))?");
  private static final Pattern DATE_LINE = Pattern.compile(
      "^[\\p{L} .]{2,30},\\s*ngày\\s+(\\d{1,2})?\\s*tháng\\s+(\\d{1,2})?\\s*năm\\s+(\\d{4})\\s*$");
  private static final Pattern MOTTO = Pattern.compile(
      "^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\\s*-\\s*Tự do\\s*-\\s*Hạnh phúc)");
  /** "V/v …", "Về việc …": an official letter's title, under its number when it has no document name. */
  private static final Pattern ABOUT = Pattern.compile("^(?:V/v|V/V|Về việc)\\b.*");
  /** A line of dashes, stars or dots under the title. */
  private static final Pattern RULE = Pattern.compile("^[-–—_*=.·•\\s]+$");
  /** The body's first section or paragraph: "I.", "1.", "a)", "Điều 1", "Phần", "- ", "Căn cứ", "Ngày 25/12/2025, …". */
  private static final Pattern BODY = Pattern.compile(
      "^(?:[IVXLC]+\\s*[.\\-–)]\\s|\\d+(?:\\.\\d+)*\\s*[.)\\-–]\\s|[a-zđ]\\)\\s"
          + "|[-–+•]\\s|(?:Điều|Chương|Phần|Mục|ĐIỀU|CHƯƠNG|PHẦN|MỤC)\\s+[\\dIVXLC]|Căn cứ|Kính gửi|Ngày\\s+\\d)");
  /**
   * Words that open the body's first sentence ("Thực hiện Nghị quyết …, Ban Thường vụ …"); a title may start with
   * them too ("Thực hiện Chương trình hành động …"), so they end the title only after its first line.
   */
  private static final Pattern OPENER = Pattern.compile(
      "^(?:Thực hiện\\s|Trên cơ sở|Theo đề nghị|Xét đề nghị|Để\\s|Nhằm\\s|Thời gian qua|Vừa qua|Qua\\s)");
  /** A line ending a sentence or announcing a list: body, not title. */
  private static final Pattern SENTENCE = Pattern.compile(".*(?:[.:;]\\s*$|\\.\\s+\\p{Lu}.*)");

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
        type = NAMES.stream()
            .filter(name -> name.getKey().equals(line))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
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
        date = day.group(1) == null || day.group(2) == null
            ? null
            : date(day.group(3), day.group(2), day.group(1));
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
    int titleFrom = nameLine;
    for (int i = 0; i < lines.size() && titleFrom < 0; i++) {
      if (ABOUT.matcher(lines.get(i)).matches()) {
        titleFrom = i - 1;
      }
    }
    Title title = titleFrom < 0 ? new Title(null, false) : title(lines, titleFrom);
    return new Header(type, number, date, dateText, issuer(lines), title.text(), title.cut());
  }

  private record Title(String text, boolean cut) {}

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
      if (line.isEmpty()
          || MOTTO.matcher(line).find()
          || !isCapitals(line)
          || line.startsWith("Số")
          || isDocumentName(line)) {
        break;
      }
      block.add(line);
    }
    return block.isEmpty() ? null : String.join(" ", block).replaceAll("\\s+", " ");
  }

  /**
   * The lines under the document's name ("về việc …", "của đồng chí … tại Hội nghị …") up to where the title ends
   * (see the class comment); cut, and flagged, at {@value #TITLE_LENGTH} characters or {@value #TITLE_LINES} lines.
   */
  private static Title title(List<String> lines, int nameLine) {
    List<String> title = new ArrayList<>();
    int length = 0;
    boolean cut = false;
    boolean lowerCase = false;
    int i = nameLine + 1;
    while (i < lines.size() && lines.get(i).isEmpty()) {
      i++;
    }
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()
          || RULE.matcher(line).matches()
          || DATE_LINE.matcher(line).matches()
          || NUMBER_LINE.matcher(line).matches()
          || BODY.matcher(line).find()
          || SENTENCE.matcher(line).matches()
          || lowerCase && isCapitals(line)
          || !title.isEmpty() && OPENER.matcher(line).find()
          || MOTTO.matcher(line).find()) {
        break;
      }
      if (title.size() == TITLE_LINES || length + line.length() + 1 > TITLE_LENGTH) {
        cut = true;
        break;
      }
      title.add(line);
      length += line.length() + 1;
      lowerCase |= !isCapitals(line);
    }
    if (title.isEmpty() && cut) {
      // a first line longer than the limit: its start, for a person to finish
      String line = lines.get(i);
      return new Title(line.substring(0, TITLE_LENGTH).strip(), true);
    }
    return new Title(title.isEmpty() ? null : String.join(" ", title).replaceAll("\\s+", " "), cut);
  }

  private static boolean isDocumentName(String line) {
    return OTHER_NAME.matcher(line).matches()
        || NAMES.stream().anyMatch(name -> name.getKey().equals(line));
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
