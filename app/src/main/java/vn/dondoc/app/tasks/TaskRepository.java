package vn.dondoc.app.tasks;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dondoc.app.sla.ClockCases;

/** Table task with its co-operating agencies and deadline versions. */
@Repository
public class TaskRepository implements ClockCases {

  private static final String SELECT = """
      select t.*, d.symbol as directive_symbol, d.issued_on as directive_issued_on, d.type as directive_type,
             (select f.code from feedback_item f where f.id = t.source_feedback_id) as source_feedback_code,
             array(select c.agency_code from task_cooperation c where c.task_id = t.id order by c.agency_code) as cooperating
      from task t left join directive d on d.id = t.directive_id""";

  static final RowMapper<TaskRecord> TASK = (rs, n) -> new TaskRecord(
      rs.getLong("id"),
      rs.getString("case_code"),
      rs.getString("task_code"),
      (Long) rs.getObject("directive_id", Long.class),
      rs.getString("directive_symbol"),
      date(rs, "directive_issued_on"),
      rs.getString("directive_type"),
      (Long) rs.getObject("source_feedback_id", Long.class),
      rs.getString("source_feedback_code"),
      rs.getString("section"),
      TaskField.valueOf(rs.getString("field")),
      rs.getString("content"),
      rs.getBoolean("recurring"),
      rs.getBoolean("reports_monthly"),
      rs.getString("lead_agency"),
      strings(rs.getArray("cooperating")),
      rs.getString("deadline_text"),
      date(rs, "original_deadline"),
      date(rs, "current_deadline"),
      rs.getString("expected_product"),
      EvidenceLevel.valueOf(rs.getString("evidence_level")),
      TaskStatus.valueOf(rs.getString("status")),
      instant(rs, "acknowledged_at"),
      instant(rs, "completion_reported_at"),
      instant(rs, "completion_verified_at"),
      date(rs, "completed_on"),
      rs.getInt("missed_reports"),
      rs.getString("process_instance_id"),
      instant(rs, "created_at"),
      instant(rs, "updated_at"),
      rs.getLong("version"));

  private final JdbcClient jdbc;

  TaskRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new task to store; the directive, if any, already exists. */
  public record NewTask(
      String caseCode,
      String taskCode,
      Long directiveId,
      Long sourceFeedbackId,
      String section,
      TaskField field,
      String content,
      boolean recurring,
      boolean reportsMonthly,
      String leadAgency,
      List<String> cooperatingAgencies,
      String deadlineText,
      LocalDate deadline,
      String expectedProduct,
      EvidenceLevel evidenceLevel,
      String createdBy,
      Instant createdAt) {}

  public long insert(NewTask task) {
    long id = jdbc.sql("""
            insert into task (case_code, task_code, directive_id, source_feedback_id, section, field, content, recurring,
                              reports_monthly, lead_agency, deadline_text, original_deadline, current_deadline,
                              expected_product, evidence_level, status, created_by, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ASSIGNED', ?, ?, ?) returning id""")
        .params(
            task.caseCode(),
            task.taskCode(),
            task.directiveId(),
            task.sourceFeedbackId(),
            task.section(),
            task.field().name(),
            task.content(),
            task.recurring(),
            task.reportsMonthly(),
            task.leadAgency(),
            task.deadlineText(),
            sqlDate(task.deadline()),
            sqlDate(task.deadline()),
            task.expectedProduct(),
            task.evidenceLevel().name(),
            task.createdBy(),
            Timestamp.from(task.createdAt()),
            Timestamp.from(task.createdAt()))
        .query(Long.class)
        .single();
    for (String agency : task.cooperatingAgencies()) {
      jdbc.sql("insert into task_cooperation (task_id, agency_code) values (?, ?)")
          .params(id, agency)
          .update();
    }
    if (task.deadline() != null) {
      addDeadlineVersion(id, task.deadline(), null, task.createdBy(), task.createdAt());
    }
    return id;
  }

  public Optional<TaskRecord> findById(long id) {
    return jdbc.sql(SELECT + " where t.id = ?").param(id).query(TASK).optional();
  }

  public Optional<TaskRecord> findByCaseCode(String caseCode) {
    return jdbc.sql(SELECT + " where t.case_code = ?")
        .param(caseCode)
        .query(TASK)
        .optional();
  }

