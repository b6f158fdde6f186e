package vn.dondoc.app.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SLA summary of a case code, read from sla_clock: the open clock if there is one (the latest
 * started if several), else the most recently started one. States are as of now ({@link SlaSummary#of}),
 * so a summary read into a search document is as of the moment the document was projected.
 */
@Component
public class SlaSummaries {

  private final JdbcClient jdbc;
  private final Clock clock;

  SlaSummaries(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The current or most recent clock of any stage of the case. */
  public Optional<SlaSummary> of(String caseCode) {
    return find(caseCode, null, false);
  }

  /** The current or most recent clock among these stages. */
  public Optional<SlaSummary> of(String caseCode, Collection<String> stages) {
    return find(caseCode, stages, false);
  }

  /** The open (running or paused) clock among these stages, if any. */
  public Optional<SlaSummary> open(String caseCode, Collection<String> stages) {
    return find(caseCode, stages, true);
  }

  private Optional<SlaSummary> find(String caseCode, Collection<String> stages, boolean openOnly) {
    if (caseCode == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return jdbc.sql("""
            select stage, state, warn_at, due_at, breached_at, escalation_level from sla_clock
            where case_code = ?
              and (? or stage = any(?))
              and (not ? or state in ('RUNNING', 'PAUSED'))
            order by state in ('RUNNING', 'PAUSED') desc, started_at desc, id desc
            limit 1""")
        .params(
            caseCode,
            stages == null,
            stages == null ? new String[0] : stages.toArray(String[]::new),
            openOnly)
        .query((rs, n) -> SlaSummary.of(
            rs.getString("stage"),
            rs.getString("state"),
            instant(rs.getTimestamp("warn_at")),
            instant(rs.getTimestamp("due_at")),
            instant(rs.getTimestamp("breached_at")),
            rs.getInt("escalation_level"),
            now))
        .optional();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
