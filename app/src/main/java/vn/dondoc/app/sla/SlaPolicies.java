package vn.dondoc.app.sla;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.cases.AuditLog;

/**
 * The SLA policy table: read when a clock starts, edited by admins. A clock copies its budget when it
 * starts, so an edit applies to the clocks started after it; running clocks keep their due dates.
 */
@Service
public class SlaPolicies {

  public static final String AUDIT_CASE = "SLA-POLICY";
  static final String AUDIT_ACTION = "SLA_POLICY_EDITED";

  private static final String COLUMNS =
      "case_type, stage, budget_working_days, warn_share, supervisor_delay_working_days";
  private static final RowMapper<SlaPolicy> POLICY = (rs, n) -> new SlaPolicy(
      rs.getString("case_type"),
      rs.getString("stage"),
      rs.getInt("budget_working_days"),
      rs.getBigDecimal("warn_share"),
      rs.getInt("supervisor_delay_working_days"));

  private final JdbcClient jdbc;
  private final AuditLog audit;

  SlaPolicies(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public List<SlaPolicy> all() {
    return jdbc.sql("select " + COLUMNS + " from sla_policy order by case_type, stage")
        .query(POLICY)
        .list();
  }

  public Optional<SlaPolicy> find(String caseType, String stage) {
    return jdbc.sql("select " + COLUMNS + " from sla_policy where case_type = ? and stage = ?")
        .params(caseType, stage)
        .query(POLICY)
        .optional();
  }

  /** Replaces the budget of an existing policy and audits the change; empty when there is no such policy. */
  @Transactional
  public Optional<SlaPolicy> edit(SlaPolicy edited, String actor) {
    Optional<SlaPolicy> before = jdbc.sql(
            "select " + COLUMNS + " from sla_policy where case_type = ? and stage = ? for update")
        .params(edited.caseType(), edited.stage())
        .query(POLICY)
        .optional();
    before.filter(policy -> !sameBudget(policy, edited)).ifPresent(policy -> {
      jdbc.sql("""
              update sla_policy set budget_working_days = ?, warn_share = ?, supervisor_delay_working_days = ?
              where case_type = ? and stage = ?""")
          .params(
              edited.budgetWorkingDays(),
              edited.warnShare(),
              edited.supervisorDelayWorkingDays(),
              edited.caseType(),
              edited.stage())
          .update();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("caseType", edited.caseType());
      detail.put("stage", edited.stage());
      detail.put("before", policy);
      detail.put("after", edited);
      audit.record(AUDIT_CASE, AUDIT_ACTION, actor, detail);
    });
    return before.map(policy -> edited);
  }

  private static boolean sameBudget(SlaPolicy a, SlaPolicy b) {
    return a.budgetWorkingDays() == b.budgetWorkingDays()
        && a.warnShare().compareTo(b.warnShare()) == 0
        && a.supervisorDelayWorkingDays() == b.supervisorDelayWorkingDays();
  }
}
