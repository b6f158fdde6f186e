package vn.dondoc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Vietnamese sentences taken from the source documents (the Resolution 57 directives and conclusions
 * in {@code ../shared/sources}), read at run time: the texts are not part of this repository.
 */
public final class Corpus {

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.;:!?])\\s+|\\n+");
  private static final Pattern MARKUP = Pattern.compile("[*#_|>`]+|\\.{3,}|…+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final List<String> sentences;

  Corpus(List<String> sentences) {
    if (sentences.isEmpty()) {
      throw new IllegalArgumentException("no usable sentences in the sources");
    }
    this.sentences = List.copyOf(sentences);
  }

  /** The sentences of every {@code *.txt} under {@code dir}, in file-name order (so a seed gives the same cases). */
  public static Corpus read(Path dir) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing
          .filter(p -> p.getFileName().toString().endsWith(".txt"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the sources in " + dir, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no *.txt sources in " + dir);
    }
    List<String> sentences = new ArrayList<>();
    for (Path file : files) {
      try {
        sentences.addAll(sentencesOf(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return new Corpus(sentences);
  }

  /** Sentences of 6 to 80 words, markup and dotted blanks removed, spaces collapsed. */
  static List<String> sentencesOf(String text) {
    List<String> result = new ArrayList<>();
    for (String raw : SENTENCE_END.split(text)) {
      String clean =
          SPACES.matcher(MARKUP.matcher(raw).replaceAll(" ")).replaceAll(" ").trim();
      int words = clean.isEmpty() ? 0 : clean.split(" ").length;
      if (words >= 6 && words <= 80 && clean.chars().anyMatch(Character::isLowerCase)) {
        result.add(clean);
      }
    }
    return result;
  }

  public int size() {
    return sentences.size();
  }

  public String sentence(int i) {
    return sentences.get(Math.floorMod(i, sentences.size()));
  }
}
