package vn.dondoc.processes.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A stand-in for the SLA clocks in process tests: every stage warns 3 days after it is entered, is due
 * after 4 and goes to a supervisor 2 days after that, counted from the engine's clock ({@link ClockUtil}).
 * Leaving a stage forgets its entry, so re-entering starts from the current time again. Wrap it in a
 * Mockito spy to verify the calls.
 */
public class FixedSlaClocks implements SlaClocks {

  public static final Duration WARNING_AFTER = Duration.ofDays(3);
  public static final Duration DUE_AFTER = Duration.ofDays(4);
  public static final Duration SUPERVISOR_AFTER = Duration.ofDays(6);

  private final Map<String, Instant> entered = new HashMap<>();

  private Instant entry(DelegateExecution execution, String stage) {
    return entered.computeIfAbsent(
        execution.getProcessInstanceId() + stage,
        k -> ClockUtil.getCurrentTime().toInstant());
  }

  @Override
  public Date warningAt(DelegateExecution execution, String stage) {
    return Date.from(entry(execution, stage).plus(WARNING_AFTER));
  }

  @Override
  public Date dueAt(DelegateExecution execution, String stage) {
    return Date.from(entry(execution, stage).plus(DUE_AFTER));
  }

  @Override
  public Date supervisorAt(DelegateExecution execution, String stage) {
    return Date.from(entry(execution, stage).plus(SUPERVISOR_AFTER));
  }

  @Override
  public void stop(DelegateExecution execution, String stage) {
    entered.remove(execution.getProcessInstanceId() + stage);
  }
}
