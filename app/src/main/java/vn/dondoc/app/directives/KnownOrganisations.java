package vn.dondoc.app.directives;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.dondoc.app.agencies.ReferenceDataSeed;

/**
 * Organisations directives name that the agency table may not hold: the Party's central bodies, the
 * State's other bodies, the national academies and universities (directives/organisations.txt), and the
 * 34 provinces and cities with their people's committees and Party committees, spelled the ways
 * directives spell them (from the locality seed). The reader recognises them as organisations, so a name
 * missing from the table is flagged whole rather than cut short or dropped.
 */
final class KnownOrganisations {

  private static final List<List<String>> CATALOGUE = load();

  /** Each organisation's names, its own name first. */
  static List<List<String>> catalogue() {
    return CATALOGUE;
  }

  private static List<List<String>> load() {
    List<List<String>> organisations = new ArrayList<>();
    try (InputStream in =
        KnownOrganisations.class.getResourceAsStream("/directives/organisations.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          organisations.add(Arrays.stream(line.split("\\|")).map(String::strip).toList());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (List<String> locality : ReferenceDataSeed.rows("/db/seed/localities.csv")) {
      String name = locality.get(1);
      boolean city = name.startsWith("Thành phố ");
      boolean province = name.startsWith("Tỉnh ");
      if (!city && !province) {
        continue;
      }
      String place = name.substring((city ? "Thành phố " : "Tỉnh ").length());
      String level = city ? "thành phố" : "tỉnh";
      List<String> names = new ArrayList<>(List.of(
          name,
          "Ủy ban nhân dân " + level + " " + place,
          "Uỷ ban nhân dân " + level + " " + place,
          "UBND " + level + " " + place,
          "UBND " + place));
      if (city) {
        names.addAll(
            List.of("TP " + place, "TP. " + place, "UBND TP " + place, "UBND TP. " + place));
      }
      organisations.add(names);
      String committee = city ? "Thành ủy " : "Tỉnh ủy ";
      String committeeOldSpelling = city ? "Thành uỷ " : "Tỉnh uỷ ";
      organisations.add(List.of(
          committee + place, committeeOldSpelling + place, "Ban Thường vụ " + committee + place));
    }
    return List.copyOf(organisations);
  }

  private KnownOrganisations() {}
}
