package vn.dondoc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Marked sections of docs/PERFORMANCE.md that one bench script owns, {@code <!-- name -->…<!-- /name -->}: a
 * script replaces its own section, and bench/run, which writes the rest of the file anew, keeps them.
 */
final class Sections {

  private Sections() {}

  static String begin(String name) {
    return "<!-- " + name + " -->";
  }

  static String end(String name) {
    return "<!-- /" + name + " -->";
  }

  /** The whole marked section, markers included, or "" when the text has none. */
  static String find(String text, String name) {
    int begin = text.indexOf(begin(name));
    int end = text.indexOf(end(name), Math.max(0, begin));
    return begin < 0 || end < 0 ? "" : text.substring(begin, end + end(name).length());
  }

  /** Replaces the section in the file, or adds it before the hand-written notes (or at the end). */
  static void replace(Path file, String name, String body) throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    String section = begin(name) + "\n" + body.strip() + "\n" + end(name);
    String old = find(text, name);
    if (!old.isEmpty()) {
      text = text.replace(old, section);
    } else {
      int notes = text.indexOf(Bench.NOTES);
      text = notes >= 0
          ? text.substring(0, notes) + section + "\n\n" + text.substring(notes)
          : text.stripTrailing() + "\n\n" + section + "\n";
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Replaces the summary table's row that starts with {@code rowStart} (bench/run writes it; the script fills it in). */
  static void replaceRow(Path file, String rowStart, String row) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    text = text.lines()
            .map(line -> line.startsWith(rowStart) ? row : line)
            .reduce((a, b) -> a + "\n" + b)
            .orElse("")
        + "\n";
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** A run's figures, {@code dir/name.properties}, as the phases of a bench script wrote them. */
  static Properties load(Path dir, String name) throws IOException {
    Properties p = new Properties();
    try (var reader =
        Files.newBufferedReader(dir.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    return p;
  }
}
