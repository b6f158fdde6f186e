package vn.dondoc.app.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Vietnamese deadlines as directives write them and normalises them (DOMAIN.md §2.1.6): a quarter,
 * month, half-year or year ends on its last day; "trước" (before) means the day before; "chậm nhất ngày X"
 * and a bare date mean X itself. The text as written is always kept.
 *
 * <p>Dates that are not deadlines are told apart by the words around them and never become one: document
 * citations ("Nghị quyết số 57-NQ/TW ngày 22/12/2024"), horizons ("đến năm 2030", "tầm nhìn đến năm
 * 2045"), starts ("từ ngày 01/01/2026"), phases ("giai đoạn 2026–2030") and durations without a start
 * ("trong vòng 30 ngày"). {@link #notDeadlines} lists them so that a draft without a deadline can say what
 * it saw.
 */
public final class DeadlineParser {

  /** What the task's timing is: a due date, a standing duty, or a report due every period. */
  public enum Kind {
    DEADLINE,
    RECURRING,
    PERIODIC_REPORT
  }

  /** A deadline: {@code dueDate} is null for recurring tasks, periodic reports and text that could not be read. */
  public record Deadline(Kind kind, LocalDate dueDate, String text, boolean recognised) {

    public static Deadline none() {
      return new Deadline(Kind.DEADLINE, null, "", false);
    }
  }

  /**
   * A deadline found in running text, with where its phrase starts and ends. {@code verbless}: no
   * completion or reporting word comes before it ("tổ chức hội nghị trong tháng 12/2026"), so a person
   * should confirm it.
   */
  public record Found(Deadline deadline, int start, int end, boolean verbless) {}

  /** Why a date in a task's text is not its deadline. */
  public enum NotDeadline {
    CITATION,
    HORIZON,
    START,
    PHASE,
    DURATION,
    CADENCE
  }

  /** A date or duration in running text that is not a deadline, as written. */
  public record Mentioned(NotDeadline reason, String text) {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final String MODIFIER =
      "(?<mod>chậm nhất(?:\\s+(?:là|vào|trong))?|tầm nhìn đến|trước|đến hết|đến cuối|đến|hết|"
          + "cuối|trong|vào|ngay trong|từ|kể từ)";
  private static final Pattern PERIOD = Pattern.compile(
      "(?:" + MODIFIER + "\\s+)?(?:(?<mod2>trước|trong|vào|hết|cuối)\\s+)?(?:"
          + "(?:ngày\\s+)?(?<![\\d/.,])(?<day>\\d{1,2})\\s*/\\s*(?<dmonth>\\d{1,2})\\s*/\\s*(?<dyear>\\d{4})"
          + "|ngày\\s+(?<lday>\\d{1,2})\\s+tháng\\s+(?<lmonth>\\d{1,2})\\s+năm\\s+(?<lyear>\\d{4})"
          + "|quý\\s+(?<quarter>IV|I{1,3}|[1-4])\\s*(?:/|năm\\s+)\\s*(?<qyear>\\d{4})"
          + "|(?:(?:6|sáu)\\s+tháng|nửa)\\s+(?<half>đầu|cuối)\\s+năm\\s+(?<hyear>\\d{4})"
          + "|tháng\\s+(?<month>\\d{1,2})\\s*(?:/|năm\\s+)\\s*(?<myear>\\d{4})"
          + "|năm\\s+(?<year>\\d{4})(?!\\s*[-–]\\s*\\d{4})"
          // "ngày 15/12", or "trước 30/9": a day without its year, never guessed (see toDeadline).
          + "|(?:ngày\\s+|(?<=(?:trước|nhất)\\s))(?<pday>\\d{1,2})\\s*/\\s*(?<pmonth>\\d{1,2})(?![\\d/]))",
      FLAGS);

  /**
   * Words that make a date in running text a deadline: "hoàn thành ... trong quý I/2026", "trình Thủ tướng
   * Chính phủ trong tháng 11/2025", "gửi về Bộ Công an trước ngày 20/11/2025". Without them a date is a
   * reference or a scope ("đề xuất kinh phí trong năm 2026 và các năm tiếp theo"). "trình" is the verb,
   * not the end of "chương trình", "quy trình", "lộ trình".
   */
  private static final Pattern ANCHOR = Pattern.compile(
      "(?<![\\p{L}])(?:hoàn thành|hoàn thiện|báo cáo|ban hành|xong|gửi|nộp|"
          + "(?<!chương |quy |lộ |tiến |công |giáo |hành )trình|chậm nhất|trước ngày|thời hạn|tổng kết|đưa vào (?:vận hành|sử dụng|khai thác)|"
          + "khai trương|phê duyệt|tiến độ(?:\\s+(?:hoàn thành|thực hiện))?\\s*:)(?![\\p{L}])",
      FLAGS);

  private static final int ANCHOR_REACH = 90;
  private static final Pattern COMPLETION =
      Pattern.compile("hoàn thành|hoàn thiện|xong|chậm nhất|trước ngày|thời hạn", FLAGS);
  private static final Pattern PAST = Pattern.compile("(?<![\\p{L}])đã(?![\\p{L}])", FLAGS);

  /** A document symbol just before a date makes the date the document's: "57-NQ/TW ngày 22/12/2024", "số 71/NQ-CP, ngày". */
  private static final Pattern CITED_SYMBOL =
      Pattern.compile("\\S*\\d\\S*/\\S*\\p{Lu}\\S*[,;]?\\s*$");

  private static final int CITATION_REACH = 40;
  /** "cuối năm 2026", "trước năm 2027": the end of a year, never its scope (unlike "trong năm 2026, ưu tiên ..."). */
  private static final Set<String> YEAR_END_MODIFIERS =
      Set.of("cuối", "đến cuối", "trước", "chậm nhất", "chậm nhất là", "chậm nhất vào");

  private static final Set<String> VERBLESS_MODIFIERS = Set.of(
      "trong",
      "vào",
      "trước",
      "chậm nhất",
      "chậm nhất là",
      "chậm nhất vào",
      "chậm nhất trong",
      "hết",
      "cuối",
      "đến hết",
      "đến cuối",
      "ngay trong");

  private static final Pattern PHASE = Pattern.compile(
      "giai đoạn\\s+\\d{4}\\s*[-–—]\\s*\\d{4}|(?:năm\\s+)?\\d{4}\\s*[-–—]\\s*\\d{4}", FLAGS);
  private static final Pattern DURATION = Pattern.compile(
      "(?:trong\\s+(?:vòng|thời hạn|thời gian)?\\s*|sau\\s+)\\d{1,3}\\s+"
          + "(?:ngày(?:\\s+làm việc)?|tháng|tuần)(?![\\p{L}])(?!\\s*(?:đầu|cuối))",
      FLAGS);

  /**
   * "thường xuyên" is a standing duty; "chi thường xuyên" is a budget line. A cadence that closes the clause ("tổ chức diễn
   * tập hằng năm.") makes a standing duty too.
   */
  private static final Pattern RECURRING = Pattern.compile(
      "(?<!chi )thường xuyên"
          + "|(?<![\\p{L}])(?:hằng|hàng)\\s+(?:tuần|tháng|quý|năm)(?=\\s*(?:[.;]|$))"
          // "Hằng năm, bố trí vốn ...": a cadence opening the task
          + "|^\\s*(?:hằng|hàng|mỗi)\\s+(?:tuần|tháng|quý|năm)\\s*,",
      FLAGS);
  /** "trước ngày 20/12 hằng năm": a day of every year, not a deadline. */
  private static final Pattern EVERY =
      Pattern.compile("\\s*(?:hằng|hàng|mỗi)\\s+(?:năm|tháng|quý)(?![\\p{L}])", FLAGS);

  private static final Pattern PERIODIC = Pattern.compile(
      "(?:định kỳ\\s+)?(?:hằng|hàng|mỗi)\\s+(?:tuần|tháng|quý|năm)"
          + "|định kỳ|(?:6|sáu)\\s+tháng\\s+(?:một|1)\\s+lần|theo\\s+(?:từng\\s+)?(?:tuần|tháng|quý|năm)(?!\\s*(?:\\d|[IVX]+(?![\\p{L}])))"
          // "tổng hợp kết quả 6 tháng đầu năm và cả năm": the half-year and the year, every year.
          + "|(?:6|sáu)\\s+tháng(?:\\s+đầu\\s+năm)?\\s+và\\s+(?:cả|hằng|hàng)\\s+năm",
      FLAGS);
  /** A report, or results sent at a cadence ("định kỳ hằng quý gửi kết quả về ..."), which the genre often writes without the word. */
  private static final Pattern REPORTING =
      Pattern.compile("báo cáo|tổng hợp|(?<![\\p{L}])(?:gửi|nộp)(?![\\p{L}])", FLAGS);
  /** "Hằng năm, Sở Nội vụ ... gửi Sở Tài chính trước ngày 15/7": a sentence that opens with its cadence. */
  private static final Pattern OPENS_WITH_CADENCE = Pattern.compile(
      "^[\\s.;]*(?:Định kỳ|(?:Định kỳ\\s+)?(?:Hằng|Hàng|Mỗi)\\s+(?:tuần|tháng|quý|năm))"
          + "(?![\\p{L}])",
      FLAGS);
  /** "định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12)": the day of the cadence, not a deadline. */
  private static final Pattern CADENCE_BEFORE = Pattern.compile(
      "(?:định kỳ|(?:hằng|hàng|mỗi)\\s+(?:tuần|tháng|quý|năm)|(?:6|sáu)\\s+tháng)"
          + "\\s*[(,]?\\s*$",
      FLAGS);

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
      found.add(new Found(
          toDeadline(m, text.substring(m.start(), m.end()).strip()), m.start(), m.end(), false));
    }
    long distinct = found.stream().map(f -> f.deadline().dueDate()).distinct().count();
    if (found.isEmpty()) {
      if (isPeriodicReport(text)) {
        return new Deadline(Kind.PERIODIC_REPORT, null, text, true);
      }
      return isRecurring(text)
          ? new Deadline(Kind.RECURRING, null, text, true)
          : new Deadline(Kind.DEADLINE, null, text, false);
    }
    if (distinct > 1 || !found.get(0).deadline().recognised()) {
      return new Deadline(Kind.DEADLINE, null, text, false);
    }
    return new Deadline(Kind.DEADLINE, found.get(0).deadline().dueDate(), text, true);
  }

  /**
   * The deadlines stated in running text, in order: dates that follow a completion or reporting word in
   * the same sentence, leaving out citations, horizons, starts and phases. Their text runs from that word
   * to the end of the date.
   */
  public static List<Found> find(String paragraph) {
    List<Found> found = new ArrayList<>();
    List<Boolean> strong = new ArrayList<>();
    Matcher anchor = ANCHOR.matcher(paragraph);
    int searchFrom = 0;
    while (searchFrom < paragraph.length() && anchor.find(searchFrom)) {
      int limit = Math.min(
          paragraph.length(), sentenceEnd(paragraph, anchor.end(), anchor.end() + ANCHOR_REACH));
      Matcher m = PERIOD.matcher(paragraph).region(anchor.start(), limit);
      searchFrom = anchor.end();
      boolean completes = COMPLETION.matcher(anchor.group()).matches();
      while (m.find()) {
        // "ban hành ... đã được thông qua trong năm 2025": a weaker verb with a past event between
        // is no deadline.
        boolean past = !completes
            && PAST.matcher(paragraph.substring(anchor.end(), m.start())).find();
        if (notADeadline(paragraph, m) == null
            && !past
            && !yearOfANoun(paragraph, anchor.end(), m)) {
          String text = clean(paragraph.substring(anchor.start(), m.end()));
          found.add(new Found(toDeadline(m, text), anchor.start(), m.end(), false));
          strong.add(completes);
          searchFrom = m.end();
          break;
        }
      }
    }
    // In a sentence that says when something is completed, that is the deadline; dates the other
    // verbs carry are scope.
    List<Found> kept = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      int sentence = sentenceOf(paragraph, found.get(i).start());
      boolean strongInSentence = false;
      for (int j = 0; j < found.size(); j++) {
        strongInSentence |=
            strong.get(j) && sentenceOf(paragraph, found.get(j).start()) == sentence;
      }
      if (strong.get(i) || !strongInSentence) {
        kept.add(found.get(i));
      }
    }
    kept = withoutPurposeSteps(paragraph, kept);
    kept.addAll(verbless(paragraph, kept));
    kept.sort(java.util.Comparator.comparingInt(Found::start));
    return kept;
  }

  /**
   * "hoàn thành năm 2027" is due that year; in "hoàn thiện hồ sơ các nhiệm vụ được bố trí kinh phí năm 2026" the year
   * qualifies a noun the verb's object runs into. A bare year with no "trong", "trước", ... counts only right after its verb.
   */
  private static boolean yearOfANoun(String paragraph, int anchorEnd, Matcher m) {
    return m.group("year") != null
        && modifier(m).isEmpty()
        && !paragraph.substring(anchorEnd, m.start()).isBlank();
  }

  private static final Pattern PURPOSE = Pattern.compile("(?<![\\p{L}])để(?![\\p{L}])", FLAGS);

  /**
   * "gửi báo cáo về Bộ X trước ngày 30/11/2026 để tổng hợp, báo cáo Thủ tướng trong tháng 12/2026": after "để" comes
   * what the receiver does with it, so a later date of the same sentence is not the task's.
   */
  private static List<Found> withoutPurposeSteps(String paragraph, List<Found> found) {
    List<Found> kept = new ArrayList<>();
    for (Found f : found) {
      boolean purpose = kept.stream()
          .anyMatch(k -> sentenceOf(paragraph, k.start()) == sentenceOf(paragraph, f.start())
              && k.end() <= f.start()
              && PURPOSE.matcher(paragraph.substring(k.end(), f.start())).find());
      if (!purpose) {
        kept.add(f);
      }
    }
    return kept;
  }

  /**
   * In sentences without a deadline, a day, month, quarter or half-year after "trong", "vào", "trước",
   * "chậm nhất", "hết" or "cuối" ("tổ chức hội nghị trong tháng 12/2026", "công bố trong quý III/2026"):
   * in a task list that is when the task is due. A bare year is left out ("kinh phí trong năm 2026 và
   * các năm tiếp theo" is a scope).
   */
  private static List<Found> verbless(String paragraph, List<Found> anchored) {
    List<Found> found = new ArrayList<>();
    Set<Integer> sentencesWithDeadline = new HashSet<>();
    anchored.forEach(f -> sentencesWithDeadline.add(sentenceOf(paragraph, f.start())));
    Matcher m = PERIOD.matcher(paragraph);
    while (m.find()) {
      int sentence = sentenceOf(paragraph, m.start());
      if (yearsScope(paragraph, m)
          || !VERBLESS_MODIFIERS.contains(modifier(m))
          || sentencesWithDeadline.contains(sentence)
          || notADeadline(paragraph, m) != null) {
        continue;
      }
      found.add(new Found(toDeadline(m, clean(m.group())), m.start(), m.end(), true));
      sentencesWithDeadline.add(sentence);
    }
    return found;
  }

  /** A year that is a scope, not an end: neither closing its clause nor "cuối năm", "trước năm" ("trong năm 2026, ưu tiên ..."). */
  private static boolean yearsScope(String paragraph, Matcher m) {
    return m.group("year") != null
        && !yearClosesClause(paragraph, m)
        && !YEAR_END_MODIFIERS.contains(modifier(m));
  }

  /**
   * "triển khai ... trong năm 2026." ends its clause with the year: that is when the task is due. A year that
   * the clause goes on from ("trong năm 2026 và các năm tiếp theo", "trong năm 2026, ưu tiên ...") is a scope.
   */
  private static boolean yearClosesClause(String paragraph, Matcher m) {
    String modifier = modifier(m);
    return (modifier.equals("trong") || modifier.equals("ngay trong"))
        && paragraph.substring(m.end()).matches("(?s)\\s*(?:[.;].*)?");
  }

  private static int sentenceOf(String text, int at) {
    for (int i = at - 1; i > 0; i--) {
      if (text.charAt(i) == ';' || (text.charAt(i) == ' ' && text.charAt(i - 1) == '.')) {
        return i;
      }
    }
    return 0;
  }

  /**
   * Whether the text gives a second date of the kind deadlines are written in ("trong năm 2027", "trước ngày 15/10/2026")
   * other than {@code chosen}: "hoàn thành giai đoạn 1 trong năm 2026, giai đoạn 2 trong năm 2027". Dates that are not
   * deadlines and the next actor's step after "để" do not count.
   */
  public static boolean givesAnotherDate(String paragraph, LocalDate chosen) {
    Matcher m = PERIOD.matcher(paragraph);
    while (m.find()) {
      if (!VERBLESS_MODIFIERS.contains(modifier(m))
          || notADeadline(paragraph, m) != null
          || yearsScope(paragraph, m)) {
        continue;
      }
      int sentence = sentenceOf(paragraph, m.start());
      String before = paragraph.substring(sentence, m.start());
      if (PURPOSE.matcher(before).find() || PAST.matcher(before).find()) {
        continue;
      }
      LocalDate date = toDeadline(m, m.group()).dueDate();
      if (date != null && !date.equals(chosen)) {
        return true;
      }
    }
    return false;
  }

  /** The dates and durations of a text that are not deadlines, in order. */
  public static List<Mentioned> notDeadlines(String paragraph) {
    List<Mentioned> mentioned = new ArrayList<>();
    Matcher phase = PHASE.matcher(paragraph);
    while (phase.find()) {
      mentioned.add(new Mentioned(NotDeadline.PHASE, clean(phase.group())));
    }
    Matcher m = PERIOD.matcher(paragraph);
    while (m.find()) {
      NotDeadline reason = notADeadline(paragraph, m);
      if (reason != null) {
        mentioned.add(new Mentioned(reason, clean(m.group())));
      }
    }
    Matcher duration = DURATION.matcher(paragraph);
    while (duration.find()) {
      mentioned.add(new Mentioned(NotDeadline.DURATION, clean(duration.group())));
    }
    return mentioned;
  }

  /** Why the date matched by m is not a deadline, or null if it may be one. */
  private static NotDeadline notADeadline(String text, Matcher m) {
    String modifier = modifier(m);
    if (modifier.equals("từ") || modifier.equals("kể từ")) {
      return NotDeadline.START;
    }
    boolean bareYear = m.group("year") != null;
    if (modifier.equals("tầm nhìn đến") || (modifier.equals("đến") && bareYear)) {
      return NotDeadline.HORIZON;
    }
    String before = text.substring(Math.max(0, m.start() - CITATION_REACH), m.start());
    if (m.group("pday") != null
        && (EVERY.matcher(text).region(m.end(), text.length()).lookingAt()
            || CADENCE_BEFORE.matcher(before).find()
            || OPENS_WITH_CADENCE
                .matcher(text.substring(sentenceOf(text, m.start()), m.start()))
                .find())) {
      return NotDeadline.CADENCE;
    }
    if ((m.group("day") != null || m.group("lday") != null)
        && modifier.isEmpty()
        && CITED_SYMBOL.matcher(before).find()) {
      return NotDeadline.CITATION;
    }
    if (bareYear && before.matches("(?s).*(?:giai đoạn|tầm nhìn)\\s*$")) {
      return NotDeadline.PHASE;
    }
    return null;
  }

  private static String modifier(Matcher m) {
    String modifier =
        m.group("mod") != null ? m.group("mod") : m.group("mod2") != null ? m.group("mod2") : "";
    return modifier.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  /** Whether the text calls the task a standing one: "nhiệm vụ thường xuyên", "cập nhật thường xuyên, liên tục". */
  public static boolean isRecurring(String text) {
    return RECURRING.matcher(text).find();
  }

  /** Whether the text asks for a report every period: "định kỳ hằng quý báo cáo", "báo cáo hàng tháng". */
  public static boolean isPeriodicReport(String text) {
    return REPORTING.matcher(text).find() && PERIODIC.matcher(text).find();
  }

  /** Whether the text names a cadence ("định kỳ 6 tháng", "hằng quý", "theo tháng"), whatever is done at that pace. */
  public static boolean isCadence(String text) {
    return PERIODIC.matcher(text).find();
  }

  /** The recurring deadline of a text that calls the task a standing one, its text being the clause that says so. */
  public static Optional<Deadline> recurring(String text) {
    return clause(text, RECURRING, Kind.RECURRING);
  }

  /** The periodic-report deadline of a text that asks for one, its text being the clause that says so. */
  public static Optional<Deadline> periodicReport(String text) {
    return isPeriodicReport(text) ? clause(text, PERIODIC, Kind.PERIODIC_REPORT) : Optional.empty();
  }

  private static Optional<Deadline> clause(String text, Pattern pattern, Kind kind) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    int start = m.start();
    while (start > 0 && ",;.(".indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    int end = m.end();
    if (kind == Kind.PERIODIC_REPORT) {
      while (end < text.length() && ",;.)".indexOf(text.charAt(end)) < 0) {
        end++;
      }
    }
    return Optional.of(new Deadline(kind, null, clean(text.substring(start, end)), true));
  }

  /** Bold markers and line breaks are layout, not wording. */
  public static String clean(String text) {
    return text.replace("**", "").replaceAll("\\s+", " ").strip();
  }

  private static int sentenceEnd(String text, int from, int limit) {
    for (int i = from; i < Math.min(limit, text.length()); i++) {
      char c = text.charAt(i);
      if (c == ';'
          || (c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))))) {
        return i;
      }
    }
    return limit;
  }

  private static Deadline toDeadline(Matcher m, String text) {
    boolean before = modifier(m).equals("trước");
    try {
      LocalDate start;
      LocalDate end;
      if (m.group("day") != null) {
        start = end = LocalDate.of(
            year(m.group("dyear")),
            Integer.parseInt(m.group("dmonth")),
            Integer.parseInt(m.group("day")));
      } else if (m.group("lday") != null) {
        start = end = LocalDate.of(
            year(m.group("lyear")),
            Integer.parseInt(m.group("lmonth")),
            Integer.parseInt(m.group("lday")));
      } else if (m.group("quarter") != null) {
        int quarter = quarter(m.group("quarter"));
        start = LocalDate.of(year(m.group("qyear")), 3 * quarter - 2, 1);
        end = start.plusMonths(3).minusDays(1);
      } else if (m.group("half") != null) {
        boolean first = m.group("half").toLowerCase(Locale.ROOT).equals("đầu");
        start = LocalDate.of(year(m.group("hyear")), first ? 1 : 7, 1);
        end = start.plusMonths(6).minusDays(1);
      } else if (m.group("month") != null) {
        YearMonth month = YearMonth.of(year(m.group("myear")), Integer.parseInt(m.group("month")));
        start = month.atDay(1);
        end = month.atEndOfMonth();
      } else if (m.group("year") != null) {
        start = LocalDate.of(year(m.group("year")), 1, 1);
        end = LocalDate.of(start.getYear(), 12, 31);
      } else {
        // "trước ngày 15/12": a day without its year is not guessed.
        return new Deadline(Kind.DEADLINE, null, text, false);
      }
      // "trước" is strict: before a day is the day before; before a period is the day before it
      // starts.
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
