package vn.dondoc.app.tasks;

import java.util.List;

/** Filters of the task list and the reports; null means any. */
public record TaskFilter(String directive, String leadAgency, String section, TaskStatus status) {

  public static final TaskFilter ANY = new TaskFilter(null, null, null, null);

  void appendTo(StringBuilder sql, List<Object> params) {
    if (directive != null) {
      sql.append(" and d.symbol = ?");
      params.add(directive);
    }
    if (leadAgency != null) {
      sql.append(" and t.lead_agency = ?");
      params.add(leadAgency);
    }
    if (section != null) {
      sql.append(" and t.section = ?");
      params.add(section);
    }
    if (status != null) {
      sql.append(" and t.status = ?");
      params.add(status.name());
    }
  }
}
