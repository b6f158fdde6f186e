package vn.dondoc.app.sla;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.ReferenceDataSeed;

/**
 * Repeatable Flyway migration that adds the shipped special days of db/seed/calendar.csv. It re-runs
 * when the file changes and never overwrites a day that is already there, so that admins' edits win
 * over shipped data. A shipped day that an admin deleted comes back when the file next changes.
 */
@Component
class CalendarSeed implements JavaMigration {

  static final String CALENDAR = "/db/seed/calendar.csv";

  /** The shipped days; an empty note means the day follows an official decision already known. */
  static List<CalendarDay> days() {
    return ReferenceDataSeed.rows(CALENDAR).stream()
        .map(row -> new CalendarDay(
            LocalDate.parse(row.get(0)),
            CalendarDay.Kind.valueOf(row.get(1)),
            row.get(2),
            row.size() > 3 && !row.get(3).isBlank() ? row.get(3) : null))
        .toList();
  }

  @Override
  public MigrationVersion getVersion() {
    return null;
  }

  @Override
  public String getDescription() {
    return "working calendar";
  }

  @Override
  public Integer getChecksum() {
    // List and String hash codes are specified, so this is stable across JVMs (a record's or enum's
    // is not).
    return ReferenceDataSeed.rows(CALENDAR).hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    try (PreparedStatement insert = context
        .getConnection()
        .prepareStatement(
            "insert into calendar_day (day, kind, name, note) values (?, ?, ?, ?) on conflict (day) do nothing")) {
      for (CalendarDay day : days()) {
        insert.setDate(1, Date.valueOf(day.day()));
        insert.setString(2, day.kind().name());
        insert.setString(3, day.name());
        insert.setString(4, day.note());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
