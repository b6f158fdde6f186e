package vn.dondoc.app.tasks;

import java.time.Instant;
import java.util.Optional;

/**
 * The evidence submission a completion names, as the task's lifecycle steps ({@link TaskSteps}) ask about it. Evidence
 * owns the submissions and implements this (evidence.TaskCompletionEvidence), so that tasks needs to know nothing of
 * evidence: the database, not the process variable, says whether a submission is this task's and in which state.
 */
public interface CompletionEvidence {

  /** Whether submission {@code submissionId} is task {@code taskId}'s and waits for its review. */
  boolean awaitsReview(long submissionId, long taskId);

  /** When submission {@code submissionId} was submitted, if it is task {@code taskId}'s and accepted. */
  Optional<Instant> acceptedSubmittedAt(long submissionId, long taskId);
}
