package vn.dondoc.app.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.search.SearchScope;

/**
 * The supervisors' view of feedback SLAs, and the definitions of its figures, kept in this one place:
 * <ul>
 *   <li><b>received</b>: items submitted in the period (by handling agency once routed);</li>
 *   <li><b>answered</b>: of those, items whose answer has gone out;</li>
 *   <li><b>processed rate</b> = answered / received (the source's 1,009 / 1,071 = 94.2%);</li>
 *   <li><b>on time</b>: an answered item none of whose stage clocks breached; <b>overdue</b>: an open item
 *       with a breached clock or a running clock past its due instant;</li>
 *   <li><b>on-time rate</b> = answered on time / (answered + open and overdue);</li>
 *   <li><b>received by channel</b>: the received items by how they came (web, hotline, letter, email, counter).</li>
 * </ul>
 * Clock states: RUNNING, PAUSED, MET, BREACHED; a running clock is <b>at risk</b> once past its warning.
 */
@Component
public class FeedbackSlaReport {

  private final JdbcClient jdbc;
  private final Clock clock;

  FeedbackSlaReport(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Filters; null means all. The period is by submission date, Hanoi time, both ends included. */
  public record Filter(String agency, String field, LocalDate from, LocalDate to) {}

  record ClockCounts(long running, long atRisk, long breached, long paused) {}

  record Breach(
      String code,
      String title,
      String agency,
      String stage,
      Instant dueAt,
      long daysOverdue,
      int escalationLevel) {}

  /** The figures of one agency (or of all items, agency null), with the rates as defined above. */
  public record AgencyFigures(
      String agency,
      long received,
      long answered,
      long answeredOnTime,
      long openOverdue,
      BigDecimal processedRate,
      BigDecimal onTimeRate) {

    static AgencyFigures of(
        String agency, long received, long answered, long answeredOnTime, long openOverdue) {
      return new AgencyFigures(
          agency,
          received,
          answered,
          answeredOnTime,
          openOverdue,
          percent(answered, received),
          percent(answeredOnTime, answered + openOverdue));
    }
  }

  /** The counts behind the figures, over the items of {@code from feedback_item f where ...}. */
  private static final String FIGURES = """
      count(*) as received,
      count(*) filter (where f.answered_at is not null) as answered,
      count(*) filter (where f.answered_at is not null and not exists (
          select 1 from sla_clock b where b.case_type = 'feedback' and b.case_id = f.id and b.state = 'BREACHED')) as on_time,
      count(*) filter (where f.answered_at is null and f.closed_at is null and exists (
          select 1 from sla_clock o where o.case_type = 'feedback' and o.case_id = f.id
            and (o.state = 'BREACHED' or (o.state = 'RUNNING' and o.due_at <= :now)))) as open_overdue
      """;

  record Report(
      ClockCounts clocks,
      List<Breach> breaches,
      List<AgencyFigures> agencies,
      Map<String, Long> receivedByChannel) {}

  Report report(Filter filter, SearchScope scope) {
    Instant now = clock.instant();
    String where = where(filter, scope);
    Map<String, Object> params = params(filter, scope);

    ClockCounts counts = jdbc.sql("""
            select count(*) filter (where c.state = 'RUNNING' and c.due_at > :now) as running,
                   count(*) filter (where c.state = 'RUNNING' and c.warn_at <= :now and c.due_at > :now) as at_risk,
                   count(*) filter (where c.state = 'RUNNING' and c.due_at <= :now) as breached,
                   count(*) filter (where c.state = 'PAUSED') as paused
            from sla_clock c join feedback_item f on f.id = c.case_id and c.case_type = 'feedback'
            where c.state in ('RUNNING', 'PAUSED') and""" + where)
        .param("now", Timestamp.from(now))
        .params(params)
        .query((rs, n) -> new ClockCounts(
            rs.getLong("running"),
            rs.getLong("at_risk"),
            rs.getLong("breached"),
            rs.getLong("paused")))
        .single();

    List<Breach> breaches = jdbc.sql("""
            select f.code, f.title, f.handling_agency, c.stage, c.due_at, c.escalation_level
            from sla_clock c join feedback_item f on f.id = c.case_id and c.case_type = 'feedback'
            where c.state = 'RUNNING' and c.due_at <= :now and""" + where + """
             order by c.due_at limit 200""")
        .param("now", Timestamp.from(now))
        .params(params)
        .query((rs, n) -> {
          Instant due = rs.getTimestamp("due_at").toInstant();
          return new Breach(
              rs.getString("code"),
              rs.getString("title"),
              rs.getString("handling_agency"),
              rs.getString("stage"),
              due,
              Duration.between(due, now).toDays(),
              rs.getInt("escalation_level"));
        })
        .list();

    return new Report(
        counts, breaches, agencies(filter, scope, now), receivedByChannel(filter, scope));
  }

  /** Each handling agency's figures, items not yet routed left out; ordered by agency code. */
  public List<AgencyFigures> agencies(Filter filter, SearchScope scope) {
    return agencies(filter, scope, clock.instant());
  }

  private List<AgencyFigures> agencies(Filter filter, SearchScope scope, Instant now) {
    return jdbc.sql("select f.handling_agency as agency, " + FIGURES
            + " from feedback_item f where f.handling_agency is not null and" + where(filter, scope)
            + " group by f.handling_agency order by f.handling_agency")
        .param("now", Timestamp.from(now))
        .params(params(filter, scope))
        .query((rs, n) -> figures(rs, rs.getString("agency")))
        .list();
  }

  /** The matching items by channel, every channel named (0 when none came through it), in the channels' order. */
  public Map<String, Long> receivedByChannel(Filter filter, SearchScope scope) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (FeedbackChannel channel : FeedbackChannel.values()) {
      counts.put(channel.code(), 0L);
    }
    jdbc.sql("select f.channel, count(*) as received from feedback_item f where"
            + where(filter, scope) + " group by f.channel")
        .params(params(filter, scope))
        .query(rs -> {
          counts.put(rs.getString("channel"), rs.getLong("received"));
        });
    return counts;
  }

