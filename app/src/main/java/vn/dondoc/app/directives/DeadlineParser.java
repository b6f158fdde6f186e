package vn.dondoc.app.directives;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Vietnamese deadlines as directives write them and normalises them (DOMAIN.md §2.1.6): a quarter,
 * month or year ends on its last day; "trước" (before) means the day before; "chậm nhất ngày X" and a
 * bare date mean X itself. The text as written is always kept.
 */
public final class DeadlineParser {

  public enum Kind { DEADLINE, RECURRING }

  /** A deadline: {@code dueDate} is null for recurring tasks and for text that could not be read. */
  public record Deadline(Kind kind, LocalDate dueDate, String text, boolean recognised) {

    static Deadline none() {
      return new Deadline(Kind.DEADLINE, null, "", false);
    }
  }

  /** A deadline found in running text, with where its phrase starts and ends. */
  public record Found(Deadline deadline, int start, int end) {}

  private static final String MODIFIER = "(?<mod>chậm nhất(?:\\s+(?:là|vào|trong))?|trước|đến hết|đến|hết|cuối|trong|vào)";
  private static final Pattern PERIOD = Pattern.compile("(?:" + MODIFIER + "\\s+)?(?:(?<mod2>trước|trong|vào)\\s+)?(?:"
      + "(?:ngày\\s+)?(?<day>\\d{1,2})\\s*/\\s*(?<dmonth>\\d{1,2})\\s*/\\s*(?<dyear>\\d{4})"
      + "|quý\\s+(?<quarter>IV|I{1,3}|[1-4])\\s*(?:/|năm\\s+)\\s*(?<qyear>\\d{4})"
      + "|tháng\\s+(?<month>\\d{1,2})\\s*(?:/|năm\\s+)\\s*(?<myear>\\d{4})"
      + "|năm\\s+(?<year>\\d{4}))",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * Words that make a date in running text a deadline: "hoàn thành ... trong quý I/2026", "Báo cáo Ban
   * Chỉ đạo ... trong tháng 01/2026". Without them a date is a reference ("Nghị quyết ..., ngày
   * 15/11/2025") or a scope ("đề xuất kinh phí trong năm 2026 và các năm tiếp theo").
   */
  private static final Pattern ANCHOR = Pattern.compile("hoàn thành|báo cáo", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final int ANCHOR_REACH = 60;

  private static final Pattern RECURRING = Pattern.compile("thường xuyên|định kỳ hằng|hằng tháng|hàng tháng",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private DeadlineParser() {}

  /**
   * Reads a deadline written on its own ("Hoàn thành trong quý I/2026", "nhiệm vụ thường xuyên"). One
   * date wins; two different dates, or a date word that is not a real date, are not recognised.
   */
  public static Deadline parse(String written) {
    String text = clean(written);
    List<Found> found = new ArrayList<>();
    Matcher m = PERIOD.matcher(text);
    while (m.find()) {
      found.add(new Found(toDeadline(m, text.substring(m.start(), m.end()).strip()), m.start(), m.end()));
    }
    long distinct = found.stream().map(f -> f.deadline().dueDate()).distinct().count();
    if (found.isEmpty()) {
      return isRecurring(text) ? new Deadline(Kind.RECURRING, null, text, true) : new Deadline(Kind.DEADLINE, null, text, false);
    }
    if (distinct > 1 || !found.get(0).deadline().recognised()) {
      return new Deadline(Kind.DEADLINE, null, text, false);
    }
    return new Deadline(Kind.DEADLINE, found.get(0).deadline().dueDate(), text, true);
  }

  /**
   * The deadlines stated in running text, in order: dates that follow "hoàn thành" or "báo cáo" in the
   * same sentence. Their text runs from that word to the end of the date.
   */
  public static List<Found> find(String paragraph) {
    List<Found> found = new ArrayList<>();
    Matcher anchor = ANCHOR.matcher(paragraph);
    int searchFrom = 0;
    while (anchor.find(searchFrom)) {
      int limit = Math.min(paragraph.length(), sentenceEnd(paragraph, anchor.end(), anchor.end() + ANCHOR_REACH));
      Matcher m = PERIOD.matcher(paragraph).region(anchor.end(), limit);
      if (m.find()) {
        String text = clean(paragraph.substring(anchor.start(), m.end()));
        found.add(new Found(toDeadline(m, text), anchor.start(), m.end()));
        searchFrom = m.end();
      } else {
        searchFrom = anchor.end();
      }
    }
    return found;
  }

  /** Whether the text calls the task a standing one: "nhiệm vụ thường xuyên", "cập nhật thường xuyên, liên tục". */
  public static boolean isRecurring(String text) {
    return RECURRING.matcher(text).find();
  }

  /** The recurring deadline of a text that calls the task a standing one, its text being the clause that says so. */
  public static Optional<Deadline> recurring(String text) {
    Matcher m = RECURRING.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    int start = m.start();
    while (start > 0 && ",;.(".indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    return Optional.of(new Deadline(Kind.RECURRING, null, clean(text.substring(start, m.end())), true));
  }

  /** Bold markers and line breaks are layout, not wording. */
  static String clean(String text) {
    return text.replace("**", "").replaceAll("\\s+", " ").strip();
  }

  private static int sentenceEnd(String text, int from, int limit) {
    for (int i = from; i < Math.min(limit, text.length()); i++) {
      char c = text.charAt(i);
      if (c == ';' || (c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))))) {
        return i;
      }
    }
    return limit;
  }

  private static Deadline toDeadline(Matcher m, String text) {
    String modifier = m.group("mod2") != null ? m.group("mod2") : m.group("mod");
    boolean before = modifier != null && modifier.toLowerCase(Locale.ROOT).equals("trước");
    try {
      LocalDate start;
      LocalDate end;
      if (m.group("day") != null) {
        start = end = LocalDate.of(year(m.group("dyear")), Integer.parseInt(m.group("dmonth")), Integer.parseInt(m.group("day")));
      } else if (m.group("quarter") != null) {
        int quarter = quarter(m.group("quarter"));
        start = LocalDate.of(year(m.group("qyear")), 3 * quarter - 2, 1);
        end = start.plusMonths(3).minusDays(1);
      } else if (m.group("month") != null) {
        YearMonth month = YearMonth.of(year(m.group("myear")), Integer.parseInt(m.group("month")));
        start = month.atDay(1);
        end = month.atEndOfMonth();
      } else {
        start = LocalDate.of(year(m.group("year")), 1, 1);
        end = LocalDate.of(start.getYear(), 12, 31);
      }
      // "trước" is strict: before a day is the day before; before a period is the day before it starts.
      return new Deadline(Kind.DEADLINE, before ? start.minusDays(1) : end, text, true);
    } catch (DateTimeException e) {
      return new Deadline(Kind.DEADLINE, null, text, false);
    }
  }

  private static int year(String digits) {
    return Integer.parseInt(digits);
  }

  private static int quarter(String written) {
    return switch (written.toUpperCase(Locale.ROOT)) {
      case "I", "1" -> 1;
      case "II", "2" -> 2;
      case "III", "3" -> 3;
      default -> 4;
    };
  }
}
