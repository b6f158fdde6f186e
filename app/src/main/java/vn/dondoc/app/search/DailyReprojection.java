package vn.dondoc.app.search;

import java.time.LocalDate;

/**
 * What search shows that changes with the date alone (a task becoming near due, then overdue): the
 * {@link SearchStateSweep} calls {@link #refresh} once for each day start it passes. The capability that owns the
 * label implements it (tasks.TimelinessRefresh), so that search needs to know nothing of it.
 */
public interface DailyReprojection {

  /** Re-projects the cases whose label changes on {@code today} (which has started). */
  void refresh(LocalDate today);
}
