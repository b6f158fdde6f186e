package vn.dondoc.app.directives;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dondoc.app.directives.AgencyMatcher.Generic;
import vn.dondoc.app.directives.AgencyMatcher.Mention;
import vn.dondoc.app.directives.DraftTask.Flag;
import vn.dondoc.app.directives.DraftTask.Lead;
import vn.dondoc.app.time.DeadlineParser;
import vn.dondoc.app.time.DeadlineParser.Deadline;
import vn.dondoc.app.time.DeadlineParser.Found;

/**
 * Turns the text of a directive's task appendix into draft tasks.
 *
 * <p>An appendix laid out as a table is read row by row ({@link AppendixTable}); the rest as items.
 *
 * <p>Structure: headings "I.", "1.", "a)", "-" nest in that order; an item with items under it is a
 * heading, one without is a task. Lines that start with none of them continue the item above (page
 * breaks cut sentences). Text before the first heading (title, "Kèm theo ...") is not a task.
 *
 * <p>Numbered parts "(1) ... (2) ..." of an item become one draft each. The text before "(1)" is their
 * common introduction: its actor leads every part that does not name its own ("(2) Bộ Tài chính chủ trì
 * ..."), and a deadline in it applies to every part. A deadline in a sentence of its own after the last
 * part ("... (6) .... Hoàn thành trong quý II/2026.") also applies to every part that states none.
 *
 * <p>The lead is the first actor the task starts with; further actors listed beside it co-operate (and
 * the draft is flagged {@link Flag#JOINT_LEAD} unless they are just "các cơ quan liên quan"), as do the
 * actors after "phối hợp với".
 */
public final class AppendixParser {

