package vn.dondoc.app.search;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: a row per changed case, written in the transaction of the change, so
 * that the search projection can never miss a committed change (nor see an uncommitted one).
 */
@Repository
public class Outbox {

  /** A change waiting to be projected. */
  public record Entry(long id, String caseType, long caseId, Instant createdAt, int attempts) {}

  private final JdbcClient jdbc;

  public Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Must run inside the business transaction; fails loudly if there is none. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(String caseType, long caseId) {
    jdbc.sql("insert into outbox (case_type, case_id) values (?, ?)")
        .params(caseType, caseId)
        .update();
  }

  /** Locks due entries; other nodes skip them instead of waiting (FOR UPDATE SKIP LOCKED). */
  List<Entry> lockDue(int limit) {
    return jdbc.sql("""
            select id, case_type, case_id, created_at, attempts from outbox
            where next_attempt_at <= now() order by id limit ? for update skip locked""")
        .param(limit)
        .query((rs, n) -> new Entry(
            rs.getLong("id"),
            rs.getString("case_type"),
            rs.getLong("case_id"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getInt("attempts")))
        .list();
  }

  void delete(Collection<Long> ids) {
    if (!ids.isEmpty()) {
      jdbc.sql("delete from outbox where id = any(?)")
          .param(ids.toArray(Long[]::new))
          .update();
    }
  }

  void retryLater(Collection<Long> ids, Duration delay, String error) {
    if (!ids.isEmpty()) {
      jdbc.sql("""
              update outbox set attempts = attempts + 1, last_error = ?,
                next_attempt_at = now() + make_interval(secs => ?)
              where id = any(?)""")
          .params(error, delay.toMillis() / 1000.0, ids.toArray(Long[]::new))
          .update();
    }
  }

  public long backlog() {
    return jdbc.sql("select count(*) from outbox").query(Long.class).single();
  }

  /** When the oldest change still waiting was committed, if any is waiting. */
  public Optional<Instant> oldestWaiting() {
    return jdbc.sql("select min(created_at) from outbox")
        .query((rs, n) -> rs.getTimestamp(1))
        .optional()
        .filter(Objects::nonNull)
        .map(Timestamp::toInstant);
  }
}
