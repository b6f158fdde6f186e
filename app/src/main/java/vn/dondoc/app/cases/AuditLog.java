package vn.dondoc.app.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who did what to which case, when and why; written in the transaction of the change itself. */
@Component
public class AuditLog {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public AuditLog(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** One entry of a case's history. */
  public record Event(
      String action, String actor, Map<String, Object> detail, Instant occurredAt) {}

  /** The case's history, oldest first. */
  public List<Event> history(String caseCode) {
    return jdbc.sql(
            "select action, actor, detail, occurred_at from audit_event where case_code = ? order by occurred_at, id")
        .param(caseCode)
        .query((rs, n) -> new Event(
            rs.getString("action"),
            rs.getString("actor"),
            detail(rs.getString("detail")),
            rs.getTimestamp("occurred_at").toInstant()))
        .list();
  }

  /** An entry of the whole trail, with its case. */
  public record Entry(
      long id, String caseCode, String action, String actor, String detail, Instant occurredAt) {}

  /**
   * What the trail is filtered by; a null field does not filter. {@code until} is exclusive. {@code agency}: the
   * events of the agency's cases (feedback it handles, tasks it leads, its extension requests, initiatives it
   * receives) and of the agency itself or its people (the agency named in the detail).
   */
  public record Filter(
      String caseCode, String actor, String action, Instant from, Instant until, String agency) {}

  /** The entries that pass the filter, newest first, at most {@code limit}. */
  public List<Entry> search(Filter filter, int limit) {
    return jdbc.sql("""
            select id, case_code, action, actor, detail, occurred_at from audit_event
            where (cast(:caseCode as text) is null or case_code = :caseCode)
              and (cast(:actor as text) is null or actor = :actor)
              and (cast(:action as text) is null or action = :action)
              and (cast(:from as timestamptz) is null or occurred_at >= :from)
              and (cast(:until as timestamptz) is null or occurred_at < :until)
              and (cast(:agency as text) is null
                   or case_code in (select code from feedback_item where handling_agency = :agency)
                   or case_code in (select case_code from task where lead_agency = :agency)
                   or case_code in (select case_code from extension_request where agency = :agency)
                   or case_code in (select case_code from initiative where receiving_agency = :agency)
                   or detail->>'agency' = :agency or detail->>'into' = :agency
                   or detail->'before'->>'agency' = :agency or detail->'after'->>'agency' = :agency)
            order by occurred_at desc, id desc limit :limit""")
        .param("caseCode", filter.caseCode())
        .param("actor", filter.actor())
        .param("action", filter.action())
        .param("from", filter.from() == null ? null : java.sql.Timestamp.from(filter.from()))
        .param("until", filter.until() == null ? null : java.sql.Timestamp.from(filter.until()))
        .param("agency", filter.agency())
        .param("limit", limit)
        .query((rs, n) -> new Entry(
            rs.getLong("id"),
            rs.getString("case_code"),
            rs.getString("action"),
            rs.getString("actor"),
            rs.getString("detail"),
            rs.getTimestamp("occurred_at").toInstant()))
        .list();
  }

  /** The kinds of event the trail holds. */
  public List<String> actions() {
    return jdbc.sql("select distinct action from audit_event order by action")
        .query(String.class)
        .list();
  }

  private Map<String, Object> detail(String text) {
    try {
      return json.readValue(text, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  public void record(String caseCode, String action, String actor, Map<String, ?> detail) {
    try {
      jdbc.sql(
              "insert into audit_event (case_code, action, actor, detail) values (?, ?, ?, ?::jsonb)")
          .params(caseCode, action, actor, json.writeValueAsString(detail))
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit detail is not serialisable", e);
    }
  }
}