  /** The figures of every matching item, routed or not (agency null). */
  public AgencyFigures totals(Filter filter, SearchScope scope) {
    return jdbc.sql("select " + FIGURES + " from feedback_item f where" + where(filter, scope))
        .param("now", Timestamp.from(clock.instant()))
        .params(params(filter, scope))
        .query((rs, n) -> figures(rs, null))
        .single();
  }

  private static AgencyFigures figures(ResultSet rs, String agency) throws SQLException {
    return AgencyFigures.of(
        agency,
        rs.getLong("received"),
        rs.getLong("answered"),
        rs.getLong("on_time"),
        rs.getLong("open_overdue"));
  }

  /** A share as a percentage with one decimal, as the source documents write it; null when there is nothing to divide. */
  public static BigDecimal percent(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part * 100L)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  private static String where(Filter filter, SearchScope scope) {
    StringBuilder sql = new StringBuilder("true");
    if (filter.agency() != null) {
      sql.append(" and f.handling_agency = :agency");
    }
    if (filter.field() != null) {
      sql.append(" and f.field = :field");
    }
    if (filter.from() != null) {
      sql.append(" and f.submitted_at >= :from");
    }
    if (filter.to() != null) {
      sql.append(" and f.submitted_at < :to");
    }
    if (!scope.allCases()) {
      sql.append(" and f.handling_agency = any(:scope)");
    }
    // Padded: the SQL around it comes from text blocks, which drop the spaces at their edges.
    return " " + sql + " ";
  }

  private static Map<String, Object> params(Filter filter, SearchScope scope) {
    Map<String, Object> params = new HashMap<>();
    params.put("agency", filter.agency());
    params.put("field", filter.field());
    params.put(
        "from",
        filter.from() == null
            ? null
            : Timestamp.from(filter.from().atStartOfDay(HanoiTime.ZONE).toInstant()));
    params.put(
        "to",
        filter.to() == null
            ? null
            : Timestamp.from(
                filter.to().plusDays(1).atStartOfDay(HanoiTime.ZONE).toInstant()));
    params.put("scope", scope.agencies().toArray(String[]::new));
    return params;
  }
}