  /** Locks the row for a change that reads it first (an extension, a completion). */
  public TaskRecord lock(long id) {
    jdbc.sql("select id from task where id = ? for update")
        .param(id)
        .query(Long.class)
        .single();
    return findById(id).orElseThrow();
  }

  public boolean taskCodeExists(String taskCode) {
    return jdbc.sql("select count(*) from task where task_code = ?")
            .param(taskCode)
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * Tasks matching the filters (null means any), newest first. {@code agencies} limits to tasks where one
   * of them leads or co-operates: the caller's scope.
   */
  public List<TaskRecord> find(TaskFilter filter, List<String> agencies, int limit, int offset) {
    StringBuilder sql = new StringBuilder(SELECT).append(" where true");
    List<Object> params = new ArrayList<>();
    filter.appendTo(sql, params);
    if (agencies != null) {
      sql.append(" and ").append(ofAgencies(agencies, params));
    }
    sql.append(" order by t.created_at desc, t.id desc limit ? offset ?");
    params.add(limit);
    params.add(offset);
    return jdbc.sql(sql.toString()).params(params).query(TASK).list();
  }

  /**
   * What the agency's task list asks for: the tasks matching {@code filter} that {@code agencies} lead or co-operate
   * on (all when null) and, when {@code timeliness} is given, that {@link Timeliness#of} labels so on {@code day}.
   */
  public record ListQuery(
      TaskFilter filter,
      List<String> agencies,
      Timeliness timeliness,
      LocalDate day,
      int nearDueDays,
      boolean latestDeadlineFirst) {}

  /**
   * One page of the list, by the deadline in force (tasks without one last), then case code: ordered and counted in
   * the database, so that a page costs the same whatever the number of tasks.
   */
  public List<TaskRecord> page(ListQuery query, int limit, int offset) {
    List<Object> params = new ArrayList<>();
    String sql = SELECT + listWhere(query, params) + " order by t.current_deadline "
        + (query.latestDeadlineFirst() ? "desc" : "asc")
        + " nulls last, t.case_code limit ? offset ?";
    params.add(limit);
    params.add(offset);
    return jdbc.sql(sql).params(params).query(TASK).list();
  }

  /** How many tasks the list has in all. */
  public long count(ListQuery query) {
    List<Object> params = new ArrayList<>();
    return jdbc.sql("select count(*) from task t left join directive d on d.id = t.directive_id"
            + listWhere(query, params))
        .params(params)
        .query(Long.class)
        .single();
  }

  /** The directives that gave tasks to {@code agencies} (every directive with tasks when null), latest first. */
  public List<String> directiveSymbols(List<String> agencies) {
    List<Object> params = new ArrayList<>();
    String scope = agencies == null ? "" : " where " + ofAgencies(agencies, params);
    return jdbc.sql(
            "select d.symbol from directive d where d.id in (select t.directive_id from task t"
                + scope + ") order by d.issued_on desc, d.symbol")
        .params(params)
        .query(String.class)
        .list();
  }

  /**
   * The SQL condition on a task row {@code t}: led by one of {@code agencies} or co-operated on by one, each side found
   * by its index (not a scan of every task of the programme). Adds its parameters to {@code params}.
   */
  static String ofAgencies(List<String> agencies, List<Object> params) {
    String[] codes = agencies.toArray(String[]::new);
    params.add(codes);
    params.add(codes);
    return "t.id in (select l.id from task l where l.lead_agency = any(?)"
        + " union select c.task_id from task_cooperation c where c.agency_code = any(?))";
  }

  private static String listWhere(ListQuery query, List<Object> params) {
    StringBuilder sql = new StringBuilder(" where true");
    query.filter().appendTo(sql, params);
    if (query.agencies() != null) {
      sql.append(" and ").append(ofAgencies(query.agencies(), params));
    }
    if (query.timeliness() != null) {
      sql.append(" and ").append(query.timeliness().sqlOn(query.day(), query.nearDueDays()));
    }
    return sql.toString();
  }

  public void setProcessInstance(long id, String processInstanceId) {
    change(id, "process_instance_id = ?", processInstanceId);
  }

  /** The task was made of a selected initiative (initiative_id kept on the task; the initiative lists its tasks). */
  public void setSourceInitiative(long id, long initiativeId) {
    change(id, "source_initiative_id = ?", initiativeId);
  }

  public void acknowledge(long id, Instant at) {
    change(id, "status = 'IN_PROGRESS', acknowledged_at = ?", Timestamp.from(at));
  }

  public void setStatus(long id, TaskStatus status) {
    change(id, "status = ?", status.name());
  }

  public void complete(long id, Instant reportedAt, Instant verifiedAt, LocalDate completedOn) {
    change(
        id,
        "status = 'COMPLETED', completion_reported_at = ?, completion_verified_at = ?, completed_on = ?",
        Timestamp.from(reportedAt),
        Timestamp.from(verifiedAt),
        sqlDate(completedOn));
  }

  public void countMissedReport(long id) {
    change(id, "missed_reports = missed_reports + 1");
  }

  /** Bumps the version only: something shown with the task changed (a report, a submission). */
  public void touch(long id) {
    change(id, "status = status");
  }

  /** The deadline in force moves; the original stays. */
  public void extendDeadline(
      long id, LocalDate deadline, long extensionId, String actor, Instant at) {
    change(id, "current_deadline = ?", sqlDate(deadline));
    addDeadlineVersion(id, deadline, extensionId, actor, at);
  }

  public record DeadlineVersion(
      int version, LocalDate deadline, Long extensionId, String recordedBy, Instant recordedAt) {}

  public List<DeadlineVersion> deadlineVersions(long id) {
    return jdbc.sql("select * from task_deadline_version where task_id = ? order by version")
        .param(id)
        .query((rs, n) -> new DeadlineVersion(
            rs.getInt("version"),
            date(rs, "deadline"),
            (Long) rs.getObject("extension_id", Long.class),
            rs.getString("recorded_by"),
            instant(rs, "recorded_at")))
        .list();
  }

  /** Open tasks whose label changes on {@code day} with time alone: overdue from it, or near due from it. */
  List<Long> labelChangesOn(LocalDate day, int nearDueDays) {
    return jdbc.sql("""
            select id from task where status not in ('COMPLETED', 'WITHDRAWN')
            and (original_deadline = ? or original_deadline = ?)""")
        .params(sqlDate(day.minusDays(1)), sqlDate(day.plusDays(nearDueDays)))
        .query(Long.class)
        .list();
  }

  /** How many cases of this type a reindex copies (those {@code idsAfter} pages through). */
  public long count() {
    return jdbc.sql("select count(*) from task").query(Long.class).single();
  }

  public List<Long> idsAfter(long afterId, int limit) {
    return jdbc.sql("select id from task where id > ? order by id limit ?")
        .params(afterId, limit)
        .query(Long.class)
        .list();
  }

  /** Raises the row's version alone: what search shows of it changed without a change of the row (an SLA clock). */
  void raiseVersion(long id) {
    jdbc.sql("update task set version = version + 1 where id = ?").param(id).update();
  }

  private void addDeadlineVersion(
      long id, LocalDate deadline, Long extensionId, String actor, Instant at) {
    jdbc.sql("""
            insert into task_deadline_version (task_id, version, deadline, extension_id, recorded_by, recorded_at)
            values (?, (select coalesce(max(version), 0) + 1 from task_deadline_version where task_id = ?), ?, ?, ?, ?)""")
        .params(id, id, sqlDate(deadline), extensionId, actor, Timestamp.from(at))
        .update();
  }

  /** Every change bumps the version, which orders the search projection's writes. */
  private void change(long id, String assignments, Object... values) {
    List<Object> params = new ArrayList<>(Arrays.asList(values));
    params.add(id);
    int updated = jdbc.sql("update task set " + assignments
            + ", updated_at = now(), version = version + 1 where id = ?")
        .params(params)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("task " + id + " does not exist");
    }
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  static Date sqlDate(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  /** The SLA clocks' view of this case type: the row and the agency working on it, by case code. */
  @Override
  public String caseType() {
    return "task";
  }

  @Override
  public Optional<ClockCase> clockCase(String caseCode) {
    return findByCaseCode(caseCode).map(task -> new ClockCase(task.id(), task.leadAgency()));
  }
}
