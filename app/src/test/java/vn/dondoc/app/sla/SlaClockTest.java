package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.time.HanoiTime;

/** The arithmetic of SLA clocks over the shipped calendar (db/seed/calendar.csv), held in memory. */
class SlaClockTest {

  private final WorkingCalendar calendar = new WorkingCalendar(CalendarSeed::days);

  private static final SlaPolicy ROUTE =
      new SlaPolicy("feedback", "ROUTE", 1, new BigDecimal("0.75"), 2);
  private static final SlaPolicy ACCEPT =
      new SlaPolicy("feedback", "ACCEPT", 2, new BigDecimal("0.75"), 2);

  /** An instant given as Hanoi wall-clock time, e.g. "2026-02-13T15:30". */
  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(HanoiTime.ZONE).toInstant();
  }

  private SlaClock startedAt(String localDateTime, SlaPolicy policy) {
    SlaClock.Owner owner =
        new SlaClock.Owner("feedback", 1L, "PAKN-2026-000001", "pi-1", policy.stage());
    return SlaClock.start(owner, "bkhcn", policy, at(localDateTime), calendar);
  }

  @Test
  void
      aClockStartedTheAfternoonBeforeTetIsDueAfterTheBreakAndWarnsAtThreeQuartersOfItsWorkingTime() {
    SlaClock clock = startedAt("2026-02-13T15:30", ROUTE);

    assertThat(clock.state()).isEqualTo(SlaClock.State.RUNNING);
    // Saturday 14 to Sunday 22/02/2026 are off: one working day is Monday 23/02.
    assertThat(clock.timeline().dueAt()).isEqualTo(at("2026-02-24T00:00"));
    // 8 h 30 left on Friday + 24 h on Monday = 32 h 30; three quarters = 24 h 22 min 30 s,
    // of which 8 h 30 on Friday: 15 h 52 min 30 s into Monday, not 75% of the eleven calendar days.
    assertThat(clock.timeline().warnAt()).isEqualTo(at("2026-02-23T15:52:30"));
    // two more working days after the due instant: Tuesday 24 and Wednesday 25/02
    assertThat(clock.timeline().supervisorAt()).isEqualTo(at("2026-02-26T00:00"));
  }

  @Test
  void aSupervisorDelayOfNoDaysCallsTheSupervisorAtTheDueInstant() {
    SlaPolicy noDelay = new SlaPolicy("feedback", "ROUTE", 1, new BigDecimal("0.50"), 0);
    SlaClock clock = SlaClock.start(
        new SlaClock.Owner("feedback", 1L, "PAKN-2026-000001", "pi-1", "ROUTE"),
        null,
        noDelay,
        at("2026-03-09T00:00"),
        calendar);

    assertThat(clock.timeline().dueAt()).isEqualTo(at("2026-03-11T00:00"));
    assertThat(clock.timeline().warnAt()).isEqualTo(at("2026-03-10T00:00"));
    assertThat(clock.timeline().supervisorAt()).isEqualTo(clock.timeline().dueAt());
  }

  @Test
  void aPauseOverAWeekendAndAHolidayMovesTheTimersByTheWorkingTimeSpentPaused() {
    // Two working days from Thursday 23/04/2026: Friday 24 and, after the weekend and Monday 27/04
    // (compensatory day off for Giỗ Tổ), Tuesday 28/04.
    SlaClock clock = startedAt("2026-04-23T10:00", ACCEPT);
    assertThat(clock.timeline().dueAt()).isEqualTo(at("2026-04-29T00:00"));
    // 14 + 24 + 24 = 62 h of working time; 46 h 30 of it ends on Tuesday 08:30
    assertThat(clock.timeline().warnAt()).isEqualTo(at("2026-04-28T08:30"));

    SlaClock paused = clock.pause(at("2026-04-24T17:00"));
    assertThat(paused.state()).isEqualTo(SlaClock.State.PAUSED);
    assertThat(paused.timeline()).as("a pause alone moves nothing").isEqualTo(clock.timeline());

    SlaClock resumed = paused.resume(at("2026-04-28T09:00"), calendar);

    assertThat(resumed.state()).isEqualTo(SlaClock.State.RUNNING);
    assertThat(resumed.pausedAt()).isNull();
    // Friday 17:00 to 24:00 and Tuesday 00:00 to 09:00; the weekend and Monday 27/04 are not
    // working time
    assertThat(resumed.pausedWorkingTime()).isEqualTo(Duration.ofHours(16));
    assertThat(resumed.timeline().dueAt()).isEqualTo(at("2026-04-29T16:00"));
    assertThat(resumed.timeline().warnAt()).isEqualTo(at("2026-04-29T00:30"));
    // 79 h were left; Thursday 30/04 and Friday 01/05 are holidays
    assertThat(resumed.timeline().supervisorAt()).isEqualTo(at("2026-05-05T16:00"));
    assertThat(resumed.startedAt()).isEqualTo(clock.startedAt());
  }

  @Test
  void pausingTwiceAddsUpAndResumingARunningClockChangesNothing() {
    SlaClock clock = startedAt("2026-04-23T10:00", ACCEPT);
    assertThat(clock.resume(at("2026-04-23T11:00"), calendar)).isSameAs(clock);

    SlaClock twice = clock
        .pause(at("2026-04-23T11:00"))
        .resume(at("2026-04-23T12:00"), calendar)
        .pause(at("2026-04-24T08:00"))
        .pause(at("2026-04-24T09:00"))
        .resume(at("2026-04-24T10:00"), calendar);

    assertThat(twice.pausedWorkingTime()).isEqualTo(Duration.ofHours(3));
    assertThat(twice.timeline().dueAt()).isEqualTo(at("2026-04-29T03:00"));
  }

  @Test
  void aRerouteResumesTheClockWithTheTimeItHadLeftInsteadOfResettingIt() {
    SlaClock clock = startedAt("2026-03-09T10:00", ROUTE);
    assertThat(clock.timeline().dueAt()).isEqualTo(at("2026-03-11T00:00"));

    SlaClock routed = clock.stop(at("2026-03-09T16:00"), calendar);
    assertThat(routed.state()).isEqualTo(SlaClock.State.MET);
    assertThat(routed.isStopped()).isTrue();

    SlaClock returned = routed.reenter("hanoi", at("2026-03-12T09:00"), calendar);

    assertThat(returned.state()).isEqualTo(SlaClock.State.RUNNING);
    assertThat(returned.stoppedAt()).isNull();
    assertThat(returned.startedAt()).isEqualTo(at("2026-03-09T10:00"));
    assertThat(returned.agency()).isEqualTo("hanoi");
    // 8 h on Monday and 24 h on Tuesday were left; a reset would have given Saturday 00:00
    assertThat(returned.timeline().dueAt()).isEqualTo(at("2026-03-13T17:00"));
    assertThat(returned.timeline().dueAt())
        .isBefore(calendar.addWorkingDays(at("2026-03-12T09:00"), 1));
    assertThat(returned.pausedWorkingTime())
        .as("time out of the stage is not a pause")
        .isEqualTo(Duration.ZERO);
    assertThat(returned.reenter("bkhcn", at("2026-03-12T10:00"), calendar))
        .as("entering a running stage again")
        .isSameAs(returned);
  }

  @Test
  void aStageLeftBeforeItsDueInstantIsMetAndAtItIsBreached() {
    SlaClock clock = startedAt("2026-03-09T10:00", ROUTE);

    SlaClock met = clock.stop(at("2026-03-10T23:59:59.999"), calendar);
    SlaClock late = clock.stop(at("2026-03-11T00:00"), calendar);

    assertThat(met.state()).isEqualTo(SlaClock.State.MET);
    assertThat(met.breachedAt()).isNull();
    assertThat(met.stoppedAt()).isEqualTo(at("2026-03-10T23:59:59.999"));
    assertThat(late.state()).isEqualTo(SlaClock.State.BREACHED);
    assertThat(late.breachedAt()).isEqualTo(at("2026-03-11T00:00"));
    assertThat(late.stop(at("2026-03-12T00:00"), calendar)).as("stopping twice").isSameAs(late);
  }

  @Test
  void aBreachedStageEnteredAgainKeepsItsPastInstantsAndItsBreach() {
    SlaClock late = startedAt("2026-03-09T10:00", ROUTE).stop(at("2026-03-11T10:00"), calendar);

    SlaClock again = late.reenter(null, at("2026-03-12T09:00"), calendar);

    assertThat(again.timeline().warnAt()).isEqualTo(late.timeline().warnAt());
    assertThat(again.timeline().dueAt()).isEqualTo(at("2026-03-11T00:00"));
    assertThat(again.breachedAt()).isEqualTo(at("2026-03-11T00:00"));
    // 10 h of the two days to the supervisor had passed when the stage was left; 38 h are left
    assertThat(again.timeline().supervisorAt()).isEqualTo(at("2026-03-13T23:00"));
  }

  @Test
  void aStageLeftWhilePausedCountsOnlyTheTimeItRan() {
    SlaClock clock = startedAt("2026-03-09T10:00", ROUTE).pause(at("2026-03-09T12:00"));

    SlaClock left = clock.stop(at("2026-03-12T12:00"), calendar);

    assertThat(left.state())
        .as("three days paused push the due instant past the stop")
        .isEqualTo(SlaClock.State.MET);
    assertThat(left.pausedWorkingTime()).isEqualTo(Duration.ofHours(72));
    assertThat(left.timeline().dueAt()).isEqualTo(at("2026-03-14T00:00"));
    assertThat(left.pausedAt()).isNull();
  }

  @Test
  void aHolidayAddedAheadOfARunningClockMovesItsInstantsAndOneBehindItLeavesThemAlone() {
    // Two working days from Monday 09/03/2026: Tuesday 10 and Wednesday 11, due Thursday 00:00.
    SlaClock clock = startedAt("2026-03-09T10:00", ACCEPT);
    assertThat(clock.timeline().dueAt()).isEqualTo(at("2026-03-12T00:00"));
    List<CalendarDay> withHoliday = new ArrayList<>(CalendarSeed.days());
    withHoliday.add(
        new CalendarDay(LocalDate.parse("2026-03-11"), CalendarDay.Kind.HOLIDAY, "Nghỉ thử", null));
    WorkingCalendar edited = new WorkingCalendar(() -> withHoliday);

    SlaClock moved = clock.recounted(at("2026-03-10T09:00"), calendar, edited);
    assertThat(moved.timeline().dueAt()).isEqualTo(at("2026-03-13T00:00"));
    assertThat(moved.timeline().supervisorAt()).isEqualTo(at("2026-03-17T00:00"));
    assertThat(moved.startedAt()).isEqualTo(clock.startedAt());

    // A paused clock keeps what it had left when the pause began, however late the calendar
    // changes.
    SlaClock paused = clock.pause(at("2026-03-10T12:00"));
    assertThat(paused
            .recounted(at("2026-03-10T18:00"), calendar, edited)
            .timeline()
            .dueAt())
        .isEqualTo(at("2026-03-13T00:00"));

    // A stopped clock and a holiday behind the clock's instants change nothing.
    SlaClock stopped = clock.stop(at("2026-03-10T12:00"), calendar);
    assertThat(stopped.recounted(at("2026-03-10T18:00"), calendar, edited)).isEqualTo(stopped);
    WorkingCalendar past = new WorkingCalendar(() -> List.of(new CalendarDay(
        LocalDate.parse("2026-03-02"), CalendarDay.Kind.HOLIDAY, "Nghỉ thử", null)));
    assertThat(
            clock.recounted(at("2026-03-10T09:00"), calendar, past).timeline().dueAt())
        .isEqualTo(clock.timeline().dueAt());
  }
}
