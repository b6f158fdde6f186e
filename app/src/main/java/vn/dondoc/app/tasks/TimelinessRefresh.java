package vn.dondoc.app.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.DondocApplication;

/**
 * Timeliness labels change with the date alone (a task becomes near due, then overdue, judged by its
 * original deadline). Just after midnight the tasks whose label changes that day are re-projected, so
 * search and dashboards agree with the API. Running on several nodes only re-projects twice.
 */
@Component
class TimelinessRefresh {

  private final TaskRepository tasks;
  private final TaskChanges changes;
  private final TaskProperties properties;
  private final Clock clock;

  TimelinessRefresh(TaskRepository tasks, TaskChanges changes, TaskProperties properties, Clock clock) {
    this.tasks = tasks;
    this.changes = changes;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Ho_Chi_Minh")
  @Transactional
  public void refresh() {
    LocalDate today = LocalDate.now(clock.withZone(DondocApplication.ZONE));
    for (long id : tasks.labelChangesOn(today, properties.nearDueDays())) {
      tasks.findById(id).ifPresent(task -> changes.recorded(id, task.caseCode(), "TASK_TIMELINESS_CHANGED", null,
          Map.of("timeliness", String.valueOf(task.timelinessOn(today, properties.nearDueDays())))));
    }
  }
}
