package vn.dondoc.app.directives;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns OCR'd pages into the text of the document: page numbers and the headers and footers repeated on
 * the pages removed, item markers OCR misreads mended, a paragraph cut by a page break joined, and text so damaged that Vietnamese
 * diacritics are mostly lost recognised as such rather than parsed into confident nonsense.
 */
final class OcrCleanup {

  /** "- 3 -", "3", "Trang 3/12". */
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "^\\s*(?:[-–]\\s*)?(?:Trang\\s+)?\\d{1,3}(?:\\s*/\\s*\\d{1,3})?(?:\\s*[-–])?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Lines at the top or bottom of a page seen on this share of the pages are running headers or footers. */
  private static final double REPEATED_SHARE = 0.5;

  private static final int EDGE_LINES = 2;
  /**
   * In Vietnamese prose well over a third of the letters-only words carry a diacritic or đ; OCR that lost
   * them leaves far fewer. Below this share the text is reported as unreadable.
   */
  static final double MIN_DIACRITIC_WORD_SHARE = 0.2;

  private static final int MIN_WORDS_TO_JUDGE = 30;

  /**
   * Item markers as OCR misreads them: "5," for "5.", "¡)" or "!)" for "i)", "(¡)" for "(i)". A misread
   * marker would renumber every item after it.
   */
  private static final Pattern NUMBER_WITH_COMMA = Pattern.compile("^(\\d{1,2}),\\s+(?=\\p{Lu})");

  private static final Pattern LETTER_I = Pattern.compile("^[¡!|]\\)\\s");
  /** "|. VỀ CÁC NHIỆM VỤ": the section numeral I read as a bar or a small L. */
  private static final Pattern ROMAN_ONE = Pattern.compile("^[|l]\\.\\s+(?=\\p{Lu})");

  private static final Pattern ROMAN_PART = Pattern.compile("\\(([ivx]*¡[ivx¡]*)\\)");
  /** "quý l năm 2027", "quý Il/2026": the quarter's I read as a small L; a quarter misread would move its deadline. */
  private static final Pattern QUARTER_WITH_L = Pattern.compile(
      "(?<=quý )(?=[IlV]*l)([IlV]{1,3})(?=\\s*(?:/|năm\\s))",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private OcrCleanup() {}

  /** The document's text from its pages' OCR text. */
  static String text(List<String> pages) {
    List<List<String>> lines = new ArrayList<>();
    for (String page : pages) {
      lines.add(new ArrayList<>(page.lines()
          .filter(l -> !l.isBlank())
          // A table row's tabs stay: an empty first cell is still a cell.
          .map(l -> l.indexOf('\t') >= 0 ? l : l.strip())
          .toList()));
    }
    Map<String, Integer> edges = new HashMap<>();
    for (List<String> page : lines) {
      edgeLines(page).stream()
          .map(OcrCleanup::key)
          .distinct()
          .forEach(k -> edges.merge(k, 1, Integer::sum));
    }
    StringBuilder text = new StringBuilder();
    int group = 0;
    for (List<String> page : lines) {
      List<String> edge = edgeLines(page);
      List<String> kept = page.stream()
          .filter(line -> !PAGE_NUMBER.matcher(line).matches())
          .filter(line -> !(edge.contains(line)
              && pages.size() > 1
              && edges.getOrDefault(key(line), 0) >= Math.max(2, REPEATED_SHARE * pages.size())))
          .toList();
      for (int i = 0; i < kept.size(); i++) {
        String line = kept.get(i);
        // A table row's number cell is mended where its cells are found (TableScan).
        if (line.indexOf('\t') < 0) {
          line = LETTER_I
              .matcher(NUMBER_WITH_COMMA.matcher(line).replaceFirst("$1. "))
              .replaceFirst("i) ");
          line = ROMAN_ONE.matcher(line).replaceFirst("I. ");
        }
        line = ROMAN_PART.matcher(line).replaceAll(m -> "(" + m.group(1).replace('¡', 'i') + ")");
        if (line.indexOf('\t') < 0) {
          group = 0;
        } else {
          String[] cells = line.split("\t", -1);
          int numeral = groupNumeral(cells);
          if (numeral > 0) {
            // "III" read as "II" (a stroke lost): a table's group numeral repeated is the next one.
            group = numeral == group ? group + 1 : numeral;
            cells[0] = roman(group);
            line = String.join("\t", cells);
          }
        }
        line = QUARTER_WITH_L.matcher(line).replaceAll(m -> m.group(1).replace('l', 'I'));
        // A page that ends mid-sentence continues on the next: join rather than start a new line.
        boolean firstOfPage = i == 0 && !text.isEmpty();
        boolean continues = firstOfPage
            && !endsSentence(text)
            && !line.isEmpty()
            && Character.isLowerCase(line.codePointAt(0));
        if (!text.isEmpty()) {
          text.append(continues ? " " : "\n");
        }
        text.append(line);
      }
    }
    return text.toString();
  }

  private static final Pattern ROMAN = Pattern.compile("X{0,3}(IX|IV|V?I{0,3})");

  /** A table's group row ("III | NGUỒN LỰC", no other cell): its numeral's value; 0 for any other row. */
  private static int groupNumeral(String[] cells) {
    boolean group = cells.length >= 2
        && !cells[0].isEmpty()
        && ROMAN.matcher(cells[0]).matches()
        && java.util.Arrays.stream(cells, 2, cells.length).allMatch(String::isBlank);
    if (!group) {
      return 0;
    }
    String numeral = cells[0];
    int value = 0;
    for (int i = 0; i < numeral.length(); i++) {
      int digit = digit(numeral.charAt(i));
      int next = i + 1 < numeral.length() ? digit(numeral.charAt(i + 1)) : 0;
      value += digit < next ? -digit : digit;
    }
    return value;
  }

  private static int digit(char numeral) {
    return numeral == 'I' ? 1 : numeral == 'V' ? 5 : 10;
  }

  private static String roman(int value) {
    String[] ones = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    return "X".repeat(value / 10) + ones[value % 10];
  }

  /** Whether the text looks like Vietnamese with its diacritics; too few words to tell counts as readable. */
  static boolean readable(String text) {
    String[] words = Normalizer.normalize(text, Normalizer.Form.NFC).split("[^\\p{L}]+");
    int letterWords = 0;
    int withDiacritic = 0;
    for (String word : words) {
      if (word.length() < 2) {
        continue;
      }
      letterWords++;
      String bare = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      if (!bare.equals(word) || word.indexOf('đ') >= 0 || word.indexOf('Đ') >= 0) {
        withDiacritic++;
      }
    }
    return letterWords < MIN_WORDS_TO_JUDGE
        || (double) withDiacritic / letterWords >= MIN_DIACRITIC_WORD_SHARE;
  }

  private static List<String> edgeLines(List<String> page) {
    List<String> edge = new ArrayList<>(page.subList(0, Math.min(EDGE_LINES, page.size())));
    edge.addAll(page.subList(Math.max(0, page.size() - EDGE_LINES), page.size()));
    return edge;
  }

  /** Headers differ only by the page number in them. */
  private static String key(String line) {
    return line.replaceAll("\\d+", "#").toLowerCase();
  }

  private static boolean endsSentence(CharSequence text) {
    char last = text.charAt(text.length() - 1);
    return ".;:!?".indexOf(last) >= 0;
  }
}
