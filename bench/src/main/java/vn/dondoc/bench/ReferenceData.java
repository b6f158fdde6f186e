package vn.dondoc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The app's seed data (agencies, localities), read from the repository at run time. */
final class ReferenceData {

  private static final String SEED = "app/src/main/resources/db/seed/";

  private ReferenceData() {}

  static List<String> agencyCodes(Path repo) {
    return firstColumn(repo.resolve(SEED + "agencies.csv"));
  }

  static List<String> localityCodes(Path repo) {
    return firstColumn(repo.resolve(SEED + "localities.csv"));
  }

  /** The first column of a CSV file with a header; codes never contain commas or quotes. */
  static List<String> firstColumn(Path csv) {
    try {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      List<String> codes = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          codes.add(line.substring(0, line.indexOf(',')).trim());
        }
      }
      return codes;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + csv + " (run from the repository root or pass --repo)", e);
    }
  }
}
