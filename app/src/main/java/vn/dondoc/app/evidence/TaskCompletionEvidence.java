package vn.dondoc.app.evidence;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dondoc.app.evidence.EvidenceRepository.Status;
import vn.dondoc.app.evidence.EvidenceRepository.Submission;
import vn.dondoc.app.tasks.CompletionEvidence;

/** The submissions as the task's lifecycle asks about them (tasks.TaskSteps), from the evidence tables. */
@Component
class TaskCompletionEvidence implements CompletionEvidence {

  private final EvidenceRepository evidence;

  TaskCompletionEvidence(EvidenceRepository evidence) {
    this.evidence = evidence;
  }

  @Override
  public boolean awaitsReview(long submissionId, long taskId) {
    return evidence
        .find(submissionId)
        .filter(s -> s.taskId() == taskId && s.status() == Status.SUBMITTED)
        .isPresent();
  }

  @Override
  public Optional<Instant> acceptedSubmittedAt(long submissionId, long taskId) {
    return evidence
        .find(submissionId)
        .filter(s -> s.taskId() == taskId && s.status() == Status.ACCEPTED)
        .map(Submission::submittedAt);
  }
}
