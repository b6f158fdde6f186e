package vn.dondoc.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns Elasticsearch's highlight fragments into what a page can show: HTML-escaped text with the
 * matches in {@code <em>…</em>}. Elasticsearch marks matches with {@link #PRE}/{@link #POST} (characters
 * no case text contains), so that escaping the text cannot break the tags.
 *
 * <p>Fragments of a folded field ({@code title_folded}) are in folded text: lower case, no diacritics.
 * Folding keeps the length of Vietnamese text written precomposed (NFC, what browsers send), one
 * character for one, so such a fragment is found in the folded original and given back the original's
 * characters. Where that fails (decomposed input, a fragment not found), the unfolded field's fragments
 * are used instead, or as a last resort the folded fragment as it is.
 */
public final class Highlights {

  /** Marks the start of a match in Elasticsearch's fragments. */
  public static final String PRE = "\uE000";
  /** Marks the end of a match. */
  public static final String POST = "\uE001";

  private Highlights() {}

  /**
   * The fragments to show for one field of one document.
   *
   * @param original the field's text as stored (with diacritics)
   * @param folded fragments of the folded field, marked with PRE/POST; may be empty
   * @param unfolded fragments of the original field, marked with PRE/POST; may be empty
   */
  public static List<String> choose(String original, List<String> folded, List<String> unfolded) {
    List<String> restored = new ArrayList<>();
    for (String fragment : folded) {
      String back = restore(fragment, original);
      if (back == null) {
        restored = null;
        break;
      }
      restored.add(back);
    }
    if (restored != null && !restored.isEmpty()) {
      return restored.stream().map(Highlights::toHtml).toList();
    }
    if (!unfolded.isEmpty()) {
      return unfolded.stream().map(Highlights::toHtml).toList();
    }
    return folded.stream().map(Highlights::toHtml).toList();
  }

  /**
   * The folded fragment with the original's characters in place of the folded ones, marks kept; null
   * if the fragment cannot be placed in the original.
   */
  static String restore(String fragment, String original) {
    if (original == null || original.isEmpty()) {
      return null;
    }
    String foldedOriginal = VietnameseFolding.fold(original);
    if (foldedOriginal.length() != original.length()) {
      return null;
    }
    String plain = fragment.replace(PRE, "").replace(POST, "");
    int start = foldedOriginal.indexOf(plain);
    if (start < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(fragment.length());
    int at = start;
    for (int i = 0; i < fragment.length(); i++) {
      char c = fragment.charAt(i);
      if (c == PRE.charAt(0) || c == POST.charAt(0)) {
        out.append(c);
      } else {
        out.append(original.charAt(at++));
      }
    }
    return out.toString();
  }

  private static final java.util.regex.Pattern ADJACENT =
      java.util.regex.Pattern.compile(POST + "(\\s+)" + PRE);

  /**
   * HTML-escapes the text and turns the marks into {@code <em>} tags; words marked one after the other
   * (a phrase) become one mark.
   */
  static String toHtml(String fragment) {
    String marked = ADJACENT.matcher(fragment).replaceAll("$1");
    StringBuilder html = new StringBuilder(marked.length() + 16);
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      switch (c) {
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '&' -> html.append("&amp;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        case '\uE000' -> html.append("<em>");
        case '\uE001' -> html.append("</em>");
        default -> html.append(c);
      }
    }
    return html.toString();
  }
}
