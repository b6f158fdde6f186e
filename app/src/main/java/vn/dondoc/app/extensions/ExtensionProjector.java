package vn.dondoc.app.extensions;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dondoc.app.search.CaseProjector;
import vn.dondoc.app.sla.SlaSummaries;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskRepository;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.VersionedCase;

/**
 * Extension requests as search documents of their own (case type {@value #CASE_TYPE}, code GH-…): the
 * task's title, the narrative as text, the requesting agency as lead, due the proposed deadline (the end
 * of that day), the directive of the task, and the SLA of the standing office's decision.
 */
@Component
class ExtensionProjector implements CaseProjector {

  static final String CASE_TYPE = ExtensionService.OWNER_TYPE;
  private static final List<String> SLA_STAGES = List.of("DECIDE");

  private final ExtensionRepository extensions;
  private final TaskRepository tasks;
  private final SlaSummaries sla;

  ExtensionProjector(ExtensionRepository extensions, TaskRepository tasks, SlaSummaries sla) {
    this.extensions = extensions;
    this.tasks = tasks;
    this.sla = sla;
  }

  @Override
  public String caseType() {
    return CASE_TYPE;
  }

  @Override
  public Optional<VersionedCase> project(long caseId) {
    // The version first: a change committed between the two reads then comes with an older version
    // than its state, which the change's own outbox row corrects, never the other way round.
    Optional<Long> version = extensions.find(caseId).map(e -> extensions.version(caseId));
    return version.flatMap(v -> extensions.find(caseId).map(extension -> {
      TaskRecord task = tasks.findById(extension.taskId()).orElseThrow();
      CaseDocument base = CaseDocument.of(
              CASE_TYPE,
              extension.caseCode(),
              task.title(),
              extension.narrative(),
              extension.status().name(),
              null,
              extension.agency(),
              List.of(extension.agency()),
              task.field().code(),
              null,
              extension.requestedAt(),
              extension.decidedAt() != null ? extension.decidedAt() : extension.requestedAt(),
              extension
                  .proposedDeadline()
                  .plusDays(1)
                  .atStartOfDay(HanoiTime.ZONE)
                  .toInstant(),
              extension.isOpen() ? null : extension.decidedAt(),
              false)
          .inDirective(task.section(), task.directiveSymbol());
      CaseDocument document = sla.of(extension.caseCode(), SLA_STAGES)
          .map(s -> base.withSla(s.state(), s.breachAt(), s.escalationLevel()))
          .orElse(base);
      return new VersionedCase(document, v);
    }));
  }

  @Override
  public List<Long> idsAfter(long afterId, int limit) {
    return extensions.idsAfter(afterId, limit);
  }

  @Override
  public long count() {
    return extensions.count();
  }

  @Override
  public void raiseVersion(long caseId) {
    extensions.raiseVersion(caseId);
  }
}
