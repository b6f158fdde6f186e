package vn.dondoc.app.directives;

/** Edits (insertions, deletions, substitutions) per character of the reference, over text with its spacing normalised. */
final class CharacterErrorRate {

  static double of(String reference, String recognised) {
    String a = normalise(reference);
    String b = normalise(recognised);
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return a.isEmpty() ? 0 : (double) previous[b.length()] / a.length();
  }

  private static String normalise(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)
        .replace("**", "")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private CharacterErrorRate() {}
}
