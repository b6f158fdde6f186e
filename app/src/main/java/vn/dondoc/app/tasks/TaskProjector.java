package vn.dondoc.app.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dondoc.app.DondocApplication;
import vn.dondoc.app.search.CaseProjector;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.VersionedCase;

/**
 * Tasks as search documents, with their timeliness label of the day they are projected. A label
 * changes with time alone; the deadline watch's timers and {@link TimelinessRefresh} re-project tasks
 * when it does.
 */
@Component
class TaskProjector implements CaseProjector {

  private final TaskRepository repository;
  private final TaskProperties properties;
  private final Clock clock;

  TaskProjector(TaskRepository repository, TaskProperties properties, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String caseType() {
    return TaskChanges.CASE_TYPE;
  }

  @Override
  public Optional<VersionedCase> project(long caseId) {
    LocalDate today = LocalDate.now(clock.withZone(DondocApplication.ZONE));
    return repository.findById(caseId).map(task -> {
      List<String> agencies = new ArrayList<>(task.cooperatingAgencies());
      agencies.add(0, task.leadAgency());
      Timeliness timeliness = task.timelinessOn(today, properties.nearDueDays());
      return new VersionedCase(CaseDocument.of(caseType(), task.caseCode(), task.title(), task.taskCode() + "\n" + task.content(),
          task.status().code(), timeliness == null ? null : timeliness.code(), task.leadAgency(), agencies,
          task.field().code(), null, task.createdAt(), task.updatedAt(),
          task.currentDeadline() == null ? null : task.currentDeadline().plusDays(1).atStartOfDay(DondocApplication.ZONE).toInstant(),
          task.completionVerifiedAt(), false), task.version());
    });
  }

  @Override
  public List<Long> idsAfter(long afterId, int limit) {
    return repository.idsAfter(afterId, limit);
  }
}
