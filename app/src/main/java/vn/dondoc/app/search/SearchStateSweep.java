package vn.dondoc.app.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.time.HanoiTime;

/**
 * Search shows the state of now: what a search document says of an SLA clock (at risk, breached) or of a
 * task's timeliness (near due, overdue) changes with time alone, at instants known in advance. Every
 * {@code dondoc.search.sweep-interval} (20 s) this sweep takes the time passed since the last sweep and
 * re-projects the cases with such an instant in it: the running clocks whose warning or due instant fell in it
 * (index of migration V31), and, for each day that started in it, the tasks whose label changes that day
 * ({@link DailyReprojection}). The timers that fire at the same instants re-project too; the sweep does not
 * depend on them being on time, and catches up after a stop.
 *
 * <p>With several nodes, the row search_sweep holds how far the sweep went; the node that locks it sweeps, the
 * others skip that round (FOR UPDATE SKIP LOCKED), so a window is swept once. A clock set back restarts the
 * sweep from its new time. A window longer than
 * {@link #LONGEST_WINDOW} (a long stop) is cut to its last part: a full reindex is the remedy for more.
 */
@Component
public class SearchStateSweep {

  static final String NAME = "sla-and-deadlines";
  static final Duration LONGEST_WINDOW = Duration.ofDays(31);

  private final JdbcClient jdbc;
  private final SearchRefresh refresh;
  private final List<DailyReprojection> timeliness;
  private final Clock clock;

  SearchStateSweep(
      JdbcClient jdbc, SearchRefresh refresh, List<DailyReprojection> timeliness, Clock clock) {
    this.jdbc = jdbc;
    this.refresh = refresh;
    this.timeliness = timeliness;
    this.clock = clock;
  }

  /** One round: sweeps (last sweep, now]; false when another node is sweeping or no time has passed. */
  @Scheduled(
      fixedDelayString = "${dondoc.search.sweep-interval:20s}",
      initialDelayString = "${dondoc.search.sweep-interval:20s}")
  @Transactional
  public boolean sweep() {
    Instant now = clock.instant();
    jdbc.sql(
            "insert into search_sweep (name, swept_until) values (:name, :now) on conflict (name) do nothing")
        .param("name", NAME)
        .param("now", Timestamp.from(now))
        .update();
    Optional<Instant> last = jdbc.sql(
            "select swept_until from search_sweep where name = :name for update skip locked")
        .param("name", NAME)
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .optional();
    if (last.isEmpty() || now.equals(last.get())) {
      return false;
    }
    if (now.isBefore(last.get())) {
      // The clock was set back: sweep on from now.
      jdbc.sql("update search_sweep set swept_until = :now where name = :name")
          .param("now", Timestamp.from(now))
          .param("name", NAME)
          .update();
      return false;
    }
    Instant from =
        last.get().isBefore(now.minus(LONGEST_WINDOW)) ? now.minus(LONGEST_WINDOW) : last.get();
    Timestamp start = Timestamp.from(from);
    Timestamp end = Timestamp.from(now);
    List<CaseKey> clocks = jdbc.sql("""
            select distinct case_type, case_id from sla_clock
            where state = 'RUNNING' and case_id is not null
              and ((warn_at > :start and warn_at <= :end) or (due_at > :start and due_at <= :end))""")
        .param("start", start)
        .param("end", end)
        .query((rs, n) -> new CaseKey(rs.getString(1), rs.getLong(2)))
        .list();
    clocks.forEach(key -> refresh.caseChanged(key.caseType(), key.caseId()));
    for (LocalDate day = dayOf(from).plusDays(1);
        !startOf(day).isAfter(now);
        day = day.plusDays(1)) {
      for (DailyReprojection labels : timeliness) {
        labels.refresh(day);
      }
    }
    jdbc.sql("update search_sweep set swept_until = :end where name = :name")
        .param("end", end)
        .param("name", NAME)
        .update();
    return true;
  }

  private record CaseKey(String caseType, long caseId) {}

  private static LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, HanoiTime.ZONE);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(HanoiTime.ZONE).toInstant();
  }
}
