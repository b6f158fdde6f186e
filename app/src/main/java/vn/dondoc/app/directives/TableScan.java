package vn.dondoc.app.directives;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A scanned page's text rebuilt from Tesseract's word boxes, with a table's rows and columns recovered: OCR reads a
 * table line by line across its columns, so its cells would run together; here each row comes out as one line, its
 * cells separated by tabs, as {@link AppendixTable} reads a Word file's table.
 *
 * <p>A ruled table is found from its lines in the page image ({@link #rules}): the vertical rules are the columns,
 * the horizontal ones the rows, and a rule missing across a row is a merged cell (a group row's title). A table with no
 * rules is found from its lines of ink before OCR (at least three gutters, wide gaps at the same place, down at least
 * three lines with three groups of ink or more), or failing that from its words once read (two gutters); its rows start
 * where the first column (the number) has text. Everything else comes out as Tesseract's lines, as its plain text
 * output gives them.
 */
final class TableScan {

  /** A word as Tesseract boxes it; {@code line} tells its text line apart (block, paragraph and line). */
  record Word(String text, int left, int top, int width, int height, String line) {
    int right() {
      return left + width;
    }

    int centreX() {
      return left + width / 2;
    }

    int centreY() {
      return top + height / 2;
    }
  }

  /** A band between two horizontal rules, and which of the vertical rules cross it (a missing one merges cells). */
  record Band(int top, int bottom, boolean[] crossed) {}

  /**
   * A ruled table: its vertical rules' x, left to right, its rows, and the height of the page it is on (below which
   * {@link #columnsApart} puts its columns).
   */
  record Rules(int[] columns, List<Band> rows, int pageHeight, boolean ruled) {
    int top() {
      return rows.get(0).top();
    }

    int bottom() {
      return rows.get(rows.size() - 1).bottom();
    }
  }

  /** Darker than this (of 255) is ink. */
  private static final int INK = 128;
  /** Breaks in a rule (a scan's dropouts) shorter than this are bridged, in pixels. */
  private static final int RULE_GAP = 3;
  /** A rule is at most this thick, in pixels (at 300 dpi, 1.3 mm): thicker is a picture or a stamp. */
  private static final int MAX_RULE_THICKNESS = 15;
  /** A crossing rule is ink over this share of the band's height. */
  private static final double CROSSED = 0.8;

  /**
   * Noise Tesseract makes of a rule's remains or a cell's edge: "|", "_", "—". A lone hyphen is a word ("Vụ Kế hoạch -
   * Tài chính", "2026 - 2027").
   */
  private static final Pattern NOISE = Pattern.compile("[|_—~`¬\\[\\]]+");
  /** Around a row's number: "2_", "II:", "|5". */
  private static final Pattern ROMAN_MISREAD = Pattern.compile("[IVXl|]*[l|][IVXl|]*[.:_]*");

  private static final Pattern NUMBER_NOISE = Pattern.compile("^[|_\\[(`'‘’]+|[|_:;,`'‘’\\])]+$");

  private TableScan() {}

  /**
   * The table on a grey page image: a ruled one, its rules then painted white (Tesseract reads a rule beside a word as
   * part of it: "|tin,"), else one without rules ({@link #withoutRules}); null, and the image untouched, if the page has
   * none.
   */
  static Rules rules(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    WritableRaster raster = image.getRaster();
    boolean[] ink = new boolean[width * height];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      raster.getSamples(0, y, width, 1, 0, row);
      for (int x = 0; x < width; x++) {
        ink[y * width + x] = row[x] < INK;
      }
    }
    // Horizontal rules: a quarter of the page wide; vertical: a thirtieth of its height (a row of
    // one line is shorter,
    // but then the rule is longer above or below it).
    List<int[]> horizontal = segments(ink, width, height, true, width / 4);
    List<int[]> vertical = segments(ink, width, height, false, height / 30);
    if (vertical.size() < 3) {
      return withoutRules(ink, width, height);
    }
    int top = vertical.stream().mapToInt(v -> v[2]).min().orElseThrow();
    int bottom = vertical.stream().mapToInt(v -> v[3]).max().orElseThrow();
    int left = vertical.stream().mapToInt(v -> v[0]).min().orElseThrow();
    int right = vertical.stream().mapToInt(v -> v[1]).max().orElseThrow();
    List<int[]> across = horizontal.stream()
        .filter(h -> h[2] >= top - MAX_RULE_THICKNESS && h[3] <= bottom + MAX_RULE_THICKNESS)
        .filter(h -> Math.min(h[1], right) - Math.max(h[0], left) >= (right - left) / 2)
        .toList();
    if (across.size() < 2) {
      return withoutRules(ink, width, height);
    }
    int[] columns = vertical.stream().mapToInt(v -> (v[0] + v[1]) / 2).toArray();
    List<Integer> edges = new ArrayList<>();
    edges.add(top);
    across.forEach(h -> edges.add((h[2] + h[3]) / 2));
    edges.add(bottom);
    List<Band> bands = new ArrayList<>();
    for (int i = 0; i + 1 < edges.size(); i++) {
      int from = edges.get(i) + MAX_RULE_THICKNESS;
      int to = edges.get(i + 1) - MAX_RULE_THICKNESS;
      if (to <= from) {
        continue;
      }
      boolean[] crossed = new boolean[vertical.size()];
      for (int c = 0; c < vertical.size(); c++) {
        int[] v = vertical.get(c);
        int inked = 0;
        for (int y = from; y < to; y++) {
          for (int x = v[0]; x <= v[1]; x++) {
            if (ink[y * width + x]) {
              inked++;
              break;
            }
          }
        }
        crossed[c] = inked >= CROSSED * (to - from);
      }
      bands.add(new Band(edges.get(i), edges.get(i + 1), crossed));
    }
    if (bands.isEmpty()) {
      return withoutRules(ink, width, height);
    }
    for (int[] h : across) {
      paintWhite(raster, h[0], h[2] - 1, h[1], h[3] + 1);
    }
    // A rule is erased only where it crosses a band: across a merged cell the title's letters may
    // stand there.
    for (Band band : bands) {
      for (int c = 0; c < vertical.size(); c++) {
        if (band.crossed()[c]) {
          int[] v = vertical.get(c);
          paintWhite(raster, v[0] - 1, band.top(), v[1] + 1, band.bottom());
        }
      }
    }
    return new Rules(columns, bands, height, true);
  }

  /** Lines of ink lower than this, in pixels, are specks. */
  private static final int MIN_LINE_HEIGHT = 8;

  /**
   * A table without rules on the page image: its lines of ink (rows with ink, run together) cut into groups where the
   * gap is wide, then the same test as on words ({@link #table}): three lines or more of three groups or more sharing
   * two gutters. Its columns are the gutters' middles, and the whole table one band (its rows are told apart by their
   * numbers once read); null if the page has none.
   */
  private static Rules withoutRules(boolean[] ink, int width, int height) {
    List<int[]> bands = new ArrayList<>();
    int from = -1;
    for (int y = 0; y <= height; y++) {
      boolean inked = false;
      for (int x = 0; y < height && x < width && !inked; x++) {
        inked = ink[y * width + x];
      }
      if (inked && from < 0) {
        from = y;
      } else if (!inked && from >= 0) {
        if (y - from >= MIN_LINE_HEIGHT) {
          bands.add(new int[] {from, y});
        }
        from = -1;
      }
    }
    bands = accentsJoined(bands);
    if (bands.size() < MIN_TABLE_LINES) {
      return null;
    }
    int[] heights = bands.stream().mapToInt(b -> b[1] - b[0]).sorted().toArray();
    // A line of ink is taller than a word's box (the diacritics above, the descenders below): half
    // of it is a space.
    int gap = Math.max(1, heights[heights.length / 2] * 11 / 20);
    List<List<Word>> lines = new ArrayList<>();
    for (int[] band : bands) {
      List<Word> groups = new ArrayList<>();
      int start = -1;
      int last = -gap - 1;
      for (int x = 0; x < width; x++) {
        boolean inked = false;
        for (int y = band[0]; y < band[1] && !inked; y++) {
          inked = ink[y * width + x];
        }
        if (!inked) {
          continue;
        }
        if (x - last > gap) {
          if (start >= 0) {
            groups.add(new Word("", start, band[0], last + 1 - start, band[1] - band[0], ""));
          }
          start = x;
        }
        last = x;
      }
      if (start >= 0) {
        groups.add(new Word("", start, band[0], last + 1 - start, band[1] - band[0], ""));
      }
      lines.add(groups);
    }
    for (int i = 0; i < lines.size(); i++) {
      Table table = table(lines, i, gap);
      // Four columns or more: running text's "Điều 1.", "Điều 2." down a page line up in three.
      if (table == null || table.boundaries().length < 3) {
        continue;
      }
      List<Word> words =
          lines.subList(i, table.end()).stream().flatMap(List::stream).toList();
      int[] columns = new int[table.boundaries().length + 2];
      columns[0] = words.stream().mapToInt(Word::left).min().orElseThrow() - 1;
      System.arraycopy(table.boundaries(), 0, columns, 1, table.boundaries().length);
      columns[columns.length - 1] = words.stream().mapToInt(Word::right).max().orElseThrow() + 1;
      boolean[] crossed = new boolean[columns.length];
      Arrays.fill(crossed, true);
      int top = words.stream().mapToInt(Word::top).min().orElseThrow();
      int bottom = words.stream().mapToInt(w -> w.top() + w.height()).max().orElseThrow();
      return new Rules(columns, List.of(new Band(top - 1, bottom + 1, crossed)), height, false);
    }
    return null;
  }

  /** A line of ink lower than this share of the page's median line is a row of accents or dots, not a line. */
  private static final double ACCENT_ROW = 0.4;

  /**
   * The lines of ink as lines of text: a band much lower than the page's median line is a row of accents above
   * capitals (Ậ, Ể, Ả) or of dots below (ạ, ụ), cut off from its letters by a blank row of pixels, and is joined to the
   * nearer line. Left apart, a heading in capitals ("VĂN PHÒNG TRUNG ƯƠNG ĐẢNG") reads as lines of a few marks far
   * apart that line up like a table's cells.
   */
  static List<int[]> accentsJoined(List<int[]> bands) {
    if (bands.size() < 2) {
      return bands;
    }
    int[] heights = bands.stream().mapToInt(b -> b[1] - b[0]).sorted().toArray();
    double accentRow = heights[heights.length / 2] * ACCENT_ROW;
    List<int[]> lines = new ArrayList<>();
    int pendingTop = -1;
    for (int i = 0; i < bands.size(); i++) {
      int[] band = bands.get(i);
      boolean accents = band[1] - band[0] < accentRow;
      int top = pendingTop >= 0 ? pendingTop : band[0];
      pendingTop = -1;
      if (!accents) {
        lines.add(new int[] {top, band[1]});
        continue;
      }
      int before = lines.isEmpty() ? Integer.MAX_VALUE : band[0] - lines.get(lines.size() - 1)[1];
      int after = i + 1 < bands.size() ? bands.get(i + 1)[0] - band[1] : Integer.MAX_VALUE;
      if (before <= after && !lines.isEmpty()) {
        lines.get(lines.size() - 1)[1] = band[1];
      } else if (i + 1 < bands.size()) {
        pendingTop = top;
      } else {
        lines.add(new int[] {top, band[1]});
      }
    }
    return lines;
  }

  /** Blank space between the columns put apart, in pixels: Tesseract is not to join a column's last line to the next's. */
  private static final int APART = 100;

  /**
   * The page with the table's columns one under another, each at its own x, below the page (the first column stays in
   * place); a merged cell goes with the column it starts in. Read as one column of text (Tesseract's page segmentation
   * mode 4), a table's row is one line across its cells, and their wide gaps make it take the narrow spaces inside a
   * cell for none ("Các SởYtế", "Bộ Côngan"); apart, each line is a cell's. {@link #text} puts the words back.
   */
  static BufferedImage columnsApart(BufferedImage page, Rules rules) {
    int[] columns = rules.columns();
    int stride = rules.bottom() - rules.top() + APART;
    int height = page.getHeight() + Math.max(0, columns.length - 3) * stride;
    BufferedImage apart = new BufferedImage(page.getWidth(), height, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = apart.getRaster();
    paintWhite(raster, 0, 0, page.getWidth() - 1, height - 1);
    raster.setRect(page.getRaster());
    for (Band band : rules.rows()) {
      for (int c = 2; c + 1 < columns.length; c++) {
        if (!band.crossed()[c]) {
          continue;
        }
        int end = c + 1;
        while (end + 1 < columns.length && !band.crossed()[end]) {
          end++;
        }
        int w = columns[end] - columns[c];
        int h = band.bottom() - band.top();
        int[] cell = page.getRaster().getSamples(columns[c], band.top(), w, h, 0, (int[]) null);
        raster.setSamples(
            columns[c],
            page.getHeight() + (c - 2) * stride + band.top() - rules.top(),
            w,
            h,
            0,
            cell);
        paintWhite(raster, columns[c], band.top(), columns[end] - 1, band.bottom() - 1);
      }
    }
    return apart;
  }

  /** A word read on {@link #columnsApart}'s image, where it stands on the page. */
  private static Word onPage(Word word, Rules rules) {
    if (word.centreY() < rules.pageHeight()) {
      return word;
    }
    int stride = rules.bottom() - rules.top() + APART;
    int column = (word.centreY() - rules.pageHeight()) / stride;
    int shift = rules.pageHeight() + column * stride - rules.top();
    return new Word(
        word.text(), word.left(), word.top() - shift, word.width(), word.height(), word.line());
  }

  /**
   * Runs of ink at least {@code length} long along rows ({@code along}) or columns, merged with their neighbours
   * across into rules: {x0, x1, y0, y1}, in order across. Thicker than {@link #MAX_RULE_THICKNESS} is not a rule.
   */
  private static List<int[]> segments(
      boolean[] ink, int width, int height, boolean along, int length) {
    int lines = along ? height : width;
    int span = along ? width : height;
    List<int[]> rules = new ArrayList<>();
    int[] open = null;
    for (int i = 0; i < lines; i++) {
      int bestFrom = -1;
      int bestTo = -1;
      int from = -1;
      int last = -RULE_GAP - 2;
      for (int j = 0; j < span; j++) {
        boolean dark = along ? ink[i * width + j] : ink[j * width + i];
        if (!dark) {
          continue;
        }
        if (j - last > RULE_GAP + 1) {
          from = j;
        }
        last = j;
        if (last - from > bestTo - bestFrom) {
          bestFrom = from;
          bestTo = last;
        }
      }
      boolean found = bestFrom >= 0 && bestTo - bestFrom + 1 >= length;
      if (found && open != null && open[5] == i - 1 && bestFrom <= open[1] && bestTo >= open[0]) {
        open[0] = Math.min(open[0], bestFrom);
        open[1] = Math.max(open[1], bestTo);
        open[5] = i;
      } else {
        if (open != null) {
          rules.add(open);
        }
        open = found ? new int[] {bestFrom, bestTo, i, i, 0, i} : null;
      }
    }
    if (open != null) {
      rules.add(open);
    }
    return rules.stream()
        .filter(r -> r[5] - r[2] + 1 <= MAX_RULE_THICKNESS)
        .map(r -> along ? new int[] {r[0], r[1], r[2], r[5]} : new int[] {r[2], r[5], r[0], r[1]})
        .toList();
  }

  private static void paintWhite(WritableRaster raster, int x0, int y0, int x1, int y1) {
    int fromX = Math.max(0, x0);
    int fromY = Math.max(0, y0);
    int toX = Math.min(raster.getWidth() - 1, x1);
    int toY = Math.min(raster.getHeight() - 1, y1);
    if (toX < fromX || toY < fromY) {
      return;
    }
    int[] white = new int[(toX - fromX + 1) * (toY - fromY + 1)];
    Arrays.fill(white, 255);
    for (int band = 0; band < raster.getNumBands(); band++) {
      raster.setSamples(fromX, fromY, toX - fromX + 1, toY - fromY + 1, band, white);
    }
  }

  /** The words of Tesseract's TSV output (level 5 rows), in its reading order; blank boxes (rules, specks) left out. */
  static List<Word> words(String tsv) {
    List<Word> words = new ArrayList<>();
    for (String row : tsv.split("\\R")) {
      String[] f = row.split("\t", -1);
      if (f.length < 12 || !f[0].equals("5") || f[11].isBlank()) {
        continue;
      }
      words.add(new Word(
          f[11].strip(),
          Integer.parseInt(f[6]),
          Integer.parseInt(f[7]),
          Integer.parseInt(f[8]),
          Integer.parseInt(f[9]),
          f[1] + "." + f[2] + "." + f[3] + "." + f[4]));
    }
    return words;
  }

  /**
   * The page's text: Tesseract's lines, and the table's rows (of the table found in the image, with rules or without,
   * else of one found from the words) as tab-separated lines.
   */
  static String text(List<Word> words, Rules rules) {
    Map<String, List<Word>> lines = new LinkedHashMap<>();
    words.stream()
        .map(w -> rules == null ? w : onPage(w, rules))
        .forEach(w -> lines.computeIfAbsent(w.line(), k -> new ArrayList<>()).add(w));
    List<List<Word>> ordered = new ArrayList<>(lines.values());
    return rules != null ? fromImage(ordered, rules) : unruled(ordered, words);
  }

  private static String fromImage(List<List<Word>> lines, Rules rules) {
    int[] columns = rules.columns();
    List<Word> inTable = new ArrayList<>();
    List<String> above = new ArrayList<>();
    List<String> below = new ArrayList<>();
    for (List<Word> line : lines) {
      List<Word> outside = new ArrayList<>();
      for (Word word : line) {
        boolean in = word.centreY() > rules.top()
            && word.centreY() < rules.bottom()
            && word.centreX() > columns[0]
            && word.centreX() < columns[columns.length - 1];
        (in ? inTable : outside).add(word);
      }
      if (!outside.isEmpty()) {
        (middle(outside) < rules.top() ? above : below).add(joined(outside));
      }
    }
    List<String> text = new ArrayList<>(above);
    if (!rules.ruled()) {
      // No rules: the columns found in the image, the rows told apart by their numbers.
      int[] boundaries = Arrays.copyOfRange(columns, 1, columns.length - 1);
      text.addAll(new Table(0, boundaries).rows(visualLines(inTable)));
      text.addAll(below);
      return String.join("\n", text);
    }
    for (Band band : rules.rows()) {
      List<List<Word>> cells = new ArrayList<>();
      for (int c = 0; c + 1 < columns.length; c++) {
        cells.add(new ArrayList<>());
      }
      for (Word word : inTable) {
        if (word.centreY() <= band.top() || word.centreY() >= band.bottom()) {
          continue;
        }
        int c = 0;
        while (c + 2 < columns.length && columns[c + 1] <= word.centreX()) {
          c++;
        }
        // A cell merged across a missing rule is read as the column where it starts.
        while (c > 0 && !band.crossed()[c]) {
          c--;
        }
        cells.get(c).add(word);
      }
      String row = row(cells);
      if (!row.isBlank()) {
        text.add(row);
      }
    }
    text.addAll(below);
    return String.join("\n", text);
  }

  /** Minimum lines with three cells or more a table without rules needs, so that a page's layout is not one. */
  private static final int MIN_TABLE_LINES = 3;

  private static String unruled(List<List<Word>> lines, List<Word> words) {
    if (words.isEmpty()) {
      return "";
    }
    int[] heights = words.stream().mapToInt(Word::height).sorted().toArray();
    // Words in a line are at most about half a word's height apart (15-25 px at 300 dpi); a
    // column's gutter is wider.
    int gap = Math.max(1, heights[heights.length / 2] * 7 / 10);
    // Tesseract may read a table's columns as blocks of their own: the lines across the page are
    // rebuilt from the words.
    List<List<Word>> sorted = visualLines(words);
    List<String> text = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      Table table = table(sorted, i, gap);
      if (table == null) {
        text.add(joined(sorted.get(i)));
        i++;
        continue;
      }
      text.addAll(table.rows(sorted.subList(i, table.end())));
      i = table.end();
    }
    // No table: Tesseract's own line order, as its text output gives it.
    if (text.stream().noneMatch(l -> l.indexOf('\t') >= 0)) {
      return String.join("\n", lines.stream().map(TableScan::joined).toList());
    }
    return String.join("\n", text);
  }

  /** The words in lines across the page, top to bottom: a word within half its height of a line's first is on it. */
  private static List<List<Word>> visualLines(List<Word> words) {
    List<Word> byY =
        words.stream().sorted(Comparator.comparingInt(Word::centreY)).toList();
    List<List<Word>> lines = new ArrayList<>();
    for (Word word : byY) {
      List<Word> last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
      if (last == null || word.centreY() - last.get(0).centreY() > word.height() / 2) {
        lines.add(new ArrayList<>(List.of(word)));
      } else {
        last.add(word);
      }
    }
    lines.forEach(line -> line.sort(Comparator.comparingInt(Word::left)));
    return lines;
  }

  /** A table found from the lines' words: the lines it spans, from the first, and its column boundaries. */
  private record Table(int end, int[] boundaries) {

    /** The rows: a row starts at a line with text in the first column; lines before the first belong to it. */
    List<String> rows(List<List<Word>> lines) {
      List<String> rows = new ArrayList<>();
      List<List<Word>> cells = null;
      List<Word> pending = new ArrayList<>();
      for (List<Word> line : lines) {
        List<List<Word>> split = new ArrayList<>();
        for (int c = 0; c <= boundaries.length; c++) {
          split.add(new ArrayList<>());
        }
        for (Word word : line) {
          int c = 0;
          while (c < boundaries.length && boundaries[c] <= word.centreX()) {
            c++;
          }
          split.get(c).add(word);
        }
        if (split.get(0).isEmpty()) {
          if (cells == null) {
            pending.addAll(line);
          } else {
            for (int c = 0; c < split.size(); c++) {
              cells.get(c).addAll(split.get(c));
            }
          }
          continue;
        }
        if (cells != null) {
          rows.add(row(cells));
        }
        cells = split;
        for (Word word : pending) {
          int c = 0;
          while (c < boundaries.length && boundaries[c] <= word.centreX()) {
            c++;
          }
          cells.get(c).add(word);
        }
        pending.clear();
      }
      if (cells != null) {
        rows.add(row(cells));
      }
      return rows;
    }
  }

  /**
   * The table starting at line {@code from}, if one does: lines with three or more cells (word groups {@code gap}
   * apart) sharing at least two gutters, and the lines between and just after them that cross at most one gutter (a
   * cell's text wrapped, a group's title) and follow closely (a page number at the foot is no cell).
   */
  private static Table table(List<List<Word>> lines, int from, int gap) {
    if (clusters(lines.get(from), gap) < 3) {
      return null;
    }
    List<List<Word>> structure = new ArrayList<>();
    structure.add(lines.get(from));
    int[] gutters = gutters(structure, gap);
    int end = from + 1;
    int structural = 1;
    for (int j = from + 1; j < lines.size(); j++) {
      List<Word> line = lines.get(j);
      if (clusters(line, gap) >= 3) {
        structure.add(line);
        int[] narrowed = gutters(structure, gap);
        if (narrowed.length / 2 < 2) {
          structure.remove(structure.size() - 1);
          break;
        }
        gutters = narrowed;
        structural++;
        end = j + 1;
      } else if (crossed(line, gutters) <= 1 && top(line) - bottom(lines.get(end - 1)) <= 3 * gap) {
        end = j + 1;
      } else {
        break;
      }
    }
    if (structural < MIN_TABLE_LINES || gutters.length / 2 < 2) {
      return null;
    }
    int[] boundaries = new int[gutters.length / 2];
    for (int g = 0; g < boundaries.length; g++) {
      boundaries[g] = (gutters[2 * g] + gutters[2 * g + 1]) / 2;
    }
    return new Table(end, boundaries);
  }

  private static int top(List<Word> line) {
    return line.stream().mapToInt(Word::top).min().orElse(0);
  }

  private static int bottom(List<Word> line) {
    return line.stream().mapToInt(w -> w.top() + w.height()).max().orElse(0);
  }

  /** How many groups of words a line has, {@code gap} or more apart. */
  private static int clusters(List<Word> line, int gap) {
    List<Word> byX = line.stream().sorted(Comparator.comparingInt(Word::left)).toList();
    int clusters = byX.isEmpty() ? 0 : 1;
    int right = byX.isEmpty() ? 0 : byX.get(0).right();
    for (Word word : byX) {
      if (word.left() - right >= gap) {
        clusters++;
      }
      right = Math.max(right, word.right());
    }
    return clusters;
  }

  /** The x ranges, at least {@code gap} wide, no word of the lines covers between their leftmost and rightmost word. */
  private static int[] gutters(List<List<Word>> lines, int gap) {
    int left = Integer.MAX_VALUE;
    int right = 0;
    for (List<Word> line : lines) {
      for (Word word : line) {
        left = Math.min(left, word.left());
        right = Math.max(right, word.right());
      }
    }
    boolean[] covered = new boolean[Math.max(0, right - left)];
    for (List<Word> line : lines) {
      for (Word word : line) {
        Arrays.fill(covered, word.left() - left, word.right() - left, true);
      }
    }
    List<Integer> gutters = new ArrayList<>();
    for (int x = 0; x < covered.length; ) {
      if (covered[x]) {
        x++;
        continue;
      }
      int start = x;
      while (x < covered.length && !covered[x]) {
        x++;
      }
      if (x - start >= gap) {
        gutters.add(left + start);
        gutters.add(left + x);
      }
    }
    return gutters.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * How many of the gutters the line fills, half their width or more: a line of running text fills them all, a wrapped
   * cell's centred line may reach into one.
   */
  private static int crossed(List<Word> line, int[] gutters) {
    int crossed = 0;
    for (int g = 0; g + 1 < gutters.length; g += 2) {
      int from = gutters[g];
      int to = gutters[g + 1];
      int filled = line.stream()
          .mapToInt(w -> Math.max(0, Math.min(to, w.right()) - Math.max(from, w.left())))
          .sum();
      if (2 * filled >= to - from) {
        crossed++;
      }
    }
    return crossed;
  }

  /** A row's cells, each its words in reading order, separated by tabs; the number cell freed of OCR's specks. */
  private static String row(List<List<Word>> cells) {
    List<String> texts = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      String text = reading(cells.get(c));
      texts.add(c == 0 ? number(text) : text);
    }
    return String.join("\t", texts);
  }

  /** A row's number as written: "II:" is "II", "2_" is "2", and a group's numeral I read as "|" or "l" is I. */
  private static String number(String cell) {
    String number = ROMAN_MISREAD.matcher(cell).matches() ? cell.replaceAll("[l|]", "I") : cell;
    return NUMBER_NOISE.matcher(number).replaceAll("");
  }

  /** A cell's words line by line, top to bottom, each line left to right; specks left out. */
  private static String reading(List<Word> cell) {
    List<Word> words =
        cell.stream().filter(w -> !NOISE.matcher(w.text()).matches()).toList();
    return String.join(" ", visualLines(words).stream().map(TableScan::joined).toList())
        .strip();
  }

  private static String joined(List<Word> line) {
    return String.join(" ", line.stream().map(Word::text).toList());
  }

  private static int middle(List<Word> line) {
    return (int) line.stream().mapToInt(Word::centreY).average().orElse(0);
  }
}
