package vn.dondoc.app.tasks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dondoc.app.time.HanoiTime;

/**
 * What the task reports read. The summary and the overdue list count and select tasks in the database by their
 * timeliness with {@link Timeliness#sqlOn}, the SQL form of {@link Timeliness#of}; no other timeliness rule is
 * written here.
 */
@Repository
public class TaskReportQueries {

  /** The columns a task's timeliness and its report groups need. */
  public record TaskFacts(
      long id,
      TaskStatus status,
      LocalDate originalDeadline,
      LocalDate completedOn,
      String leadAgency,
      String section,
      String directive) {}

  /** A task's latest extension request (at the report's date), or the latest one that still holds. */
  public record Extension(
      String reasonCode,
      String narrative,
      String status,
      LocalDate proposedDeadline,
      LocalDate approvedDeadline,
      String milestonesJson,
      boolean late) {}

  /** What the overdue list shows of a task besides its facts. */
  public record OverdueDetails(
      long id,
      String caseCode,
      String taskCode,
      String content,
      String directive,
      LocalDate directiveIssuedOn,
      List<String> cooperatingAgencies,
      LocalDate deadlineInForce,
      Extension latestRequest,
      Extension commitment) {}

  private final JdbcClient jdbc;
  private final TaskProperties properties;

  TaskReportQueries(JdbcClient jdbc, TaskProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * The tasks matching the filter that {@link Timeliness#of} gives the label {@code label} at the end of
   * {@code filter.asOf()}, by original deadline then task code; the first {@code limit} (all when null).
   * {@code scope} limits them to the caller's agencies.
   */
  public List<TaskFacts> facts(
      TaskReportFilter filter, TaskScope scope, Timeliness label, Integer limit) {
    List<Object> params = new ArrayList<>();
    String sql =
        "select t.id, t.status, t.original_deadline, t.completed_on, t.lead_agency, t.section,"
            + " d.symbol as directive" + matching(filter, scope, params) + " and "
            + label.sqlOn(filter.asOf(), properties.nearDueDays())
            + " order by t.original_deadline, t.task_code collate \"C\", t.id";
    if (limit != null) {
      sql += " limit ?";
      params.add(limit);
    }
    return jdbc.sql(sql)
        .params(params)
        .query((rs, n) -> new TaskFacts(
            rs.getLong("id"),
            TaskStatus.valueOf(rs.getString("status")),
            TaskRepository.date(rs, "original_deadline"),
            TaskRepository.date(rs, "completed_on"),
            rs.getString("lead_agency"),
            rs.getString("section"),
            rs.getString("directive")))
        .list();
  }

  /**
   * How many tasks matching the filter carry each timeliness label at the end of {@code filter.asOf()}, counted in
   * the database (the labels' rule is {@link Timeliness#sqlOn}) so that a report's cost does not grow with the
   * rows it would otherwise read; per group key when {@code groupBy} is given (a null key groups the tasks without
   * one), else under the one key null.
   */
  public Map<String, Map<Timeliness, Long>> labelCounts(
      TaskReportFilter filter, TaskScope scope, TaskSummary.GroupBy groupBy) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("select ").append(groupKey(groupBy)).append(" as group_key");
    for (Timeliness label : Timeliness.values()) {
      sql.append(", count(*) filter (where ")
          .append(label.sqlOn(filter.asOf(), properties.nearDueDays()))
          .append(") as ")
          .append(label.name());
    }
    sql.append(matching(filter, scope, params)).append(" group by 1");
    Map<String, Map<Timeliness, Long>> counts = new HashMap<>();
    jdbc.sql(sql.toString()).params(params).query(rs -> {
      Map<Timeliness, Long> byLabel = new EnumMap<>(Timeliness.class);
      for (Timeliness label : Timeliness.values()) {
        byLabel.put(label, rs.getLong(label.name()));
      }
      counts.put(rs.getString("group_key"), byLabel);
    });
    return counts;
  }

  /**
   * The monthly progress reports of {@code period}, due by the end of {@code dueOn}: of the tasks matching the filter
   * that report monthly and were open (created before, not completed by) at that month's end, how many had to
   * report, and how many did by the due day and later (by the end of {@code filter.asOf()}).
   */
  public MonthlyReports monthlyReports(
      TaskReportFilter filter, TaskScope scope, YearMonth period, LocalDate dueOn) {
    List<Object> params = new ArrayList<>();
    params.add(endOf(dueOn));
    params.add(endOf(dueOn));
    params.add(period.toString());
    params.add(endOf(filter.asOf()));
    String from = matching(
        filter,
        scope,
        " left join progress_report p on p.task_id = t.id and p.period = ? and p.submitted_at < ?",
        params);
    params.add(endOf(period.atEndOfMonth()));
    params.add(TaskRepository.sqlDate(period.atEndOfMonth()));
    String sql = "select count(*) as due,"
        + " count(p.id) filter (where p.submitted_at < ?) as on_time,"
        + " count(p.id) filter (where p.submitted_at >= ?) as late"
        + from
        + " and t.reports_monthly and t.created_at < ?"
        + " and (t.completed_on is null or t.completed_on > ?)";
    return jdbc.sql(sql)
        .params(params)
        .query((rs, n) ->
            new MonthlyReports(rs.getLong("due"), rs.getLong("on_time"), rs.getLong("late")))
        .single();
  }

  /** How many tasks had to report for a month, and how many did on time and late. */
  public record MonthlyReports(long due, long onTime, long late) {}

  /**
   * The FROM and WHERE of every report query: the tasks matching the filter that exist at the end of
   * {@code filter.asOf()}, withdrawn ones left out, limited by {@code scope} to the caller's agencies. Adds its
   * parameters to {@code params}.
   */
  private static String matching(TaskReportFilter filter, TaskScope scope, List<Object> params) {
    return matching(filter, scope, "", params);
  }

  /** {@link #matching(TaskReportFilter, TaskScope, List)} with {@code join} (its parameters already added). */
  private static String matching(
      TaskReportFilter filter, TaskScope scope, String join, List<Object> params) {
    StringBuilder sql = new StringBuilder(
            " from task t left join directive d on d.id = t.directive_id")
        .append(join)
        .append(" where t.status <> 'WITHDRAWN' and t.created_at < ?");
    params.add(endOf(filter.asOf()));
    TaskFilter tasks = filter.tasks();
    if (filter.agencyCooperating() && tasks.leadAgency() != null) {
      sql.append(" and ").append(TaskRepository.ofAgencies(List.of(tasks.leadAgency()), params));
      tasks = new TaskFilter(tasks.directive(), null, tasks.section(), tasks.status());
    }
    tasks.appendTo(sql, params);
    if (filter.field() != null) {
      sql.append(" and t.field = ?");
      params.add(filter.field().name());
    }
    if (filter.from() != null) {
      sql.append(" and t.original_deadline >= ?");
      params.add(TaskRepository.sqlDate(filter.from()));
    }
    if (filter.to() != null) {
      sql.append(" and t.original_deadline <= ?");
      params.add(TaskRepository.sqlDate(filter.to()));
    }
    if (scope.agencies() != null) {
      sql.append(" and ").append(TaskRepository.ofAgencies(scope.agencies(), params));
    }
    return sql.toString();
  }

  /** The SQL of a summary group's key (quarters as "2026-Q1", recurring tasks in a group of their own). */
  private static String groupKey(TaskSummary.GroupBy groupBy) {
    if (groupBy == null) {
      return "null::text";
    }
    return switch (groupBy) {
      case DIRECTIVE -> "d.symbol";
      case AGENCY -> "t.lead_agency";
      case SECTION -> "t.section";
      case QUARTER ->
        "case when t.original_deadline is null then '" + TaskSummary.RECURRING_GROUP
            + "' else to_char(t.original_deadline, 'YYYY\"-Q\"Q') end";
    };
  }

  /**
   * The overdue list's details of these tasks as of the end of {@code asOf}: the deadline then in force,
   * the latest extension request made by then (its reason), and the latest approved or pending one (the
   * commitment).
   */
  public Map<Long, OverdueDetails> overdueDetails(List<Long> ids, LocalDate asOf) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Timestamp end = endOf(asOf);
    Map<Long, OverdueDetails> details = new HashMap<>();
    jdbc.sql("""
            select t.id, t.case_code, t.task_code, t.content, d.symbol, d.issued_on,
                   array(select c.agency_code from task_cooperation c where c.task_id = t.id order by c.agency_code) as cooperating,
                   coalesce((select v.deadline from task_deadline_version v where v.task_id = t.id and v.recorded_at < :end
                             order by v.version desc limit 1), t.current_deadline) as deadline_in_force,
                   r.reason_code as r_reason, r.narrative as r_narrative, r.status as r_status,
                   r.proposed_deadline as r_proposed, r.approved_deadline as r_approved, r.milestones::text as r_milestones,
                   r.late as r_late,
                   k.reason_code as k_reason, k.narrative as k_narrative, k.status as k_status,
                   k.proposed_deadline as k_proposed, k.approved_deadline as k_approved, k.milestones::text as k_milestones,
                   k.late as k_late
            from task t
            left join directive d on d.id = t.directive_id
            left join lateral (select * from extension_request e where e.task_id = t.id and e.requested_at < :end
                               order by e.requested_at desc, e.id desc limit 1) r on true
            left join lateral (select * from extension_request e where e.task_id = t.id and e.requested_at < :end
                                 and e.status in ('SUBMITTED', 'INFO_REQUESTED', 'APPROVED')
                               order by e.requested_at desc, e.id desc limit 1) k on true
            where t.id = any(:ids)""")
        .param("end", end)
        .param("ids", ids.toArray(Long[]::new))
        .query((rs, n) -> new OverdueDetails(
            rs.getLong("id"),
            rs.getString("case_code"),
            rs.getString("task_code"),
            rs.getString("content"),
            rs.getString("symbol"),
            TaskRepository.date(rs, "issued_on"),
            strings(rs.getArray("cooperating")),
            TaskRepository.date(rs, "deadline_in_force"),
            extension(rs, "r_"),
            extension(rs, "k_")))
        .list()
        .forEach(row -> details.put(row.id(), row));
    return details;
  }

  /** Agency names by code. */
  public Map<String, String> agencyNames() {
    return jdbc
        .sql("select code, name from agency")
        .query((rs, n) -> Map.entry(rs.getString("code"), rs.getString("name")))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** The end of a day in Hanoi, as the instant things must have happened before to count on that day. */
  static Timestamp endOf(LocalDate day) {
    return Timestamp.from(day.plusDays(1).atStartOfDay(HanoiTime.ZONE).toInstant());
  }

  private static Extension extension(ResultSet rs, String prefix) throws SQLException {
    if (rs.getString(prefix + "status") == null) {
      return null;
    }
    return new Extension(
        rs.getString(prefix + "reason"),
        rs.getString(prefix + "narrative"),
        rs.getString(prefix + "status"),
        TaskRepository.date(rs, prefix + "proposed"),
        TaskRepository.date(rs, prefix + "approved"),
        rs.getString(prefix + "milestones"),
        rs.getBoolean(prefix + "late"));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
