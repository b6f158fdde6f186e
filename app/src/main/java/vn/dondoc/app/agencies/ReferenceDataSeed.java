package vn.dondoc.app.agencies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Repeatable Flyway migration that upserts agencies and localities from db/seed/*.csv. Its checksum is
 * the files' checksum, so editing a CSV re-runs it on the next start. Rows are never deleted here:
 * cases keep referring to an agency even after it is merged away.
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
    Connection connection = context.getConnection();
    try (PreparedStatement upsert = connection.prepareStatement("""
        insert into agency (code, name, short_name, kind, aliases) values (?, ?, ?, ?, ?)
        on conflict (code) do update set name = excluded.name, short_name = excluded.short_name,
          kind = excluded.kind, aliases = excluded.aliases""")) {
      for (List<String> row : rows(AGENCIES)) {
        upsert.setString(1, row.get(0));
        upsert.setString(2, row.get(1));
        upsert.setString(3, row.get(2));
        upsert.setString(4, row.get(3));
        String aliases = row.size() > 4 ? row.get(4) : "";
        Array array = connection.createArrayOf("text", aliases.isBlank() ? new String[0] : aliases.split("\\|"));
        upsert.setArray(5, array);
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    try (PreparedStatement upsert = connection.prepareStatement("""
        insert into locality (code, name, kind) values (?, ?, ?)
        on conflict (code) do update set name = excluded.name, kind = excluded.kind""")) {
      for (List<String> row : rows(LOCALITIES)) {
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
