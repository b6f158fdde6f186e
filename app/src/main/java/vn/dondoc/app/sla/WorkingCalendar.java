package vn.dondoc.app.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.dondoc.app.time.HanoiTime;

/**
 * Working days and working time for SLA clocks. Everything is reckoned in Hanoi time
 * ({@link HanoiTime#ZONE}).
 *
 * <ul>
 *   <li><b>Working day.</b> Monday to Friday, unless the calendar has a {@code HOLIDAY} row for it;
 *       Saturday and Sunday only with a {@code WORKING_DAY} row (làm bù). A row replaces the weekly rule.</li>
 *   <li><b>Working time.</b> Every instant of a working day counts, from 00:00 to 24:00; no instant of
 *       an off day does. There are no office hours: budgets are set in days (<i>ngày làm việc</i>).</li>
 *   <li><b>Budget in working days.</b> Counting starts on the first working day after the day the clock
 *       started, whatever the hour: the rest of the start day is free. The clock is due at the <b>end of the
 *       last counted working day</b>, i.e. at 00:00 of the calendar day after it. The due instant is
 *       exclusive: finished before it is on time, at or after it is late. A budget of 0 is due at the end
 *       of the start day. Example: started on Friday afternoon with 1 day, due at Monday 24:00 (Tuesday
 *       00:00) when Monday is a working day.</li>
 *   <li><b>Pauses.</b> A clock paused at {@code p} with due {@code d} has {@code workingTimeBetween(p, d)}
 *       left; resumed at {@code r} it is due at {@code addWorkingTime(r, left)}.</li>
 * </ul>
 *
 * The calendar rows are cached; an edit on this node clears the cache ({@link #invalidate()}), and the
 * cache expires after {@link #MAX_AGE} so that the other app nodes see the edit too.
 */
@Component
public class WorkingCalendar {

  private static final Duration MAX_AGE = Duration.ofMinutes(1);

  private final Supplier<List<CalendarDay>> days;
  private volatile Snapshot snapshot;

  private record Snapshot(NavigableMap<LocalDate, CalendarDay.Kind> kinds, long loadedAtNanos) {}

  @Autowired
  WorkingCalendar(CalendarDayRepository repository) {
    this(repository::all);
  }

  /** A calendar over any source of special days, e.g. a fixed list in a test. */
  public WorkingCalendar(Supplier<List<CalendarDay>> days) {
    this.days = days;
  }

  public boolean isWorkingDay(LocalDate day) {
    return isWorkingDay(day, kinds());
  }

  /** The due instant of a budget of {@code days} working days for a clock started at {@code start}. */
  public Instant addWorkingDays(Instant start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("negative budget: " + days);
    }
    Map<LocalDate, CalendarDay.Kind> kinds = kinds();
    LocalDate day = localDate(start);
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day, kinds)) {
        counted++;
      }
    }
    return startOf(day.plusDays(1));
  }

  /** The working time in {@code [from, to)}: the parts of it that fall on working days. */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(to + " is before " + from);
    }
    NavigableMap<LocalDate, CalendarDay.Kind> kinds = kinds();
    LocalDate first = localDate(from);
    LocalDate last = localDate(to);
    if (first.equals(last)) {
      return isWorkingDay(first, kinds) ? Duration.between(from, to) : Duration.ZERO;
    }
    Duration total = isWorkingDay(first, kinds)
        ? Duration.between(from, startOf(first.plusDays(1)))
        : Duration.ZERO;
    // The whole days in between by counting, not walking: a clock months overdue is asked this for
    // every
    // board. Whole days are 24 h: Hanoi keeps no daylight saving time.
    total = total.plusDays(workingDays(first.plusDays(1), last, kinds));
    return isWorkingDay(last, kinds) ? total.plus(Duration.between(startOf(last), to)) : total;
  }

  /** The working days in [{@code from}, {@code until}): the weekdays, corrected by the calendar's rows there. */
  private static long workingDays(
      LocalDate from, LocalDate until, NavigableMap<LocalDate, CalendarDay.Kind> kinds) {
    long days = ChronoUnit.DAYS.between(from, until);
    if (days <= 0) {
      return 0;
    }
    long count = days / 7 * 5;
    for (LocalDate day = from.plusDays(days / 7 * 7); day.isBefore(until); day = day.plusDays(1)) {
      count += isWeekday(day) ? 1 : 0;
    }
    for (Map.Entry<LocalDate, CalendarDay.Kind> row :
        kinds.subMap(from, true, until, false).entrySet()) {
      count += (row.getValue() == CalendarDay.Kind.WORKING_DAY ? 1 : 0)
          - (isWeekday(row.getKey()) ? 1 : 0);
    }
    return count;
  }

  /**
   * The earliest instant by which {@code workingTime} of working time has passed since {@code start};
   * time on off days does not count. When the time runs out exactly at the end of a working day, the
   * answer is that day's end (00:00 of the next day), consistent with {@link #addWorkingDays}.
   */
  public Instant addWorkingTime(Instant start, Duration workingTime) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("negative working time: " + workingTime);
    }
    if (workingTime.isZero()) {
      return start;
    }
    Map<LocalDate, CalendarDay.Kind> kinds = kinds();
    Duration left = workingTime;
    for (LocalDate day = localDate(start); ; day = day.plusDays(1)) {
      if (isWorkingDay(day, kinds)) {
        Instant begin = later(start, startOf(day));
        Duration available = Duration.between(begin, startOf(day.plusDays(1)));
        if (left.compareTo(available) <= 0) {
          return begin.plus(left);
        }
        left = left.minus(available);
      }
    }
  }

  /** Forgets the cached rows; called after an edit is committed. */
  public void invalidate() {
    snapshot = null;
  }

  private NavigableMap<LocalDate, CalendarDay.Kind> kinds() {
    Snapshot current = snapshot;
    if (current == null || System.nanoTime() - current.loadedAtNanos() > MAX_AGE.toNanos()) {
      NavigableMap<LocalDate, CalendarDay.Kind> kinds = new TreeMap<>();
      days.get().forEach(day -> kinds.put(day.day(), day.kind()));
      current = new Snapshot(Collections.unmodifiableNavigableMap(kinds), System.nanoTime());
      snapshot = current;
    }
    return current.kinds();
  }

  private static boolean isWorkingDay(LocalDate day, Map<LocalDate, CalendarDay.Kind> kinds) {
    CalendarDay.Kind kind = kinds.get(day);
    if (kind != null) {
      return kind == CalendarDay.Kind.WORKING_DAY;
    }
    return isWeekday(day);
  }

  private static boolean isWeekday(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private static LocalDate localDate(Instant instant) {
    return instant.atZone(HanoiTime.ZONE).toLocalDate();
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(HanoiTime.ZONE).toInstant();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
