package vn.dondoc.app.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  public void record(String caseCode, String action, String actor, Map<String, ?> detail) {
    try {
      jdbc.sql("insert into audit_event (case_code, action, actor, detail) values (?, ?, ?, ?::jsonb)")
          .params(caseCode, action, actor, json.writeValueAsString(detail)).update();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit detail is not serialisable", e);
    }
  }
}
