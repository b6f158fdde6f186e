package vn.dondoc.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The key=value files the steps of a bench script leave behind, read together for its report. */
final class RunProperties {

  private final Properties p = new Properties();

  /** Reads {@code dir/<name>.properties} for each name that exists. */
  static RunProperties read(Path dir, String... names) throws IOException {
    RunProperties run = new RunProperties();
    for (String name : names) {
      Path file = dir.resolve(name + ".properties");
      if (Files.exists(file)) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          run.p.load(reader);
        }
      }
    }
    return run;
  }

  String s(String key) {
    return p.getProperty(key, "");
  }

  /** The number, or NaN when missing or not a number ("null", "NaN"). */
  double d(String key) {
    try {
      return Double.parseDouble(p.getProperty(key, "NaN"));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  boolean has(String key) {
    return p.containsKey(key);
  }

  Iterable<String> keys() {
    return p.stringPropertyNames();
  }
}
