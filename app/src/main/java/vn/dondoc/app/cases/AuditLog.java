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
  public record Event(String action, String actor, Map<String, Object> detail, Instant occurredAt) {}

  /** The case's history, oldest first. */
  public List<Event> history(String caseCode) {
    return jdbc.sql("select action, actor, detail, occurred_at from audit_event where case_code = ? order by occurred_at, id")
        .param(caseCode).query((rs, n) -> new Event(rs.getString("action"), rs.getString("actor"), detail(rs.getString("detail")),
            rs.getTimestamp("occurred_at").toInstant())).list();
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
      jdbc.sql("insert into audit_event (case_code, action, actor, detail) values (?, ?, ?, ?::jsonb)")
          .params(caseCode, action, actor, json.writeValueAsString(detail)).update();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit detail is not serialisable", e);
    }
  }
}
