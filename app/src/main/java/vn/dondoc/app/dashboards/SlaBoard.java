package vn.dondoc.app.dashboards;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.cases.Labels;
import vn.dondoc.app.sla.SlaSummary;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.search.SearchScope;

/**
 * The SLA board over the clocks of every case type (table sla_clock: feedback, task, extension,
 * initiative). Definitions, as of the moment of the request, from a clock's state as search shows it
 * ({@link SlaSummary#stateSql}: RUNNING, AT_RISK, BREACHED, PAUSED, MET):
 * <ul>
 *   <li><b>running</b>: state RUNNING and not yet due; <b>at risk</b>: of those, past the warning instant
 *       (so at risk is part of running);</li>
 *   <li><b>breached</b>: state BREACHED (the stage ended late) or RUNNING past its due instant;
 *       <b>openBreached</b>: of those, the running ones (the open breaches listed oldest first);</li>
 *   <li><b>paused</b>: state PAUSED; <b>met</b>: state MET (the stage ended in time).</li>
 * </ul>
 * running + openBreached + paused are the open clocks; met + breached − openBreached the stopped ones.
 *
 * <p>A clock's <b>agency</b> is its case's: the feedback item's handling agency, the task's lead agency,
 * the extension request's agency, the initiative's receiving agency; the clock's own agency (who worked on
 * the stage) when the case names none. Its <b>field</b> is the case's: feedback_item.field, task.field
 * (an extension: its task's), initiative.category, counted and filtered in the one vocabulary of
 * {@link FieldVocabulary} (a feedback field under the task field that contains it).
 *
 * <p>Scope, as FeedbackSlaReport and TaskScope: oversight roles see every clock; agency staff the clocks
 * of feedback their agencies handle and of tasks (and their extensions) their agencies lead or co-operate
 * on, never initiatives' (InitiativeSight: agency staff do not see initiatives).
 *
 * <p>The <b>trend</b> counts, per day (Hanoi) of the period, the clocks that breached that day (the
 * breach instant: breached_at, or the due instant of a running clock now past it) and the clocks met that
 * day (stopped_at of a MET clock).
 *
 * <p>Stopped clocks are not read one by one: triggers keep their counts per viewing agency, case type,
 * agency, field and state (sla_clock_tally) and per day (sla_clock_day_tally), and the case's agency, field
 * and task on each clock (migration V13, docs/adr/0003-sla-board-tallies.md). Open clocks, whose state moves
 * with time, are counted as of the request.
 */
@Component
class SlaBoard {

  /** How many open breaches the board lists. */
  static final int BREACH_LIMIT = 200;

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final Labels labels;
  private final Clock clock;

  SlaBoard(JdbcClient jdbc, WorkingCalendar calendar, Labels labels, Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.labels = labels;
    this.clock = clock;
  }

  /** Filters (null: any) and the trend's period (both days included). */
  record Filter(String agency, String caseType, String field, LocalDate from, LocalDate to) {}

  record Counts(
      long running, long atRisk, long breached, long openBreached, long paused, long met) {}

  record AgencyGroup(
      String agency, String name, @JsonUnwrapped Counts counts) {}

  record FieldGroup(
      String field, String label, @JsonUnwrapped Counts counts) {}

  record Breach(
      String caseCode,
      String caseType,
      String stage,
      String agency,
      String agencyName,
      Instant dueAt,
      long daysOverdue,
      long workingDaysOverdue,
      int escalationLevel) {}

  record Day(LocalDate day, long breached, long met) {}

  record Board(
      Instant asOf,
      LocalDate from,
      LocalDate to,
      Counts totals,
      List<AgencyGroup> byAgency,
      List<FieldGroup> byField,
      List<Breach> breaches,
      List<Day> trend) {}

  /**
   * The filters on a row {@code r} of sla_clock or of one of its tallies (they share the key columns
   * case_type, case_agency, case_field).
   */
  private static String filters(Filter filter, String r) {
    StringBuilder sql = new StringBuilder();
    if (filter.agency() != null) {
      sql.append(" and ").append(r).append(".case_agency = :agency");
    }
    if (filter.caseType() != null) {
      sql.append(" and ").append(r).append(".case_type = :caseType");
    }
    if (filter.field() != null) {
      sql.append(" and ").append(r).append(".case_field = any(:fields)");
    }
    return sql.toString();
  }

