package vn.dondoc.app.sla;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of table calendar_day. */
@Repository
class CalendarDayRepository {

  private static final RowMapper<CalendarDay> DAY = (rs, n) -> new CalendarDay(
      rs.getObject("day", LocalDate.class),
      CalendarDay.Kind.valueOf(rs.getString("kind")),
      rs.getString("name"),
      rs.getString("note"));

  private final JdbcClient jdbc;

  CalendarDayRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<CalendarDay> all() {
    return jdbc.sql("select day, kind, name, note from calendar_day").query(DAY).list();
  }

  List<CalendarDay> year(int year) {
    return jdbc.sql(
            "select day, kind, name, note from calendar_day where day >= ? and day < ? order by day")
        .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
        .query(DAY)
        .list();
  }

  /** The row, locked until the end of the transaction so that its audited "before" stays true. */
  Optional<CalendarDay> findForUpdate(LocalDate day) {
    return jdbc.sql("select day, kind, name, note from calendar_day where day = ? for update")
        .param(day)
        .query(DAY)
        .optional();
  }

  void upsert(CalendarDay day) {
    jdbc.sql("""
            insert into calendar_day (day, kind, name, note) values (?, ?, ?, ?)
            on conflict (day) do update set kind = excluded.kind, name = excluded.name, note = excluded.note""").params(day.day(), day.kind().name(), day.name(), day.note()).update();
  }

  void delete(LocalDate day) {
    jdbc.sql("delete from calendar_day where day = ?").param(day).update();
  }
}
