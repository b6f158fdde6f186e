package vn.dondoc.app.tasks;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.search.DailyReprojection;

/**
 * Timeliness labels change with the date alone (a task becomes near due, then overdue, judged by its
 * original deadline). When a day starts, the tasks whose label changes that day are re-projected (and the
 * change recorded), so search and dashboards agree with the API: the search sweep
 * (vn.dondoc.app.search.SearchStateSweep) calls {@link #refresh} once for each day start it passes.
 */
@Component
public class TimelinessRefresh implements DailyReprojection {

  private final TaskRepository tasks;
  private final TaskChanges changes;
  private final TaskProperties properties;

  TimelinessRefresh(TaskRepository tasks, TaskChanges changes, TaskProperties properties) {
    this.tasks = tasks;
    this.changes = changes;
    this.properties = properties;
  }

  /** The tasks whose label changes on {@code today} (which has started) are re-projected. */
  @Override
  @Transactional
  public void refresh(LocalDate today) {
    for (long id : tasks.labelChangesOn(today, properties.nearDueDays())) {
      tasks
          .findById(id)
          .ifPresent(task -> changes.recorded(
              id,
              task.caseCode(),
              "TASK_TIMELINESS_CHANGED",
              null,
              Map.of(
                  "timeliness",
                  String.valueOf(task.timelinessOn(today, properties.nearDueDays())))));
    }
  }
}