  /** The day (Hanoi) of an instant {@code at} if it falls in the period, else null. */
  private static String dayInPeriod(String at) {
    return "case when %1$s >= :start and %1$s < :end then (%1$s at time zone :zone)::date end"
        .formatted(at);
  }

  /**
   * The columns a live clock is counted under: its agency and field, its state as of :now ({@link SlaSummary#stateSql}),
   * whether it runs, and the day of the period it breached and was met on (null: none in the period).
   * <p>An open clock's breach day is that of breached_at once its breach is recorded, and those are counted by
   * {@link #OPEN_BREACH_DAYS}; here only a running clock past due whose breach job has not run yet (breached_at
   * still null) has one, its due day. So the pass over the open clocks yields few groups and reads only columns
   * of their index (migration V15). A stopped clock breached at coalesce(breached_at, due_at) if BREACHED, at
   * breached_at if MET, and was met at stopped_at.
   */
  private static final String OPEN_COLUMNS =
      "c.case_agency, c.case_field, " + SlaSummary.stateSql("c") + " as sla_state,"
          + " c.state = 'RUNNING' as running, case when c.breached_at is null and c.state = 'RUNNING' and c.due_at <= :now then "
          + dayInPeriod("c.due_at") + " end as breach_day, null::date as met_day";

  private static final String STOPPED_COLUMNS =
      "c.case_agency, c.case_field, c.state as sla_state, false as running, "
          + dayInPeriod(
              "case when c.state = 'BREACHED' then coalesce(c.breached_at, c.due_at) else c.breached_at end")
          + " as breach_day, case when c.state = 'MET' then " + dayInPeriod("c.stopped_at")
          + " end as met_day";

  /** The open clocks whose breach is recorded, by the day of the period it was. */
  private static final String OPEN_BREACH_DAYS =
      "c.state in ('RUNNING', 'PAUSED') and c.breached_at >= :start and c.breached_at < :end";

  /**
   * The {@code columns} of the clocks meeting {@code condition} (on sla_clock {@code c}), filtered and scoped. Each
   * statement says its own condition on the clock's state, so that PostgreSQL picks the index made for it.
   */
  private static String clocks(String columns, String condition, Filter filter, SearchScope scope) {
    String sql =
        "select " + columns + " from sla_clock c where " + condition + filters(filter, "c");
    if (scope.allCases()) {
      return sql;
    }
    // A text block drops the spaces at its start: hence the leading " ".
    return sql + " " + """
        and ((c.case_type = 'feedback' and c.case_agency = any(:scope))
          or (c.case_type in ('task', 'extension') and (c.case_agency = any(:scope) or c.task_id in (
              select tc.task_id from task_cooperation tc where tc.agency_code = any(:scope)))))""";
  }

  private static final String OPEN = "c.state in ('RUNNING', 'PAUSED')";

  /**
   * The clocks counted row by row: the open ones (few, and their state moves with time) and, for a scope of
   * several agencies, the stopped clocks of tasks they co-operate on without leading them (a tally row is of
   * one viewing agency; adding up several agencies' rows would count a clock they both see twice), read task
   * by task from the co-operation rows.
   */
  private static String liveClocks(Filter filter, SearchScope scope) {
    if (scope.allCases() || scope.agencies().size() == 1) {
      return clocks(OPEN_COLUMNS, OPEN, filter, scope);
    }
    return clocks(OPEN_COLUMNS, OPEN, filter, scope) + " union all select " + STOPPED_COLUMNS
        + " from (select distinct tc.task_id from task_cooperation tc where tc.agency_code = any(:scope)) cooperated"
        + " join sla_clock c on c.task_id = cooperated.task_id"
        + " where c.state in ('MET', 'BREACHED') and c.case_type in ('task', 'extension')"
        + " and (c.case_agency = any(:scope)) is not true" + filters(filter, "c");
  }

