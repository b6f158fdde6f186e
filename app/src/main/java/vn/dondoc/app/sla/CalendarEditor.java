package vn.dondoc.app.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.search.SearchRefresh;
import vn.dondoc.app.time.HanoiTime;

/**
 * Admins' edits of the working calendar. Each change, its audit events and the running clocks it moves
 * are written in one transaction; the calendar's cache is cleared only after the commit, so it never
 * reloads a state that could still roll back.
 *
 * <p>An edit moves the instants still ahead of every running clock (and of every paused one, from its
 * pause): the working time each had left is counted again in the edited calendar
 * ({@link SlaClock#recounted}), and the stage's timers move with it. {@link #preview} tells how many due
 * dates an edit would move, without writing anything.
 */
@Service
public class CalendarEditor {

  static final String AUDIT_ACTION = "CALENDAR_EDITED";
  static final String CLOCK_MOVED_ACTION = "SLA_DUE_MOVED";

  /** Days to set (created or replaced) and days to remove (they follow the weekly rule again). */
  public record Edit(List<CalendarDay> put, List<LocalDate> removed) {

    public static Edit put(CalendarDay day) {
      return new Edit(List.of(day), List.of());
    }

    public static Edit remove(LocalDate day) {
      return new Edit(List.of(), List.of(day));
    }

    private Optional<LocalDate> earliest() {
      return Stream.concat(put.stream().map(CalendarDay::day), removed.stream())
          .min(LocalDate::compareTo);
    }
  }

  /** What an edit did: days created, replaced and removed, and the clocks whose due date moved. */
  public record Applied(int created, int replaced, int removed, int dueDatesMoved) {}

  private final CalendarDayRepository repository;
  private final SlaClockRepository clocks;
  private final StageTimers timers;
  private final SearchRefresh search;
  private final AuditLog audit;
  private final WorkingCalendar calendar;
  private final TransactionTemplate transaction;
  private final Clock clock;

  CalendarEditor(
      CalendarDayRepository repository,
      SlaClockRepository clocks,
      StageTimers timers,
      SearchRefresh search,
      AuditLog audit,
      WorkingCalendar calendar,
      TransactionTemplate transaction,
      Clock clock) {
    this.repository = repository;
    this.clocks = clocks;
    this.timers = timers;
    this.search = search;
    this.audit = audit;
    this.calendar = calendar;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The special days of a year, in order. */
  public List<CalendarDay> year(int year) {
    return repository.year(year);
  }

  /** Whether the calendar has any special day in that year (a year not entered has none: Tết is in every year). */
  public boolean hasYear(int year) {
    return !repository.year(year).isEmpty();
  }

  /** Creates or replaces the row of {@code day.day()}; true when it did not exist. */
  boolean put(CalendarDay day, String actor) {
    return apply(Edit.put(day), null, actor).created() == 1;
  }

  /** Removes the row of {@code day}, if any: the day follows the weekly rule again. */
  void delete(LocalDate day, String actor) {
    apply(Edit.remove(day), null, actor);
  }

  /** A clock whose due date an edit moves: its case and stage, the due instant before and after. */
  public record DueMove(String caseCode, String stage, Instant before, Instant after) {}

  /** The running or paused clocks whose due date would move if the edit were saved now. */
  public List<DueMove> preview(Edit edit) {
    List<CalendarDay> before = repository.all();
    Map<LocalDate, CalendarDay> after = byDay(before);
    edit.removed().forEach(after::remove);
    edit.put().forEach(day -> after.put(day.day(), day));
    List<CalendarDay> afterDays = List.copyOf(after.values());
    WorkingCalendar current = new WorkingCalendar(() -> before);
    WorkingCalendar edited = new WorkingCalendar(() -> afterDays);
    Instant now = now();
    return edit.earliest()
        .map(from -> clocks.openAfter(startOf(from)).stream()
            .map(clock -> new DueMove(
                clock.owner().caseCode(),
                clock.owner().stage(),
                clock.timeline().dueAt(),
                clock.recounted(now, current, edited).timeline().dueAt()))
            .filter(move -> !move.before().equals(move.after()))
            .toList())
        .orElse(List.of());
  }

  /** Saves the edit with the admin's reason (in each audit event), moving the clocks it concerns. */
  public Applied apply(Edit edit, String reason, String actor) {
    Applied applied = transaction.execute(status -> {
      List<CalendarDay> before = repository.all();
      int created = 0;
      int replaced = 0;
      int removed = 0;
      for (CalendarDay day : edit.put()) {
        Optional<CalendarDay> old = repository.findForUpdate(day.day());
        if (old.filter(day::equals).isEmpty()) {
          repository.upsert(day);
          record(day.day(), old.orElse(null), day, reason, actor);
          created += old.isEmpty() ? 1 : 0;
          replaced += old.isPresent() ? 1 : 0;
        }
      }
      for (LocalDate day : edit.removed()) {
        Optional<CalendarDay> old = repository.findForUpdate(day);
        if (old.isPresent()) {
          repository.delete(day);
          record(day, old.get(), null, reason, actor);
          removed++;
        }
      }
      int moved = created + replaced + removed == 0
          ? 0
          : edit.earliest()
              .map(from -> moveClocks(before, repository.all(), from, reason, actor))
              .orElse(0);
      return new Applied(created, replaced, removed, moved);
    });
    calendar.invalidate();
    return applied;
  }

  private int moveClocks(
      List<CalendarDay> beforeDays,
      List<CalendarDay> afterDays,
      LocalDate from,
      String reason,
      String actor) {
    WorkingCalendar before = new WorkingCalendar(() -> beforeDays);
    WorkingCalendar after = new WorkingCalendar(() -> afterDays);
    Instant now = now();
    int moved = 0;
    for (SlaClock seen : clocks.openAfter(startOf(from))) {
      if (seen.recounted(now, before, after).timeline().equals(seen.timeline())) {
        continue;
      }
      SlaClock.Owner owner = seen.owner();
      // The case's row before the clock's, the order in which the SLA services lock them.
      search.caseChanged(owner.caseType(), owner.caseId());
      SlaClock current = clocks.lock(owner.processInstanceId(), owner.stage()).orElseThrow();
      SlaClock recounted = current.recounted(now, before, after);
      clocks.update(recounted);
      timers.move(owner.processInstanceId(), owner.stage(), recounted.timeline());
      if (!recounted.timeline().dueAt().equals(current.timeline().dueAt())) {
        timers.moveTaskDueDates(
            owner.processInstanceId(),
            current.timeline().dueAt(),
            recounted.timeline().dueAt());
        moved++;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("stage", owner.stage());
        detail.put("before", current.timeline().dueAt().toString());
        detail.put("after", recounted.timeline().dueAt().toString());
        detail.put("reason", reason);
        audit.record(owner.caseCode(), CLOCK_MOVED_ACTION, actor, detail);
      }
    }
    return moved;
  }

  private static Map<LocalDate, CalendarDay> byDay(List<CalendarDay> days) {
    Map<LocalDate, CalendarDay> map = new TreeMap<>();
    days.forEach(day -> map.put(day.day(), day));
    return map;
  }

  private void record(
      LocalDate day, CalendarDay before, CalendarDay after, String reason, String actor) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("day", day.toString());
    detail.put("before", before);
    detail.put("after", after);
    if (reason != null) {
      detail.put("reason", reason);
    }
    audit.record("CALENDAR-" + day.getYear(), AUDIT_ACTION, actor, detail);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(HanoiTime.ZONE).toInstant();
  }
}