  private static final Pattern ROMAN = Pattern.compile("^([IVXL]+)\\.\\s+(.*)");
  private static final Pattern NUMBER = Pattern.compile("^(\\d{1,2})\\.\\s+(.*)");
  /** "1.1.", "2.3.1": numbered sub-sections, nested under "1." by their depth; the code takes the last number. */
  private static final Pattern DOTTED =
      Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){1,2})\\.?\\s+(\\p{Lu}.*)");
  /** How items nest: a smaller level holds the larger ones under it. */
  private static final int ROMAN_LEVEL = 0;

  private static final int NUMBER_LEVEL = 1;
  private static final int LETTER_LEVEL = 4;
  private static final int BULLET_LEVEL = 5;
  private static final Pattern LETTER = Pattern.compile("^([a-zđ])\\)\\s+(.*)");
  private static final Pattern BULLET = Pattern.compile("^[-–•]\\s+(.*)");
  /** "(1)", "(2)" or "(i)", "(ii)": the numbered parts of an item. */
  private static final Pattern PART = Pattern.compile("\\(\\s*(\\d{1,2}|[ivx]{1,4})\\s*\\)");

  private static final List<String> ROMAN_PARTS =
      List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii");
  /**
   * Who asks, not who does: "Đề nghị Chính phủ chỉ đạo Bộ X chủ trì", "Giao Bộ Y", "Yêu cầu các địa
   * phương". The lead is the actor after it; the directing body leads only when no actor follows. "Đối với Bộ X:",
   * "Trách nhiệm của Bộ X" introduce the actor too.
   */
  private static final Pattern DIRECTING = Pattern.compile(
      "^(?:(?:Đề nghị|Yêu cầu|Giao cho|Giao|Thủ tướng(?: Chính phủ)? (?:giao|yêu cầu|đề nghị)|Ban Chỉ đạo giao"
          + "|Đối với|Trách nhiệm của|Nhiệm vụ của"
          + "|Ban Chỉ đạo yêu cầu|Ban Chỉ đạo đề nghị)\\s+)?(?<director>(?:Chính phủ|Thủ tướng Chính phủ|Đảng [uủ]y Chính phủ"
          + "|Ban cán sự đảng Chính phủ|Bộ Chính trị, Ban Bí thư|Bộ Chính trị|Ban Bí thư|Thường trực Ban Bí thư|Thường trực Ban Chỉ đạo"
          + "|Ban Chỉ đạo(?: Trung ương)?|Ban Thường vụ Đảng [uủ]y Chính phủ)\\s+(?:lãnh đạo,?\\s+(?:và\\s+)?)?chỉ đạo\\s+)?(?:(?:Người đứng đầu|Lãnh đạo|Thủ trưởng)\\s+)?",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern RUN_IN_TOPIC =
      Pattern.compile("^Về [\\p{Ll}\\s,]{3,100}\\s(?=\\p{Lu})", Pattern.UNICODE_CASE);
  private static final Pattern REQUEST = Pattern.compile("(?<=\\. )(?:Đề nghị|Yêu cầu|Giao)\\s");
  private static final Pattern CO_OPERATING = Pattern.compile(
      "phối hợp(?:\\s+với)?(?:\\s+chặt chẽ)?\\s+với\\s+",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** "Về hạ tầng ...: " introduces a topic, not an actor. */
  private static final Pattern TOPIC = Pattern.compile("^Về [^:]{1,200}:\\s*");

  private static final Pattern REPORT = Pattern.compile(
      "^(Báo cáo.*?)\\s+(?:chậm nhất|trước|trong|vào|đến)\\s.*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /**
   * "xây dựng Chương trình ... gồm các nội dung: (1) ...; (2) ...": the numbered parts are what one deliverable contains,
   * not tasks of their own. "thực hiện các nội dung sau: (1) ..." lists tasks.
   */
  private static final Pattern CONTENTS = Pattern.compile(
      "(?:(?:bao\\s+)?gồm(?:\\s+(?:các|những))?(?:\\s+nội dung)?"
          + "|(?:với|có)\\s+(?:các|những)\\s+nội dung)(?:\\s+(?:chính|chủ yếu|sau(?:\\s+đây)?))?\\s*:?$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Vietnamese item letters: no f, j, w, z. */
  private static final String LETTERS = "abcdđeghiklmnopqrstuvxy";

  private final AgencyMatcher agencies;
  private final AppendixTable tables;

  public AppendixParser(AgencyMatcher agencies) {
    this.agencies = agencies;
    this.tables = new AppendixTable(agencies);
  }

  private record Block(int level, String marker, String text) {}

  private record Level(
      int level,
      String code,
      String heading,
      String text,
      List<String> flags,
      Set<String> letters,
      int[] bullets) {}

  public List<DraftTask> parse(String appendix) {
    AppendixTable.Split split = tables.split(AgencyMatcher.nfc(appendix));
    List<Block> blocks = blocks(split.rest());
    List<DraftTask> drafts = new ArrayList<>();
    Deque<Level> path = new ArrayDeque<>();
    Level root = new Level(-1, "", "", "", List.of(), new HashSet<>(), new int[1]);
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      while (!path.isEmpty() && path.peekLast().level() >= block.level()) {
        path.removeLast();
      }
      Level parent = path.isEmpty() ? root : path.peekLast();
      List<String> flags = new ArrayList<>(parent.flags());
      String code = codeOf(block, parent, flags);
      String fullCode = parent.code().isEmpty() ? code : parent.code() + "." + code;
      boolean heading = i + 1 < blocks.size() && blocks.get(i + 1).level() > block.level();
      String text = DeadlineParser.clean(block.text());
      int children = childrenOf(blocks, i);
      DraftTask withFields =
          heading ? fieldTask(fullCode, path, text, blocks.subList(i + 1, i + 1 + children)) : null;
      if (withFields != null) {
        drafts.add(withFields);
        i += children;
      } else if (heading) {
        path.addLast(new Level(
            block.level(),
            fullCode,
            headingText(block, text),
            text,
            flags,
            new HashSet<>(),
            new int[1]));
      } else {
        List<String> headings = path.stream().map(Level::heading).toList();
        // Innermost first: the nearest heading that names an actor governs the items under it.
        List<String> governing = new ArrayList<>(path.stream().map(Level::text).toList());
        Collections.reverse(governing);
        drafts.addAll(task(fullCode, headings, governing, flags, text));
      }
    }
    drafts.addAll(split.drafts());
    return drafts;
  }

  /** How many blocks after the i-th sit under it. */
  private static int childrenOf(List<Block> blocks, int i) {
    int n = 0;
    while (i + 1 + n < blocks.size()
        && blocks.get(i + 1 + n).level() > blocks.get(i).level()) {
      n++;
    }
    return n;
  }

  /** An item whose bullets are its fields ("- Cơ quan chủ trì: ...", "- Thời gian hoàn thành: ..."), read as one task; else null. */
  private DraftTask fieldTask(String code, Deque<Level> path, String text, List<Block> children) {
    if (children.stream().anyMatch(b -> b.level() != BULLET_LEVEL)) {
      return null;
    }
    List<String> headings = path.stream().map(Level::heading).toList();
    return tables.fields(
        code,
        headings,
        text,
        children.stream().map(b -> DeadlineParser.clean(b.text())).toList());
  }

  /** The code of an item under its parent; a letter that repeats one already used gets the next letter, flagged. */
  private static String codeOf(Block block, Level parent, List<String> flags) {
    if (block.level() == BULLET_LEVEL) {
      return String.valueOf(++parent.bullets()[0]);
    }
    if (block.level() != LETTER_LEVEL) {
      // "1.2" under "1.": its own number; under no "1." (or another), as written.
      String marker = block.marker();
      int dot = marker.lastIndexOf('.');
      String above = dot > 0 ? marker.substring(0, dot) : null;
      boolean underIt =
          above != null && (parent.code().equals(above) || parent.code().endsWith("." + above));
      return underIt ? marker.substring(dot + 1) : marker;
    }
    String letter = block.marker();
    String expected =
        String.valueOf(LETTERS.charAt(Math.min(parent.letters().size(), LETTERS.length() - 1)));
    String code = letter;
    if (!letter.equals(expected)) {
      flags.add(Flag.HEADING_OUT_OF_SEQUENCE + ":" + letter + ")");
      if (parent.letters().contains(letter)) {
        code = expected;
      }
    }
    parent.letters().add(code);
    return code;
  }

  private static String headingText(Block block, String text) {
    return switch (block.level()) {
      case LETTER_LEVEL -> block.marker() + ") " + text;
      case BULLET_LEVEL -> "- " + text;
      default -> block.marker() + ". " + text;
    };
  }

  /** Lines to items: a line opening with a heading marker starts one; any other line continues the item above. */
  private static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    StringBuilder current = null;
    int level = 0;
    String marker = null;
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      Block start = startOf(line);
      if (start != null) {
        if (current != null) {
          blocks.add(new Block(level, marker, current.toString()));
        }
        level = start.level();
        marker = start.marker();
        current = new StringBuilder(start.text());
      } else if (current != null) {
        current.append(' ').append(line);
      }
    }
    if (current != null) {
      blocks.add(new Block(level, marker, current.toString()));
    }
    return blocks;
  }

  private static Block startOf(String line) {
    Matcher m;
    if ((m = ROMAN.matcher(line)).matches()) {
      return new Block(ROMAN_LEVEL, m.group(1), m.group(2));
    }
    if ((m = NUMBER.matcher(line)).matches()) {
      return new Block(NUMBER_LEVEL, m.group(1), m.group(2));
    }
    if ((m = DOTTED.matcher(line)).matches()) {
      // "1.1" one level under "1.", "1.1.1" two
      return new Block(NUMBER_LEVEL + m.group(1).split("\\.").length - 1, m.group(1), m.group(2));
    }
    if ((m = LETTER.matcher(line)).matches()) {
      return new Block(LETTER_LEVEL, m.group(1), m.group(2));
    }
    if ((m = BULLET.matcher(line)).matches()) {
      return new Block(BULLET_LEVEL, "-", m.group(1));
    }
    return null;
  }

  /** The drafts of one item: one, or one per numbered part. */
  private List<DraftTask> task(
      String code, List<String> headings, List<String> governing, List<String> flags, String text) {
    int subjectStart = topicEnd(text);
    List<int[]> parts = parts(text, subjectStart);
    Deadline fromHeading = headingDeadline(governing);
    if (!parts.isEmpty()
        && CONTENTS
            .matcher(text.substring(subjectStart, parts.get(0)[0]).strip())
            .find()) {
      parts = List.of();
    }
    if (parts.isEmpty()) {
      return drafts(
          code, headings, governing, flags, text, "", text.substring(subjectStart), fromHeading);
    }
    String intro = text.substring(subjectStart, parts.get(0)[0]).strip();
    Deadline shared =
        DeadlineParser.find(intro).stream().findFirst().map(Found::deadline).orElse(fromHeading);
    List<DraftTask> drafts = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      int end = i + 1 < parts.size() ? parts.get(i + 1)[0] : text.length();
      String own = text.substring(parts.get(i)[1], end).strip();
      if (i == parts.size() - 1) {
        int trailing = trailingDeadlineSentence(own);
        if (trailing > 0) {
          // The whole sentence is the deadline as written: it may add "và cập nhật thường xuyên,
          // liên tục".
          String sentence = own.substring(trailing).replaceAll("[.\\s]+$", "");
          Deadline found = DeadlineParser.find(sentence).get(0).deadline();
          shared = new Deadline(found.kind(), found.dueDate(), sentence, found.recognised());
          own = own.substring(0, trailing).strip();
        }
      }
      drafts.addAll(drafts(
          code + ".(" + (i + 1) + ")",
          headings,
          governing,
          flags,
          text.substring(0, parts.get(0)[0]).strip() + " (" + (i + 1) + ") " + own,
          intro,
          own,
          shared));
    }
    // A trailing shared deadline is known only after the last part: give it to the earlier parts
    // without one.
    return withSharedDeadline(drafts, shared);
  }

  /**
   * Where an item's own wording starts after its topic: "Về hạ tầng số: Bộ X ..." past the colon. In "Về kinh phí Các bộ,
   * ngành, địa phương: (1) ..." a heading runs into its paragraph (a page layout lost): the colon closes the actor it names,
   * so the wording starts at the actor.
   */
  private int topicEnd(String text) {
    Matcher topic = TOPIC.matcher(text);
    if (!topic.find()) {
      return 0;
    }
    Matcher runIn = RUN_IN_TOPIC.matcher(text);
    if (runIn.lookingAt()
        && runIn.end() < topic.end()
        && !agencies.list(text, runIn.end()).isEmpty()) {
      return runIn.end();
    }
    return topic.end();
  }

  /**
   * "Bộ X chủ trì, phối hợp với Y ..., hoàn thành trong quý III/2026:" over bullets: the deadline the nearest heading states
   * is each bullet's that states none (flagged as shared). A heading with two different dates gives none.
   */
  private static Deadline headingDeadline(List<String> governing) {
    for (String heading : governing) {
      List<Found> found = DeadlineParser.find(heading);
      if (!found.isEmpty()) {
        boolean oneDate =
            found.stream().map(f -> f.deadline().dueDate()).distinct().count() == 1;
        return oneDate && found.get(0).deadline().recognised() ? found.get(0).deadline() : null;
      }
    }
    return null;
  }

  private static List<DraftTask> withSharedDeadline(List<DraftTask> drafts, Deadline shared) {
    if (shared == null) {
      return drafts;
    }
    return drafts.stream()
        .map(d -> {
          if (d.deadline().recognised() || !d.flags().contains(Flag.NO_DEADLINE.name())) {
            return d;
          }
          List<String> flags = new ArrayList<>(d.flags());
          flags.remove(Flag.NO_DEADLINE.name());
          flags.removeIf(f -> f.startsWith(Flag.DATE_NOT_DEADLINE + ":"));
          flags.add(Flag.SHARED_DEADLINE.name());
          if (DeadlineParser.isRecurring(shared.text())) {
            flags.add(Flag.ALSO_RECURRING.name());
          }
          return new DraftTask(
              d.code(),
              d.headings(),
              d.content(),
              d.lead(),
              d.coOperating(),
              d.coOperatingOther(),
              d.mentioned(),
              shared,
              expectedProduct(shared),
              List.copyOf(flags));
        })
        .toList();
  }

  /** Where "(1)", "(2)", ... or "(i)", "(ii)", ... start and end, in sequence from the first; stray marks in brackets are not parts. */
  private static List<int[]> parts(String text, int from) {
    List<int[]> parts = new ArrayList<>();
    Matcher m = PART.matcher(text);
    int next = 1;
    int p = from;
    while (m.find(p)) {
      String mark = m.group(1);
      int number = Character.isDigit(mark.charAt(0))
          ? Integer.parseInt(mark)
          : ROMAN_PARTS.indexOf(mark) + 1;
      boolean sameStyle = parts.isEmpty()
          || Character.isDigit(mark.charAt(0))
              == Character.isDigit(text.charAt(parts.get(0)[0] + 1));
      if (number == next && sameStyle) {
        parts.add(new int[] {m.start(), m.end()});
        next++;
      }
      p = m.end();
    }
    return parts;
  }

  /** Where a last sentence that states a deadline starts, if it is not the part's first sentence; else -1. */
  private static int trailingDeadlineSentence(String part) {
    List<Found> found = DeadlineParser.find(part);
    if (found.isEmpty()) {
      return -1;
    }
    int start = sentenceStart(part, found.get(found.size() - 1).start());
    return start > 0 && Character.isUpperCase(part.charAt(start)) ? start : -1;
  }

  private static int sentenceStart(String text, int at) {
    for (int i = at - 1; i > 0; i--) {
      if (text.charAt(i) == ' ' && text.charAt(i - 1) == '.') {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * The draft(s) of one unit: {@code own} is its own wording, {@code intro} what its numbered parts share.
   * Deadlines stated in separate sentences split it into one draft per deadline.
   */
  private List<DraftTask> drafts(
      String code,
      List<String> headings,
      List<String> governing,
      List<String> inherited,
      String content,
      String intro,
      String own,
      Deadline shared) {
    List<String> flags = new ArrayList<>(inherited);
    List<Mention> subject = subject(own);
    String coOperatingSource = own;
    if (subject.isEmpty() && !intro.isEmpty()) {
      subject = subject(intro);
      coOperatingSource = intro + " " + own;
    }
    for (int k = 0; subject.isEmpty() && k < governing.size(); k++) {
      String heading = TOPIC.matcher(governing.get(k)).replaceFirst("");
      subject = subject(heading);
      if (!subject.isEmpty()) {
        coOperatingSource = heading + " " + own;
        flags.add(Flag.LEAD_FROM_HEADING.name());
      }
    }
    Set<String> coOperating = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    Lead lead = lead(subject, coOperating, others, flags);
    Matcher with = CO_OPERATING.matcher(coOperatingSource);
    while (with.find()) {
      addCoOperating(agencies.list(coOperatingSource, with.end()), coOperating, others, flags);
    }
    String leadAgency = lead == null ? null : lead.agency();
    coOperating.remove(leadAgency);
    List<String> mentioned = agencies.findAll(content).stream()
        .map(Mention::code)
        .filter(c -> c != null && !coOperating.contains(c) && !c.equals(leadAgency))
        .distinct()
        .toList();

    List<List<Found>> bySentence = deadlinesBySentence(own);
    if (bySentence.size() > 1) {
      List<DraftTask> split = new ArrayList<>();
      int from = 0;
      for (int k = 0; k < bySentence.size(); k++) {
        List<Found> group = bySentence.get(k);
        int to = k + 1 < bySentence.size()
            ? sentenceEndAfter(own, group.get(group.size() - 1).end())
            : own.length();
        String piece = own.substring(from, to).strip();
        List<String> pieceFlags = new ArrayList<>(flags);
        pieceFlags.add(Flag.SPLIT_BY_DEADLINE.name());
        split.add(draft(
            code + ".[" + (k + 1) + "]",
            headings,
            piece,
            lead,
            coOperating,
            others,
            mentioned,
            piece,
            shared,
            pieceFlags));
        from = to;
      }
      return split;
    }
    return List.of(
        draft(code, headings, content, lead, coOperating, others, mentioned, own, shared, flags));
  }

  /** The actors a text starts with, past a directing body ("Đề nghị Chính phủ chỉ đạo Bộ X ..."). */
  private List<Mention> subject(String text) {
    List<Mention> subject = subjectAt(text, 0);
    // "Về chỉ đạo điều hành Người đứng đầu các bộ, ...": a heading run into its paragraph; the
    // subject opens the paragraph.
    Matcher topic = RUN_IN_TOPIC.matcher(text);
    if (subject.isEmpty() && topic.lookingAt()) {
      subject = subjectAt(text, topic.end());
    }
    // "Hiện nay còn 07/12 CSDL ... Đề nghị các bộ, ngành khẩn trương ...": the request names the
    // subject later on.
    Matcher request = REQUEST.matcher(text);
    while (subject.isEmpty() && request.find()) {
      subject = subjectAt(text, request.start());
    }
    return subject;
  }

  /** "Trong quý IV/2026, Sở Nội vụ hoàn thành ...", "Hằng năm, Sở Nội vụ ...": a time phrase or a cadence before the subject. */
  private static final Pattern LEADING_TIME = Pattern.compile(
      "^(?:(?:Trong|Từ|Đến hết|Chậm nhất|Trước|Ngay trong)\\s[^,.;:]{1,40}"
          + "|(?:Định kỳ\\s+)?(?:Hằng|Hàng|Mỗi)\\s+(?:tuần|tháng|quý|năm)|Định kỳ(?:\\s+6\\s+tháng)?),\\s*",
      Pattern.UNICODE_CASE);

  private List<Mention> subjectAt(String text, int from) {
    Matcher time = LEADING_TIME.matcher(text).region(from, text.length());
    if (time.lookingAt()) {
      from = time.end();
    }
    Matcher directing = DIRECTING.matcher(text).region(from, text.length());
    int start = directing.lookingAt() ? directing.end() : from;
    List<Mention> subject = agencies.list(text, start);
    if (subject.isEmpty() && start > from && directing.group("director") != null) {
      subject = agencies.list(text, directing.start("director"));
    }
    return pastPartyDirection(text, subject);
  }

  /** A Party body: a committee, its standing board, its delegation or its caucus in a State body. */
  private static final Pattern PARTY_BODY = Pattern.compile(
      "^(?:Ban cán sự đảng|Đảng [uủ]y|Đảng đoàn|Ban Thường vụ|Thường trực"
          + "|Tỉnh [uủ]y|Thành [uủ]y)(?![\\p{L}])",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern LEADS_OR_DIRECTS = Pattern.compile(
      "\\s*(?:lãnh đạo,?\\s*(?:và\\s+)?chỉ đạo|lãnh đạo|chỉ đạo)\\s+", Pattern.UNICODE_CASE);

  /**
   * "Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Sở Khoa học và Công nghệ hoàn thành ...", "Đảng ủy Công an tỉnh
   * lãnh đạo Công an tỉnh ...": the Party body leads the State body, which does the work and leads the task. Only a Party body
   * passes the task on so: in "Bộ Y tế chỉ đạo Sở Y tế các tỉnh ..." the ministry leads.
   */
  private List<Mention> pastPartyDirection(String text, List<Mention> subject) {
    if (subject.isEmpty()) {
      return subject;
    }
    int end = subject.get(subject.size() - 1).end();
    Matcher assigns = ASSIGNS.matcher(text).region(end, text.length());
    Matcher directs = LEADS_OR_DIRECTS.matcher(text).region(end, text.length());
    int next;
    if (assigns.lookingAt()) {
      next = assigns.end();
    } else if (PARTY_BODY.matcher(subject.get(0).text()).lookingAt() && directs.lookingAt()) {
      next = directs.end();
    } else {
      return subject;
    }
    List<Mention> directed = agencies.list(text, next);
    return directed.isEmpty() ? subject : directed;
  }

  /** "Ban Thường vụ Tỉnh ủy giao Ban Tổ chức Tỉnh ủy chủ trì ...": whoever gives the task to a body named next is not its lead. */
  private static final Pattern ASSIGNS =
      Pattern.compile("\\s*(?:giao(?:\\s+cho)?|yêu cầu|đề nghị)\\s+", Pattern.UNICODE_CASE);

  /**
   * The lead among the actors a task starts with: the first; the others beside it co-operate (flagged as a joint lead unless
   * they are just "các cơ quan liên quan"). Null, flagged, when there is none.
   */
  static Lead lead(
      List<Mention> subject, Set<String> coOperating, Set<String> others, List<String> flags) {
    if (subject.isEmpty()) {
      flags.add(Flag.NO_LEAD.name());
      return null;
    }
    Mention first = subject.get(0);
    if (first.code() == null && first.generic() == null) {
      flags.add(Flag.UNKNOWN_AGENCY + ":" + first.text());
    }
    if (first.generic() != null) {
      flags.add(Flag.COLLECTIVE_LEAD.name());
    }
    List<Mention> beside = subject.subList(1, subject.size());
    if (beside.stream().anyMatch(m -> m.generic() != Generic.RELATED_AGENCIES)) {
      flags.add(Flag.JOINT_LEAD.name());
    }
    addCoOperating(beside, coOperating, others, flags);
    return new Lead(first.code(), first.generic(), first.text());
  }

  static void addCoOperating(
      List<Mention> mentions, Set<String> coOperating, Set<String> others, List<String> flags) {
    for (Mention m : mentions) {
      if (m.code() != null) {
        coOperating.add(m.code());
      } else if (m.generic() != null) {
        others.add(m.text());
      } else if (!flags.contains(Flag.UNKNOWN_AGENCY + ":" + m.text())) {
        flags.add(Flag.UNKNOWN_AGENCY + ":" + m.text());
      }
    }
  }

  private static DraftTask draft(
      String code,
      List<String> headings,
      String content,
      Lead lead,
      Set<String> coOperating,
      Set<String> others,
      List<String> mentioned,
      String own,
      Deadline shared,
      List<String> flags) {
    List<Found> found = DeadlineParser.find(own);
    Deadline deadline;
    if (!found.isEmpty()) {
      deadline = found.get(0).deadline();
      if (found.stream().map(f -> f.deadline().dueDate()).distinct().count() > 1) {
        deadline = new Deadline(
            DeadlineParser.Kind.DEADLINE,
            null,
            String.join("; ", found.stream().map(f -> f.deadline().text()).toList()),
            false);
      }
      // One date read, another left in the same words: a person decides which is the task's.
      if (!deadline.recognised() || DeadlineParser.givesAnotherDate(own, deadline.dueDate())) {
        flags.add(Flag.AMBIGUOUS_DEADLINE.name());
      }
      if (found.stream().anyMatch(Found::verbless)) {
        flags.add(Flag.DEADLINE_WITHOUT_VERB.name());
      }
      if (DeadlineParser.isRecurring(own) || DeadlineParser.isPeriodicReport(own)) {
        flags.add(Flag.ALSO_RECURRING.name());
      }
    } else if (DeadlineParser.isPeriodicReport(own)) {
      deadline = DeadlineParser.periodicReport(own).orElseThrow();
    } else if (DeadlineParser.isRecurring(own)) {
      deadline = DeadlineParser.recurring(own).orElseThrow();
    } else if (shared != null) {
      deadline = shared;
      flags.add(Flag.SHARED_DEADLINE.name());
      if (DeadlineParser.isRecurring(shared.text())) {
        flags.add(Flag.ALSO_RECURRING.name());
      }
    } else {
      deadline = Deadline.none();
      flags.add(Flag.NO_DEADLINE.name());
    }
    for (DeadlineParser.Mentioned date : DeadlineParser.notDeadlines(own)) {
      // A duration has no start to count from; another date only matters when no deadline was
      // found.
      Flag flag = date.reason() == DeadlineParser.NotDeadline.DURATION
          ? Flag.DURATION_WITHOUT_START
          : deadline.dueDate() == null && deadline.kind() == DeadlineParser.Kind.DEADLINE
              ? Flag.DATE_NOT_DEADLINE
              : null;
      if (flag != null && !flags.contains(flag + ":" + date.text())) {
        flags.add(flag + ":" + date.text());
      }
    }
    return new DraftTask(
        code,
        headings,
        content,
        lead,
        List.copyOf(coOperating),
        List.copyOf(others),
        mentioned,
        deadline,
        expectedProduct(deadline),
        List.copyOf(flags));
  }

  /** "Báo cáo Ban Chỉ đạo kết quả rà soát trong quý I/2026": the report is what the task delivers. */
  private static String expectedProduct(Deadline deadline) {
    Matcher m = REPORT.matcher(deadline.text());
    return m.matches() ? m.group(1) : null;
  }

  /** The deadlines of a text grouped by the sentence they are in; sentences without one are left out. */
  private static List<List<Found>> deadlinesBySentence(String text) {
    List<List<Found>> groups = new ArrayList<>();
    int lastSentence = -1;
    for (Found found : DeadlineParser.find(text)) {
      int sentence = sentenceStart(text, found.start());
      if (sentence != lastSentence) {
        groups.add(new ArrayList<>());
        lastSentence = sentence;
      }
      groups.get(groups.size() - 1).add(found);
    }
    return groups;
  }

  private static int sentenceEndAfter(String text, int from) {
    int dot = text.indexOf(". ", from);
    return dot < 0 ? text.length() : dot + 1;
  }
}
