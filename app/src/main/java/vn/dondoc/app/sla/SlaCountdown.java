package vn.dondoc.app.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * How long an open SLA stage has left, in working days of the calendar, for lists that show a countdown
 * ("còn 3 ngày làm việc", "quá hạn 2 ngày làm việc"). Overdue days are counted as the SLA board counts
 * them (whole working days of working time since the due instant); days left are the working days, a
 * started one counting as a whole, that remain before the due instant.
 */
@Component
public class SlaCountdown {

  private static final Duration DAY = Duration.ofDays(1);

  private final WorkingCalendar calendar;
  private final Clock clock;

  SlaCountdown(WorkingCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * @param state the clock's state as {@link SlaSummary} tells it
   * @param overdue the due instant has passed (and the clock is not paused)
   * @param workingDays days left, or whole working days overdue
   */
  public record Countdown(
      String state, Instant dueAt, boolean overdue, boolean paused, long workingDays) {}

  public Countdown of(SlaSummary summary) {
    Instant now = clock.instant();
    Instant due = summary.dueAt();
    boolean paused = "PAUSED".equals(summary.state());
    if (due == null || paused) {
      return new Countdown(summary.state(), due, false, paused, 0);
    }
    if (now.isBefore(due)) {
      Duration left = calendar.workingTimeBetween(now, due);
      long days = left.toDays() + (left.toNanos() % DAY.toNanos() == 0 ? 0 : 1);
      return new Countdown(summary.state(), due, false, false, days);
    }
    return new Countdown(
        summary.state(), due, true, false, calendar.workingTimeBetween(due, now).toDays());
  }
}