  /**
   * The tally rows {@code t} the board adds up, filtered: every clock once (the rows seen by its case's
   * agency), or an agency's (the rows it sees), or for several agencies the rows of their own cases.
   */
  private static String tallied(Filter filter, SearchScope scope, String t) {
    String sql = filters(filter, t);
    if (scope.allCases()) {
      return sql + " and " + t + ".viewer is not distinct from " + t + ".case_agency";
    }
    sql += " and " + t + ".case_type in ('feedback', 'task', 'extension')";
    return scope.agencies().size() == 1
        ? sql + " and " + t + ".viewer = :viewer"
        : sql + " and " + t + ".viewer = " + t + ".case_agency and " + t
            + ".case_agency = any(:scope)";
  }

  /** One snapshot for the counts, the breaches and the trend, so that they agree with each other. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  Board board(Filter filter, SearchScope scope) {
    Instant now = clock.instant();
    Map<String, Object> params = new HashMap<>();
    params.put("now", Timestamp.from(now));
    params.put("agency", filter.agency());
    params.put("caseType", filter.caseType());
    params.put(
        "fields", filter.field() == null ? null : FieldVocabulary.storedCodes(filter.field()));
    params.put("scope", scope.agencies().toArray(String[]::new));
    params.put(
        "viewer", scope.agencies().size() == 1 ? scope.agencies().iterator().next() : null);
    params.put("fromDay", Date.valueOf(filter.from()));
    params.put("toDay", Date.valueOf(filter.to()));
    params.put(
        "start", Timestamp.from(filter.from().atStartOfDay(HanoiTime.ZONE).toInstant()));
    params.put(
        "end",
        Timestamp.from(filter.to().plusDays(1).atStartOfDay(HanoiTime.ZONE).toInstant()));
    params.put("zone", HanoiTime.ZONE.getId());
    Tally tally = new Tally();

    // The live clocks in one pass, grouped by what the board counts them under: their agency and
    // field, their
    // state, and the day of the period they breached or were met on (null: none in the period, or,
    // for an open
    // clock whose breach is recorded, counted by the next statement).
    jdbc.sql(
            "select k.case_agency, k.case_field, k.sla_state, k.running, k.breach_day, k.met_day, count(*) as n"
                + " from (" + liveClocks(filter, scope) + ") k group by 1, 2, 3, 4, 5, 6")
        .params(params)
        .query(rs -> {
          long n = rs.getLong("n");
          tally.clocks(
              rs.getString("case_agency"),
              rs.getString("case_field"),
              rs.getString("sla_state"),
              rs.getBoolean("running"),
              n);
          tally.day(rs.getDate("breach_day"), 0, n);
          tally.day(rs.getDate("met_day"), 1, n);
        });
    // The open clocks' recorded breaches of the period, by day.
    jdbc.sql("select k.day, count(*) as n from ("
            + clocks(
                "(c.breached_at at time zone :zone)::date as day", OPEN_BREACH_DAYS, filter, scope)
            + ") k group by 1")
        .params(params)
        .query(rs -> {
          tally.day(rs.getDate("day"), 0, rs.getLong("n"));
        });
    // The stopped clocks from their tallies (whose days are Hanoi days, as ZONE).
    jdbc.sql(
            "select t.case_agency, t.case_field, t.state, sum(t.clocks) as n from sla_clock_tally t where t.clocks > 0"
                + tallied(filter, scope, "t") + " group by 1, 2, 3")
        .params(params)
        .query(rs -> {
          tally.clocks(
              rs.getString("case_agency"),
              rs.getString("case_field"),
              rs.getString("state"),
              false,
              rs.getLong("n"));
        });
    jdbc.sql(
            "select d.day, d.kind, sum(d.clocks) as n from sla_clock_day_tally d where d.day between :fromDay and :toDay"
                + tallied(filter, scope, "d") + " group by 1, 2")
        .params(params)
        .query(rs -> {
          tally.day(rs.getDate("day"), "B".equals(rs.getString("kind")) ? 0 : 1, rs.getLong("n"));
        });

    Map<String, String> agencyNames = new HashMap<>();
    jdbc.sql("select code, name from agency where code = any(:codes)")
        .param(
            "codes",
            tally.byAgency.keySet().stream().filter(Objects::nonNull).toArray(String[]::new))
        .query(rs -> {
          agencyNames.put(rs.getString("code"), rs.getString("name"));
        });
    List<AgencyGroup> byAgency = tally.byAgency.entrySet().stream()
        .map(e -> new AgencyGroup(
            e.getKey(), agencyNames.get(e.getKey()), e.getValue().counts()))
        .toList();
    List<FieldGroup> byField = tally.byField.entrySet().stream()
        .map(e -> {
          var value = e.getKey() == null ? null : DashboardParams.FIELDS.get(e.getKey());
          return new FieldGroup(
              e.getKey(),
              value == null ? e.getKey() : labels.of(value).label(),
              e.getValue().counts());
        })
        .toList();
    List<Day> trend = new ArrayList<>();
    for (LocalDate day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
      long[] counts = tally.byDay.getOrDefault(day, new long[2]);
      trend.add(new Day(day, counts[0], counts[1]));
    }
    return new Board(
        now,
        filter.from(),
        filter.to(),
        tally.totals.counts(),
        byAgency,
        byField,
        breaches(filter, scope, params, now),
        trend);
  }

  private List<Breach> breaches(
      Filter filter, SearchScope scope, Map<String, Object> params, Instant now) {
    return jdbc.sql("select k.case_code, k.case_type, k.stage, k.case_agency, a.name, k.due_at,"
            + " k.escalation_level from ("
            + clocks("c.*", "c.state = 'RUNNING' and c.due_at <= :now", filter, scope) + ") k"
            + " left join agency a on a.code = k.case_agency order by k.due_at, k.id limit "
            + BREACH_LIMIT)
        .params(params)
        .query((rs, n) -> {
          Instant due = rs.getTimestamp("due_at").toInstant();
          return new Breach(
              rs.getString("case_code"),
              rs.getString("case_type"),
              rs.getString("stage"),
              rs.getString("case_agency"),
              rs.getString("name"),
              due,
              Duration.between(due, now).toDays(),
              calendar.workingTimeBetween(due, now).toDays(),
              rs.getInt("escalation_level"));
        })
        .list();
  }

  /** The board's counts added up as the rows come: in total, by agency and by field (nulls last), by day. */
  private static final class Tally {
    private final Sums totals = new Sums();
    private final Map<String, Sums> byAgency =
        new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    private final Map<String, Sums> byField =
        new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    private final Map<LocalDate, long[]> byDay = new HashMap<>();

