package vn.dondoc.app.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dondoc.app.search.CaseProjector;
import vn.dondoc.app.sla.SlaSummaries;
import vn.dondoc.app.sla.SlaSummary;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.VersionedCase;

/**
 * Tasks as search documents, with their timeliness label of the day they are projected. A label
 * changes with time alone; the deadline watch's timers and {@link TimelinessRefresh} re-project tasks
 * when it does. Also: the directive's section and symbol, and the SLA state of an open acknowledgement
 * or review stage; due is the deadline in force (the end of that day).
 */
@Component
class TaskProjector implements CaseProjector {

  /** The stages of a task that have SLA clocks (sla_policy). */
  static final List<String> SLA_STAGES = List.of("ACKNOWLEDGE", "REVIEW");

  private final TaskRepository repository;
  private final TaskProperties properties;
  private final Clock clock;
  private final SlaSummaries sla;

  TaskProjector(
      TaskRepository repository, TaskProperties properties, Clock clock, SlaSummaries sla) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
    this.sla = sla;
  }

  @Override
  public String caseType() {
    return TaskChanges.CASE_TYPE;
  }

  @Override
  public Optional<VersionedCase> project(long caseId) {
    LocalDate today = LocalDate.now(clock.withZone(HanoiTime.ZONE));
    return repository.findById(caseId).map(task -> {
      List<String> agencies = new ArrayList<>(task.cooperatingAgencies());
      agencies.add(0, task.leadAgency());
      Timeliness timeliness = task.timelinessOn(today, properties.nearDueDays());
      CaseDocument document = CaseDocument.of(
              caseType(),
              task.caseCode(),
              task.title(),
              task.taskCode() + "\n" + task.content(),
              task.status().code(),
              timeliness == null ? null : timeliness.code(),
              task.leadAgency(),
              agencies,
              task.field().code(),
              null,
              task.createdAt(),
              task.updatedAt(),
              task.currentDeadline() == null
                  ? null
                  : task.currentDeadline()
                      .plusDays(1)
                      .atStartOfDay(HanoiTime.ZONE)
                      .toInstant(),
              task.completionVerifiedAt(),
              false)
          .inDirective(task.section(), task.directiveSymbol());
      // The deadline is the task's own; SLA clocks run only while it waits for acknowledgement or
      // review.
      Optional<SlaSummary> summary = sla.open(task.caseCode(), SLA_STAGES);
      if (summary.isPresent()) {
        document = document.withSla(
            summary.get().state(), summary.get().breachAt(), summary.get().escalationLevel());
      }
      return new VersionedCase(document, task.version());
    });
  }

  @Override
  public List<Long> idsAfter(long afterId, int limit) {
    return repository.idsAfter(afterId, limit);
  }

  @Override
  public long count() {
    return repository.count();
  }

  @Override
  public void raiseVersion(long caseId) {
    repository.raiseVersion(caseId);
  }
}
