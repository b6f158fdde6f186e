package vn.dondoc.app.directives;

import java.util.Arrays;
import java.util.List;
import vn.dondoc.app.agencies.Agency;
import vn.dondoc.app.agencies.ReferenceDataSeed;

/** The agency table as the seed file fills it, for tests that need no database. */
final class SeedAgencies {

  static List<Agency> all() {
    return ReferenceDataSeed.rows("/db/seed/agencies.csv").stream()
        .map(row -> new Agency(
            row.get(0),
            row.get(1),
            row.get(2),
            row.get(3),
            row.size() > 4 && !row.get(4).isBlank()
                ? Arrays.asList(row.get(4).split("\\|"))
                : List.of()))
        .toList();
  }

  static AgencyMatcher matcher() {
    return new AgencyMatcher(all());
  }

  private SeedAgencies() {}
}
