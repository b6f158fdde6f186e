package vn.dondoc.app.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of table sla_clock. */
@Repository
class SlaClockRepository {

  private static final String COLUMNS = """
      id, case_type, case_id, case_code, process_instance_id, stage, agency, state, budget_working_days, started_at,
      warn_at, due_at, supervisor_at, paused_at, paused_working_ms, stopped_at, breached_at, escalation_level""";

  private static final RowMapper<SlaClock> CLOCK = (rs, n) -> new SlaClock(
      rs.getLong("id"),
      new SlaClock.Owner(
          rs.getString("case_type"),
          rs.getObject("case_id", Long.class),
          rs.getString("case_code"),
          rs.getString("process_instance_id"),
          rs.getString("stage")),
      rs.getString("agency"),
      SlaClock.State.valueOf(rs.getString("state")),
      rs.getInt("budget_working_days"),
      instant(rs, "started_at"),
      new SlaClock.Timeline(
          instant(rs, "warn_at"), instant(rs, "due_at"), instant(rs, "supervisor_at")),
      instant(rs, "paused_at"),
      Duration.ofMillis(rs.getLong("paused_working_ms")),
      instant(rs, "stopped_at"),
      instant(rs, "breached_at"),
      rs.getInt("escalation_level"));

  private final JdbcClient jdbc;

  SlaClockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<SlaClock> find(String processInstanceId, String stage) {
    return jdbc.sql(
            "select " + COLUMNS + " from sla_clock where process_instance_id = ? and stage = ?")
        .params(processInstanceId, stage)
        .query(CLOCK)
        .optional();
  }

  /** The running and paused clocks with an instant still to come after {@code from}: those a calendar edit may move. */
  List<SlaClock> openAfter(Instant from) {
    return jdbc.sql(
            "select " + COLUMNS
                + " from sla_clock where state in ('RUNNING', 'PAUSED') and supervisor_at > ? order by id")
        .param(timestamp(from))
        .query(CLOCK)
        .list();
  }

  /** The row, locked until the end of the transaction: a clock moves in one transaction at a time. */
  Optional<SlaClock> lock(String processInstanceId, String stage) {
    return jdbc.sql("select " + COLUMNS
            + " from sla_clock where process_instance_id = ? and stage = ? for update")
        .params(processInstanceId, stage)
        .query(CLOCK)
        .optional();
  }

  /** Stores a new clock; returns it as stored, with its id. */
  SlaClock insert(SlaClock clock) {
    SlaClock.Owner owner = clock.owner();
    SlaClock.Timeline timeline = clock.timeline();
    jdbc.sql("""
            insert into sla_clock (case_type, case_id, case_code, process_instance_id, stage, agency, state,
              budget_working_days, started_at, warn_at, due_at, supervisor_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            owner.caseType(),
            owner.caseId(),
            owner.caseCode(),
            owner.processInstanceId(),
            owner.stage(),
            clock.agency(),
            clock.state().name(),
            clock.budgetWorkingDays(),
            timestamp(clock.startedAt()),
            timestamp(timeline.warnAt()),
            timestamp(timeline.dueAt()),
            timestamp(timeline.supervisorAt()))
        .update();
    return find(owner.processInstanceId(), owner.stage()).orElseThrow();
  }

  /** Writes what the clock's transitions change; escalation_level is raised only by {@link #raiseEscalation}. */
  void update(SlaClock clock) {
    SlaClock.Timeline timeline = clock.timeline();
    jdbc.sql("""
            update sla_clock set agency = ?, state = ?, started_at = ?, warn_at = ?, due_at = ?, supervisor_at = ?,
              paused_at = ?, paused_working_ms = ?, stopped_at = ?, breached_at = ?
            where id = ?""")
        .params(
            clock.agency(),
            clock.state().name(),
            timestamp(clock.startedAt()),
            timestamp(timeline.warnAt()),
            timestamp(timeline.dueAt()),
            timestamp(timeline.supervisorAt()),
            timestamp(clock.pausedAt()),
            clock.pausedWorkingTime().toMillis(),
            timestamp(clock.stoppedAt()),
            timestamp(clock.breachedAt()),
            clock.id())
        .update();
  }

  /**
   * Raises the clock to {@code level} unless it is there already: true for exactly one caller per level,
   * however many nodes and threads try at once (the row lock serialises them, the condition is
   * re-checked after the wait). Reaching the leader level records the breach.
   */
  boolean raiseEscalation(long clockId, int level) {
    return jdbc.sql("""
            update sla_clock set escalation_level = :level,
              breached_at = case when :level >= 2 then coalesce(breached_at, due_at) else breached_at end
            where id = :id and escalation_level < :level""").param("level", level).param("id", clockId).update() == 1;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
