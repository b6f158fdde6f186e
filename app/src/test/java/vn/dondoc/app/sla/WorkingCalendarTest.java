package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.time.HanoiTime;

/** The calendar's arithmetic over the shipped days of db/seed/calendar.csv, held in memory. */
class WorkingCalendarTest {

  private final WorkingCalendar calendar = new WorkingCalendar(CalendarSeed::days);

  /** An instant given as Hanoi wall-clock time, e.g. "2026-02-13T15:30". */
  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(HanoiTime.ZONE).toInstant();
  }

  @Test
  void weekdaysWorkWeekendsRestAndTheCalendarOverridesBoth() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).as("Monday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).as("Saturday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17)))
        .as("Mùng 1 Tết Bính Ngọ")
        .isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 10)))
        .as("Saturday làm bù")
        .isTrue();
  }

  @Test
  void aClockStartedOnTheFridayBeforeTetIsDueAtTheEndOfTheMondayAfterIt() {
    // 14–22/02/2026 are off: Saturday, Sunday, five days of Tết, Saturday, Sunday.
    assertThat(calendar.addWorkingDays(at("2026-02-13T15:30"), 1))
        .isEqualTo(at("2026-02-24T00:00"));
  }

  @Test
  void tenWorkingDaysFromTheLastDayBeforeTetSkipTheWholeBreak() {
    // 23–27/02 and 02–06/03/2026.
    assertThat(calendar.addWorkingDays(at("2026-02-13T09:00"), 10))
        .isEqualTo(at("2026-03-07T00:00"));
  }

  @Test
  void theCompensatoryMondayOfGioToIsSkipped() {
    // Giỗ Tổ falls on Sunday 26/04/2026; Monday 27/04 is off instead.
    assertThat(calendar.addWorkingDays(at("2026-04-24T10:00"), 1))
        .isEqualTo(at("2026-04-29T00:00"));
  }

  @Test
  void thirtiethOfAprilAndFirstOfMayAreSkipped() {
    // 30/04 and 01/05/2026 are Thursday and Friday; then the weekend.
    assertThat(calendar.addWorkingDays(at("2026-04-29T10:00"), 2))
        .isEqualTo(at("2026-05-06T00:00"));
  }

  @Test
  void aSwappedSaturdayCounts() {
    // Friday 02/01/2026 was swapped for Saturday 10/01/2026.
    assertThat(calendar.addWorkingDays(at("2026-01-09T16:00"), 1))
        .isEqualTo(at("2026-01-11T00:00"));
    assertThat(calendar.addWorkingDays(at("2026-01-01T09:00"), 1))
        .as("started on the holiday itself")
        .isEqualTo(at("2026-01-06T00:00"));
  }

  @Test
  void aClockStartedAtTheWeekendCountsFromMonday() {
    assertThat(calendar.addWorkingDays(at("2026-03-07T10:00"), 1))
        .isEqualTo(at("2026-03-10T00:00"));
    assertThat(calendar.addWorkingDays(at("2026-03-08T23:59"), 1))
        .isEqualTo(at("2026-03-10T00:00"));
  }

  @Test
  void theStartDayNeverCountsAndABudgetOfZeroEndsWithIt() {
    assertThat(calendar.addWorkingDays(at("2026-03-09T00:00"), 1))
        .isEqualTo(at("2026-03-11T00:00"));
    assertThat(calendar.addWorkingDays(at("2026-03-09T10:00"), 0))
        .isEqualTo(at("2026-03-10T00:00"));
  }

  @Test
  void budgetsRunAcrossTheYearBoundary() {
    // 01/01/2027 is a Friday holiday, then the weekend.
    assertThat(calendar.addWorkingDays(at("2026-12-31T15:00"), 1))
        .isEqualTo(at("2027-01-05T00:00"));
    assertThat(calendar.addWorkingDays(at("2026-12-31T15:00"), 2))
        .isEqualTo(at("2027-01-06T00:00"));
  }

  @Test
  void timeOnHolidaysAndWeekendsIsNotWorkingTime() {
    assertThat(calendar.workingTimeBetween(at("2026-02-16T00:00"), at("2026-02-21T00:00")))
        .isZero();
    assertThat(calendar.workingTimeBetween(at("2026-02-14T09:00"), at("2026-02-22T18:00")))
        .isZero();
    assertThat(calendar.workingTimeBetween(at("2026-02-13T12:00"), at("2026-02-23T12:00")))
        .isEqualTo(Duration.ofHours(24));
    assertThat(calendar.workingTimeBetween(at("2026-03-09T10:00"), at("2026-03-09T10:00")))
        .isZero();
  }

  @Test
  void workingTimeOverLongSpansIsTheSumOfItsWorkingDays() {
    // Against the plain definition, day by day, for spans of hours to three years across every
    // holiday
    // and swapped Saturday of the seed (2025–2027) and beyond it, starting and ending at any time
    // of day.
    SplittableRandom random = new SplittableRandom(57);
    Instant earliest = at("2024-06-01T00:00");
    for (int k = 0; k < 2_000; k++) {
      Instant from = earliest.plusSeconds(random.nextLong(3L * 365 * 86_400));
      Instant to = from.plusSeconds(
          k % 4 == 0 ? random.nextLong(3 * 86_400) : random.nextLong(3L * 365 * 86_400));
      assertThat(calendar.workingTimeBetween(from, to))
          .as("%s → %s", from, to)
          .isEqualTo(dayByDay(from, to));
    }
  }

  /** Working time by its definition: every instant of [from, to) that falls on a working day. */
  private Duration dayByDay(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    for (LocalDate day = from.atZone(HanoiTime.ZONE).toLocalDate(); ; day = day.plusDays(1)) {
      Instant start = day.atStartOfDay(HanoiTime.ZONE).toInstant();
      Instant end = day.plusDays(1).atStartOfDay(HanoiTime.ZONE).toInstant();
      if (!start.isBefore(to)) {
        return total;
      }
      if (calendar.isWorkingDay(day)) {
        total = total.plus(
            Duration.between(from.isAfter(start) ? from : start, to.isBefore(end) ? to : end));
      }
    }
  }

  @Test
  void aPausedClockResumesWithTheWorkingTimeItHadLeft() {
    Instant started = at("2026-02-09T10:00");
    Instant due = calendar.addWorkingDays(started, 2);
    assertThat(due).isEqualTo(at("2026-02-12T00:00"));

    Instant paused = at("2026-02-10T10:00");
    Duration left = calendar.workingTimeBetween(paused, due);
    assertThat(left).isEqualTo(Duration.ofHours(14 + 24));

    // Resumed on the last afternoon before Tết: 8 hours that Friday, the rest after the break.
    assertThat(calendar.addWorkingTime(at("2026-02-13T16:00"), left))
        .isEqualTo(at("2026-02-24T06:00"));
    // Resumed during Tết: the time starts running on the first working day.
    assertThat(calendar.addWorkingTime(at("2026-02-18T08:00"), left))
        .isEqualTo(at("2026-02-24T14:00"));
  }

  @Test
  void workingTimeThatEndsWithAWorkingDayIsDueAtThatDaysEnd() {
    // Consistent with addWorkingDays: a whole day left, resumed at Friday 00:00, ends at Friday
    // 24:00.
    assertThat(calendar.addWorkingTime(at("2026-03-13T00:00"), Duration.ofDays(1)))
        .isEqualTo(at("2026-03-14T00:00"));
    assertThat(calendar.addWorkingTime(at("2026-03-14T10:00"), Duration.ZERO))
        .isEqualTo(at("2026-03-14T10:00"));
  }

  @Test
  void negativeInputIsRefused() {
    assertThatThrownBy(() -> calendar.addWorkingDays(at("2026-03-09T10:00"), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.addWorkingTime(at("2026-03-09T10:00"), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> calendar.workingTimeBetween(at("2026-03-09T10:00"), at("2026-03-09T09:00")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEditIsSeenAfterInvalidation() {
    List<CalendarDay> days = new ArrayList<>(CalendarSeed.days());
    WorkingCalendar editable = new WorkingCalendar(() -> List.copyOf(days));
    LocalDate wednesday = LocalDate.of(2026, 3, 11);
    assertThat(editable.isWorkingDay(wednesday)).isTrue();

    days.add(new CalendarDay(wednesday, CalendarDay.Kind.HOLIDAY, "Ngày nghỉ thử", null));
    assertThat(editable.isWorkingDay(wednesday)).as("cached").isTrue();
    editable.invalidate();
    assertThat(editable.isWorkingDay(wednesday)).isFalse();
  }
}
