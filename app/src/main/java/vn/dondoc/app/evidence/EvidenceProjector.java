package vn.dondoc.app.evidence;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dondoc.app.search.CaseProjector;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskRepository;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.VersionedCase;

/**
 * Evidence submissions (completion reports under review) as search documents of their own, case type
 * {@value #CASE_TYPE}, code {@code <task case code>/MC-<submission id>}: "Minh chứng: " and the task's
 * title, the summary as text, the submission's status, the task's lead agency and directive.
 */
@Component
class EvidenceProjector implements CaseProjector {

  static final String CASE_TYPE = EvidenceService.OWNER_TYPE;

  private final EvidenceRepository evidence;
  private final TaskRepository tasks;

  EvidenceProjector(EvidenceRepository evidence, TaskRepository tasks) {
    this.evidence = evidence;
    this.tasks = tasks;
  }

  /** The search code of a submission of the task with this case code. */
  static String code(String taskCaseCode, long submissionId) {
    return taskCaseCode + "/MC-" + submissionId;
  }

  @Override
  public String caseType() {
    return CASE_TYPE;
  }

  @Override
  public Optional<VersionedCase> project(long caseId) {
    // The version before the row, as in ExtensionProjector: the state is never older than its
    // version.
    Optional<Long> version = evidence.find(caseId).map(s -> evidence.version(caseId));
    return version.flatMap(v -> evidence.find(caseId).map(submission -> {
      TaskRecord task = tasks.findById(submission.taskId()).orElseThrow();
      return new VersionedCase(
          CaseDocument.of(
                  CASE_TYPE,
                  code(task.caseCode(), submission.id()),
                  "Minh chứng: " + task.title(),
                  submission.summary(),
                  submission.status().name(),
                  null,
                  task.leadAgency(),
                  List.of(task.leadAgency()),
                  task.field().code(),
                  null,
                  submission.submittedAt(),
                  submission.decidedAt() != null
                      ? submission.decidedAt()
                      : submission.submittedAt(),
                  null,
                  submission.decidedAt(),
                  false)
              .inDirective(task.section(), task.directiveSymbol()),
          v);
    }));
  }

  @Override
  public List<Long> idsAfter(long afterId, int limit) {
    return evidence.idsAfter(afterId, limit);
  }

  @Override
  public long count() {
    return evidence.count();
  }

  @Override
  public void raiseVersion(long caseId) {
    evidence.raiseVersion(caseId);
  }
}
