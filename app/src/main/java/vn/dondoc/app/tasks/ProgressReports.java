package vn.dondoc.app.tasks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table progress_report: one report per task and month (a second one for the month replaces the first). */
@Repository
public class ProgressReports {

  record Report(
      String period, Integer percent, String text, String submittedBy, Instant submittedAt) {}

  private final JdbcClient jdbc;

  ProgressReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void save(
      long taskId, String period, Integer percent, String text, String submittedBy, Instant at) {
    jdbc.sql("""
            insert into progress_report (task_id, period, percent, text, submitted_by, submitted_at) values (?, ?, ?, ?, ?, ?)
            on conflict (task_id, period) do update set percent = excluded.percent, text = excluded.text,
                submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at""")
        .params(taskId, period, percent, text, submittedBy, Timestamp.from(at))
        .update();
  }

  public List<Report> forTask(long taskId) {
    return jdbc.sql("select * from progress_report where task_id = ? order by period desc")
        .param(taskId)
        .query((rs, n) -> new Report(
            rs.getString("period"),
            (Integer) rs.getObject("percent"),
            rs.getString("text"),
            rs.getString("submitted_by"),
            rs.getTimestamp("submitted_at").toInstant()))
        .list();
  }
}
