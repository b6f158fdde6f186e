package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The shipped calendar data (db/seed/calendar.csv) is consistent with itself and with the Labour Code. */
class CalendarSeedTest {

  private static final String UNCERTAIN = "theo luật; kiểm tra quyết định năm của Thủ tướng";
  private final List<CalendarDay> days = CalendarSeed.days();

  private static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  @Test
  void holidaysAreWeekdaysAndSwappedWorkingDaysAreWeekends() {
    for (CalendarDay day : days) {
      boolean expectWeekend = day.kind() == CalendarDay.Kind.WORKING_DAY;
      assertThat(weekend(day.day()))
          .as("%s %s %s", day.day(), day.day().getDayOfWeek(), day.kind())
          .isEqualTo(expectWeekend);
    }
  }

  @Test
  void daysAreUniqueAndNamed() {
    assertThat(days).extracting(CalendarDay::day).doesNotHaveDuplicates();
    assertThat(days)
        .allSatisfy(day -> assertThat(day.name()).isNotBlank().hasSizeLessThanOrEqualTo(200));
  }

  /** Labour Code 2019 art. 112: 11 paid days off a year; a swap adds a day off and a day worked. */
  @Test
  void everyYearHasElevenWeekdaysOffNet() {
    Map<Integer, Integer> net = new TreeMap<>();
    for (CalendarDay day : days) {
      net.merge(day.day().getYear(), day.kind() == CalendarDay.Kind.HOLIDAY ? 1 : -1, Integer::sum);
    }
    assertThat(net).containsExactly(Map.entry(2025, 11), Map.entry(2026, 11), Map.entry(2027, 11));
  }

  @Test
  void theLunarHolidaysFallOnTheirGregorianDates() {
    Map<LocalDate, String> names = new TreeMap<>();
    days.forEach(day -> names.put(day.day(), day.name()));
    assertThat(names.get(LocalDate.of(2025, 1, 29))).isEqualTo("Tết Nguyên đán Ất Tỵ");
    assertThat(names.get(LocalDate.of(2026, 2, 17))).isEqualTo("Tết Nguyên đán Bính Ngọ");
    assertThat(names.get(LocalDate.of(2025, 4, 7))).isEqualTo("Giỗ Tổ Hùng Vương");
    assertThat(names.get(LocalDate.of(2026, 4, 27))).isEqualTo("Giỗ Tổ Hùng Vương (nghỉ bù)");
    assertThat(names.get(LocalDate.of(2027, 4, 16))).isEqualTo("Giỗ Tổ Hùng Vương");
    // Mùng 1 Tết Đinh Mùi is Saturday 06/02/2027: the days off are around it.
    assertThat(names.get(LocalDate.of(2027, 2, 5))).isEqualTo("Tết Nguyên đán Đinh Mùi");
    assertThat(names.get(LocalDate.of(2027, 2, 8))).isEqualTo("Tết Nguyên đán Đinh Mùi");
  }

  @Test
  void onlyDaysNotYetDecidedByTheGovernmentCarryTheWarningNote() {
    assertThat(days).allSatisfy(day -> {
      boolean uncertain = day.note() != null && day.note().startsWith(UNCERTAIN);
      assertThat(uncertain).as("%s", day.day()).isEqualTo(day.day().getYear() >= 2027);
    });
  }
}
