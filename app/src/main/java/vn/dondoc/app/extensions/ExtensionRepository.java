package vn.dondoc.app.extensions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dondoc.app.sla.ClockCases;

/** Table extension_request. */
@Repository
public class ExtensionRepository implements ClockCases {

  public enum Status {
    SUBMITTED,
    INFO_REQUESTED,
    APPROVED,
    REJECTED
  }

  /** A committed roadmap step (cam kết lộ trình). */
  public record Milestone(LocalDate date, String milestone) {}

  public record Extension(
      long id,
      String caseCode,
      long taskId,
      String requestedBy,
      String agency,
      LocalDate currentDeadline,
      LocalDate proposedDeadline,
      ExtensionReason reason,
      String narrative,
      List<Milestone> milestones,
      boolean late,
      Status status,
      LocalDate approvedDeadline,
      String decisionNote,
      String decidedBy,
      Instant decidedAt,
      String processInstanceId,
      Instant requestedAt) {

    public boolean isOpen() {
      return status == Status.SUBMITTED || status == Status.INFO_REQUESTED;
    }
  }

  private static final TypeReference<List<Milestone>> MILESTONES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final RowMapper<Extension> rows;

  ExtensionRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    this.rows = (rs, n) -> new Extension(
        rs.getLong("id"),
        rs.getString("case_code"),
        rs.getLong("task_id"),
        rs.getString("requested_by"),
        rs.getString("agency"),
        rs.getObject("current_deadline", LocalDate.class),
        rs.getObject("proposed_deadline", LocalDate.class),
        ExtensionReason.valueOf(rs.getString("reason_code")),
        rs.getString("narrative"),
        milestones(rs.getString("milestones")),
        rs.getBoolean("late"),
        Status.valueOf(rs.getString("status")),
        rs.getObject("approved_deadline", LocalDate.class),
        rs.getString("decision_note"),
        rs.getString("decided_by"),
        instant(rs.getTimestamp("decided_at")),
        rs.getString("process_instance_id"),
        rs.getTimestamp("requested_at").toInstant());
  }

  long insert(
      String caseCode,
      long taskId,
      String requestedBy,
      String agency,
      LocalDate currentDeadline,
      LocalDate proposedDeadline,
      ExtensionReason reason,
      String narrative,
      List<Milestone> milestones,
      boolean late,
      Instant at) {
    return jdbc.sql("""
            insert into extension_request (case_code, task_id, requested_by, agency, current_deadline, proposed_deadline,
                                           reason_code, narrative, milestones, late, status, requested_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'SUBMITTED', ?) returning id""")
        .params(
            caseCode,
            taskId,
            requestedBy,
            agency,
            currentDeadline,
            proposedDeadline,
            reason.name(),
            narrative,
            write(milestones),
            late,
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** The version of the request's row, bumped by every change: orders its writes to search. */
  public long version(long id) {
    return jdbc.sql("select version from extension_request where id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  /** How many cases of this type a reindex copies (those {@code idsAfter} pages through). */
  public long count() {
    return jdbc.sql("select count(*) from extension_request").query(Long.class).single();
  }

  /** Ids of every request above {@code afterId}, ascending, at most {@code limit}. */
  public List<Long> idsAfter(long afterId, int limit) {
    return jdbc.sql("select id from extension_request where id > ? order by id limit ?")
        .params(afterId, limit)
        .query(Long.class)
        .list();
  }

  /** Raises the row's version alone: what search shows of it changed without a change of the row (an SLA clock). */
  void raiseVersion(long id) {
    jdbc.sql("update extension_request set version = version + 1 where id = ?")
        .param(id)
        .update();
  }

  void setProcessInstance(long id, String processInstanceId) {
    jdbc.sql(
            "update extension_request set process_instance_id = ?, version = version + 1 where id = ?")
        .params(processInstanceId, id)
        .update();
  }

  public Optional<Extension> find(long id) {
    return jdbc.sql("select * from extension_request where id = ?")
        .param(id)
        .query(rows)
        .optional();
  }

  public Optional<Extension> findByCaseCode(String caseCode) {
    return jdbc.sql("select * from extension_request where case_code = ?")
        .param(caseCode)
        .query(rows)
        .optional();
  }

  public List<Extension> forTask(long taskId) {
    return jdbc.sql("select * from extension_request where task_id = ? order by requested_at, id")
        .param(taskId)
        .query(rows)
        .list();
  }

  void setStatus(long id, Status status) {
    jdbc.sql("update extension_request set status = ?, version = version + 1 where id = ?")
        .params(status.name(), id)
        .update();
  }

  void decide(
      long id,
      Status status,
      LocalDate approvedDeadline,
      String note,
      String decidedBy,
      Instant at) {
    jdbc.sql("""
            update extension_request set status = ?, approved_deadline = ?, decision_note = ?, decided_by = ?, decided_at = ?,
                   version = version + 1
            where id = ?""")
        .params(status.name(), approvedDeadline, note, decidedBy, Timestamp.from(at), id)
        .update();
  }

  private List<Milestone> milestones(String text) {
    try {
      return json.readValue(text, MILESTONES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable milestones in extension_request", e);
    }
  }

  private String write(List<Milestone> milestones) {
    try {
      return json.writeValueAsString(milestones);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** The SLA clocks' view of this case type: the row and the agency working on it, by case code. */
  @Override
  public String caseType() {
    return "extension";
  }

  @Override
  public Optional<ClockCase> clockCase(String caseCode) {
    return findByCaseCode(caseCode)
        .map(extension -> new ClockCase(extension.id(), extension.agency()));
  }
}
