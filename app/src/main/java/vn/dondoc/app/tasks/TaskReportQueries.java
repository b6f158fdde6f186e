package vn.dondoc.app.tasks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dondoc.app.time.HanoiTime;

/**
 * What the task reports read. The summary reads a few columns of every matching task and labels them in
 * Java with {@link Timeliness#of}; no timeliness rule is written in SQL here.
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
      String directive) {

    public Timeliness timelinessOn(LocalDate day, int nearDueDays) {
      return Timeliness.of(status, originalDeadline, completedOn, day, nearDueDays);
    }
  }

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

  TaskReportQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every task matching the filter that exists at the end of {@code filter.asOf()}, withdrawn ones left out;
   * {@code scope} limits them to the caller's agencies.
   */
  public List<TaskFacts> facts(TaskReportFilter filter, TaskScope scope) {
    StringBuilder sql = new StringBuilder("""
        select t.id, t.status, t.original_deadline, t.completed_on, t.lead_agency, t.section, d.symbol as directive
        from task t left join directive d on d.id = t.directive_id
        where t.status <> 'WITHDRAWN' and t.created_at < ?""");
    List<Object> params = new ArrayList<>();
    params.add(endOf(filter.asOf()));
    TaskFilter tasks = filter.tasks();
    if (filter.agencyCooperating() && tasks.leadAgency() != null) {
      sql.append(
          " and (t.lead_agency = ? or exists (select 1 from task_cooperation c where c.task_id = t.id"
              + " and c.agency_code = ?))");
      params.add(tasks.leadAgency());
      params.add(tasks.leadAgency());
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
      sql.append(
          " and (t.lead_agency = any(?) or exists (select 1 from task_cooperation c where c.task_id = t.id"
              + " and c.agency_code = any(?)))");
      String[] codes = scope.agencies().toArray(String[]::new);
      params.add(codes);
      params.add(codes);
    }
    sql.append(" order by t.id");
    return jdbc.sql(sql.toString())
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
