package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the calendar page, the admins' inbox and the health endpoint warn that next year is missing. */
class CalendarCoverageTest {

  @Test
  void nextYearMissingIsWarnedFromTheFirstOfOctober() {
    Set<Integer> entered = Set.of(2026);
    assertThat(CalendarCoverage.missingYear(LocalDate.parse("2026-09-30"), entered::contains))
        .isEmpty();
    assertThat(CalendarCoverage.missingYear(LocalDate.parse("2026-10-01"), entered::contains))
        .contains(2027);
    assertThat(CalendarCoverage.missingYear(LocalDate.parse("2026-12-31"), entered::contains))
        .contains(2027);
    assertThat(CalendarCoverage.missingYear(LocalDate.parse("2027-01-01"), entered::contains))
        .isEmpty();
  }

  @Test
  void anEnteredNextYearIsNoWarning() {
    Set<Integer> entered = Set.of(2026, 2027);
    assertThat(CalendarCoverage.missingYear(LocalDate.parse("2026-10-01"), entered::contains))
        .isEmpty();
    assertThat(CalendarCoverage.missingYear(LocalDate.parse("2026-12-31"), entered::contains))
        .isEmpty();
  }
}
