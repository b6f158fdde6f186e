package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.time.HanoiTime;

/** The countdown of a stage in working days, over the shipped calendar, at fixed instants. */
class SlaCountdownTest {

  private final WorkingCalendar calendar = new WorkingCalendar(CalendarSeed::days);

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(HanoiTime.ZONE).toInstant();
  }

  private SlaCountdown.Countdown at(String now, String state, String due) {
    SlaCountdown countdown = new SlaCountdown(calendar, Clock.fixed(at(now), HanoiTime.ZONE));
    return countdown.of(SlaSummary.of("ACCEPT", state, null, at(due), null, 0, at(now)));
  }

  @Test
  void theRestOfTodayCountsAsADayLeft() {
    // Monday 09/03/2026 10:00, due at the end of Wednesday 11/03: Monday (started), Tuesday,
    // Wednesday.
    SlaCountdown.Countdown left = at("2026-03-09T10:00", "RUNNING", "2026-03-12T00:00");
    assertThat(left.overdue()).isFalse();
    assertThat(left.workingDays()).isEqualTo(3);
  }

  @Test
  void aWeekendInBetweenDoesNotCount() {
    // Friday 13/03/2026 09:00, due at the end of Monday 16/03: Friday (started) and Monday.
    assertThat(at("2026-03-13T09:00", "RUNNING", "2026-03-17T00:00").workingDays())
        .isEqualTo(2);
  }

  @Test
  void overdueDaysAreWholeWorkingDaysAsOnTheSlaBoard() {
    // Due at the end of Thursday 05/03/2026; on Tuesday 10/03 at 12:00: Friday, Monday and half of
    // Tuesday.
    SlaCountdown.Countdown late = at("2026-03-10T12:00", "RUNNING", "2026-03-06T00:00");
    assertThat(late.overdue()).isTrue();
    assertThat(late.workingDays()).isEqualTo(2);
  }

  @Test
  void aPausedClockHasNoCountdown() {
    SlaCountdown.Countdown paused = at("2026-03-10T12:00", "PAUSED", "2026-03-06T00:00");
    assertThat(paused.paused()).isTrue();
    assertThat(paused.overdue()).isFalse();
  }
}
