package vn.dondoc.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds Vietnamese text to lower-case ASCII so that "thu tuc hanh chinh" finds "thủ tục hành chính".
 * Done in Java because the Elasticsearch we run locally has no asciifolding filter; the same folded
 * fields work unchanged on a full distribution.
 */
public final class VietnameseFolding {

  private VietnameseFolding() {}

  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    // đ/Đ is a letter of its own, not d with a combining mark, so NFD leaves it alone.
    String withoutDStroke = text.replace('đ', 'd').replace('Đ', 'D');
    String decomposed = Normalizer.normalize(withoutDStroke, Normalizer.Form.NFD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        folded.append(c);
      }
    }
    return folded.toString().toLowerCase(Locale.ROOT);
  }
}
