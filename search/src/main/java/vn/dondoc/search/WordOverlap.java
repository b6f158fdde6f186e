package vn.dondoc.search;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How much two texts have in common, as near-duplicate detection measures it: the Jaccard index of their sets of
 * folded words (the words both have, over the words either has). Word order and repetition do not count, nor do
 * diacritics or case, so an item sent again without accents or with a sentence left out stays close to the first.
 */
public final class WordOverlap {

  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private WordOverlap() {}

  /** The distinct folded words of {@code text}. */
  public static Set<String> words(String text) {
    if (text == null || text.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(NOT_A_WORD.split(VietnameseFolding.fold(text)))
        .filter(word -> !word.isEmpty())
        .collect(Collectors.toSet());
  }

  /** The Jaccard index of two word sets: 1 for the same words, 0 for none in common (or two empty sets). */
  public static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    Set<String> smaller = a.size() <= b.size() ? a : b;
    Set<String> larger = smaller == a ? b : a;
    long shared = smaller.stream().filter(larger::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }

  /** The Jaccard index of the words of two texts. */
  public static double of(String a, String b) {
    return jaccard(words(a), words(b));
  }
}
