package vn.dondoc.app.sla;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.cases.AuditLog;

/**
 * Admins' edits of the working calendar. Each change and its audit event are written in one
 * transaction; the calendar's cache is cleared only after the commit, so it never reloads a state
 * that could still roll back.
 */
@Service
class CalendarEditor {

  static final String AUDIT_ACTION = "CALENDAR_EDITED";

  private final CalendarDayRepository repository;
  private final AuditLog audit;
  private final WorkingCalendar calendar;
  private final TransactionTemplate transaction;

  CalendarEditor(CalendarDayRepository repository, AuditLog audit, WorkingCalendar calendar, TransactionTemplate transaction) {
    this.repository = repository;
    this.audit = audit;
    this.calendar = calendar;
    this.transaction = transaction;
  }

  /** Creates or replaces the row of {@code day.day()}; true when it did not exist. */
  boolean put(CalendarDay day, String actor) {
    boolean created = Boolean.TRUE.equals(transaction.execute(status -> {
      Optional<CalendarDay> before = repository.findForUpdate(day.day());
      if (before.filter(day::equals).isPresent()) {
        return false;
      }
      repository.upsert(day);
      record(day.day(), before.orElse(null), day, actor);
      return before.isEmpty();
    }));
    calendar.invalidate();
    return created;
  }

  /** Removes the row of {@code day}, if any: the day follows the weekly rule again. */
  void delete(LocalDate day, String actor) {
    transaction.executeWithoutResult(status -> repository.findForUpdate(day).ifPresent(before -> {
      repository.delete(day);
      record(day, before, null, actor);
    }));
    calendar.invalidate();
  }

  private void record(LocalDate day, CalendarDay before, CalendarDay after, String actor) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("day", day.toString());
    detail.put("before", before);
    detail.put("after", after);
    audit.record("CALENDAR-" + day.getYear(), AUDIT_ACTION, actor, detail);
  }
}