    /** {@code n} clocks in {@code slaState} (SlaSummary's states); {@code running}: their own state is RUNNING. */
    void clocks(String agency, String field, String slaState, boolean running, long n) {
      totals.add(slaState, running, n);
      byAgency.computeIfAbsent(agency, a -> new Sums()).add(slaState, running, n);
      byField
          .computeIfAbsent(FieldVocabulary.boardField(field), f -> new Sums())
          .add(slaState, running, n);
    }

    /** {@code n} clocks breached (kind 0) or met (kind 1) on {@code day}, if there is one. */
    void day(Date day, int kind, long n) {
      if (day != null) {
        byDay.computeIfAbsent(day.toLocalDate(), d -> new long[2])[kind] += n;
      }
    }
  }

  /** Counts by SlaBoard's definitions (see the class comment). */
  private static final class Sums {
    private long running;
    private long atRisk;
    private long breached;
    private long openBreached;
    private long paused;
    private long met;

    void add(String slaState, boolean clockRunning, long n) {
      switch (slaState) {
        case "RUNNING" -> running += n;
        case SlaSummary.AT_RISK -> {
          running += n;
          atRisk += n;
        }
        case "BREACHED" -> {
          breached += n;
          openBreached += clockRunning ? n : 0;
        }
        case "PAUSED" -> paused += n;
        case "MET" -> met += n;
        default -> throw new IllegalStateException("unknown SLA state " + slaState);
      }
    }

    Counts counts() {
      return new Counts(running, atRisk, breached, openBreached, paused, met);
    }
  }
}
