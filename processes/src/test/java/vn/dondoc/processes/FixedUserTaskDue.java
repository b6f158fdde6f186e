package vn.dondoc.processes;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A stand-in for the user tasks' due dates in process tests: every budget is {@link #DAYS} calendar days from
 * the engine's clock ({@link ClockUtil}); a duration is added to it as given.
 */
public class FixedUserTaskDue implements UserTaskDue {

  public static final int DAYS = 2;

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public Date inWorkingDays(DelegateExecution execution, String budget) {
    return Date.from(now().plus(Duration.ofDays(DAYS)));
  }

  @Override
  public Date after(String isoDuration) {
    return Date.from(
        isoDuration.contains("T")
            ? now().plus(Duration.parse(isoDuration))
            : now().atZone(ZoneOffset.UTC).plus(Period.parse(isoDuration)).toInstant());
  }
}
