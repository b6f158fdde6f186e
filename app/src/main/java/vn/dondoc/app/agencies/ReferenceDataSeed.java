package vn.dondoc.app.agencies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Repeatable Flyway migration that loads agencies and localities from db/seed/*.csv. Its checksum is the files'
 * checksum, so editing a CSV re-runs it on the next start. Agencies are the administrators' once loaded
 * (/quan-tri/co-quan): the seed only adds new agencies and aliases it newly lists ({@link #seed}). Rows are never
 * deleted here: cases keep referring to an agency even after it is merged away.
 */
@Component
public class ReferenceDataSeed implements JavaMigration {

  static final String AGENCIES = "/db/seed/agencies.csv";
  static final String LOCALITIES = "/db/seed/localities.csv";

  @Override
  public MigrationVersion getVersion() {
    return null;
  }

  @Override
  public String getDescription() {
    return "agencies and localities";
  }

  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(read(AGENCIES));
    crc.update(read(LOCALITIES));
    return (int) crc.getValue();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    seed(context.getConnection(), rows(AGENCIES), rows(LOCALITIES));
  }

  /**
   * Adds what the seed rows have that is new: an agency not in the table (all of it), and to an agency already
   * there only the aliases the seed did not offer before (table agency_seed), given to the agency it was merged into
   * if it was. Names, short names, kinds, aliases, deactivation and merges that administrators changed stay as they
   * are. Localities, which nobody edits in the product, follow the file.
   */
  public static void seed(
      Connection connection, List<List<String>> agencies, List<List<String>> localities)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("""
            insert into agency (code, name, short_name, kind, aliases) values (?, ?, ?, ?, ?) on conflict (code) do nothing""");
        PreparedStatement offered =
            connection.prepareStatement("select aliases from agency_seed where code = ?");
        PreparedStatement target = connection.prepareStatement("""
            with recursive chain (code, merged_into, depth) as (
              select code, merged_into, 0 from agency where code = ?
              union all
              select a.code, a.merged_into, c.depth + 1 from agency a join chain c on a.code = c.merged_into where c.depth < 50)
            select code from chain order by depth desc limit 1""");
        PreparedStatement addAliases = connection.prepareStatement("""
            update agency set aliases = aliases || array(select alias from unnest(?::text[]) alias
              where alias <> name and not alias = any(aliases))
            where code = ?""");
        PreparedStatement remember = connection.prepareStatement("""
            insert into agency_seed (code, aliases) values (?, ?)
            on conflict (code) do update set aliases = agency_seed.aliases || array(select alias from unnest(excluded.aliases) alias
              where not alias = any(agency_seed.aliases))""")) {
      for (List<String> row : agencies) {
        String code = row.get(0);
        String field = row.size() > 4 ? row.get(4) : "";
        List<String> aliases = field.isBlank() ? List.of() : List.of(field.split("\\|"));
        Array listed = connection.createArrayOf("text", aliases.toArray());
        insert.setString(1, code);
        insert.setString(2, row.get(1));
        insert.setString(3, row.get(2));
        insert.setString(4, row.get(3));
        insert.setArray(5, listed);
        if (insert.executeUpdate() == 0) {
          Set<String> fresh = new LinkedHashSet<>(aliases);
          offered.setString(1, code);
          try (ResultSet before = offered.executeQuery()) {
            if (before.next()) {
              fresh.removeAll(List.of((String[]) before.getArray(1).getArray()));
            }
          }
          if (!fresh.isEmpty()) {
            target.setString(1, code);
            try (ResultSet into = target.executeQuery()) {
              into.next();
              addAliases.setArray(1, connection.createArrayOf("text", fresh.toArray()));
              addAliases.setString(2, into.getString(1));
              addAliases.executeUpdate();
            }
          }
        }
        remember.setString(1, code);
        remember.setArray(2, listed);
        remember.executeUpdate();
      }
    }
    try (PreparedStatement upsert = connection.prepareStatement("""
        insert into locality (code, name, kind) values (?, ?, ?)
        on conflict (code) do update set name = excluded.name, kind = excluded.kind""")) {
      for (List<String> row : localities) {
        upsert.setString(1, row.get(0));
        upsert.setString(2, row.get(1));
        upsert.setString(3, row.get(2));
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  /** The data rows of a seed file (header skipped); fields may be double-quoted to hold commas. */
  public static List<List<String>> rows(String resource) {
    return csvRows(new String(read(resource), StandardCharsets.UTF_8));
  }

  /** The data rows of CSV text in the seed files' format (header skipped, a leading BOM ignored). */
  public static List<List<String>> csvRows(String text) {
    String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        rows.add(splitCsvLine(lines[i]));
      }
    }
    return rows;
  }

  private static List<String> splitCsvLine(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    fields.add(current.toString());
    return fields;
  }

  private static byte[] read(String resource) {
    try (InputStream in = ReferenceDataSeed.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing seed file " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
