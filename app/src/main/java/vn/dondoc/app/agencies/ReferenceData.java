package vn.dondoc.app.agencies;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agencies and localities: data, not code, seeded from db/seed/*.csv by {@link ReferenceDataSeed}. */
@Repository
public class ReferenceData {

  private final JdbcClient jdbc;

  public ReferenceData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The agencies in service (not deactivated nor merged into another), the ones work may be given to. */
  public List<Agency> agencies() {
    return jdbc.sql(
            "select code, name, short_name, kind, aliases from agency where active order by kind, name")
        .query((rs, n) -> new Agency(
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("short_name"),
            rs.getString("kind"),
            List.of((String[]) rs.getArray("aliases").getArray())))
        .list();
  }

  /** Whether the agency is in service (a deactivated or merged one keeps its name for what it did). */
  public boolean agencyExists(String code) {
    return jdbc.sql("select count(*) from agency where code = ? and active")
            .param(code)
            .query(Integer.class)
            .single()
        > 0;
  }

  public Optional<String> agencyName(String code) {
    return jdbc.sql("select name from agency where code = ?")
        .param(code)
        .query(String.class)
        .optional();
  }

  /** A province-level locality (or {@code national}), as the public chooses it on the feedback form. */
  public record Locality(String code, String name) {}

  /** {@code national} first, then the provinces and cities by name. */
  public List<Locality> localities() {
    return jdbc.sql("select code, name from locality order by code <> 'national', name")
        .query((rs, n) -> new Locality(rs.getString("code"), rs.getString("name")))
        .list();
  }

  public Optional<String> localityName(String code) {
    return jdbc.sql("select name from locality where code = ?")
        .param(code)
        .query(String.class)
        .optional();
  }
}
