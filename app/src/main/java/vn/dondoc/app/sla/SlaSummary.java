package vn.dondoc.app.sla;

import java.time.Instant;

/**
 * The SLA of a case as search and lists show it: the state of its current (or most recent) stage
 * clock, when that stage is due, when it was breached and how far it was escalated.
 *
 * @param state RUNNING, AT_RISK (running and past its warning instant), PAUSED, MET or BREACHED (stopped
 *     late, or still running past its due instant)
 * @param breachAt when the stage was breached, or null if it was not (yet)
 * @param escalationLevel 0 none, 1 warned, 2 leader notified, 3 supervisor task
 */
public record SlaSummary(
    String stage, String state, Instant dueAt, Instant breachAt, int escalationLevel) {

  public static final String AT_RISK = "AT_RISK";

  /**
   * The same rule as {@link #of} over the columns of an sla_clock row aliased {@code row}, as of the
   * query parameter {@code :now}: the state search documents carry, for SQL that counts clocks
   * (SlaBoard), so that both say AT_RISK and BREACHED of the same clocks (SlaStateRuleIT).
   */
  public static String stateSql(String row) {
    return ("case when %1$s.state = 'RUNNING' and %1$s.due_at <= :now then 'BREACHED'"
            + " when %1$s.state = 'RUNNING' and %1$s.warn_at <= :now then 'AT_RISK' else %1$s.state end")
        .formatted(row);
  }

  /** The summary of a clock in {@code clockState} at {@code now}. */
  public static SlaSummary of(
      String stage,
      String clockState,
      Instant warnAt,
      Instant dueAt,
      Instant breachedAt,
      int escalationLevel,
      Instant now) {
    String state = clockState;
    Instant breach = breachedAt;
    if ("RUNNING".equals(clockState)) {
      if (dueAt != null && !now.isBefore(dueAt)) {
        state = "BREACHED";
        breach = breachedAt != null ? breachedAt : dueAt;
      } else if (warnAt != null && !now.isBefore(warnAt)) {
        state = AT_RISK;
      }
    }
    return new SlaSummary(stage, state, dueAt, breach, escalationLevel);
  }
}
