package vn.dondoc.app.evidence;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.AgencyGroups;
import vn.dondoc.app.camunda.CaseKeys;
import vn.dondoc.app.evidence.EvidenceRepository.Status;
import vn.dondoc.app.search.Outbox;
import vn.dondoc.app.tasks.TaskChanges;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.EvidenceReview.Var;

/** The evidence review's side (bean {@value EvidenceReview.Steps#BEAN}). */
@Component(EvidenceReview.Steps.BEAN)
class EvidenceReviewSteps implements EvidenceReview.Steps {

  /** Who decided, kept on the review's process for {@link #recordOutcome}. */
  static final String REVIEWED_BY = "reviewedBy";

  static final String VERIFIED_BY = "verifiedBy";

  private final EvidenceRepository evidence;
  private final TaskChanges changes;
  private final Clock clock;
  private final Outbox outbox;

  EvidenceReviewSteps(
      EvidenceRepository evidence, TaskChanges changes, Clock clock, Outbox outbox) {
    this.outbox = outbox;
    this.evidence = evidence;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * Whoever completes the review or verification (Tasklist, our API) must not belong to the agency
   * that submitted: refused before anything changes. Engine-internal completions carry no user.
   */
  @Override
  public void checkReviewer(DelegateTask task) {
    Authentication user =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null) {
      return;
    }
    // The submitting agency as the database knows it, not the process's leadAgency, which is only a
    // routing hint.
    String submitter = changes.task(task).leadAgency();
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (AgencyGroups.agencyCodes(groups).contains(submitter)) {
      throw new AuthorizationException(
          "Cán bộ của cơ quan nộp minh chứng không được thẩm định minh chứng của chính cơ quan mình."
              + " / A member of the submitting agency may not review its own evidence.");
    }
    task.setVariable(
        EvidenceReview.TASK_VERIFY.equals(task.getTaskDefinitionKey()) ? VERIFIED_BY : REVIEWED_BY,
        user.getUserId());
  }

  @Override
  public void recordOutcome(DelegateExecution execution) {
    String outcome = (String) execution.getVariable(Var.REVIEW_OUTCOME);
    Status status = switch (outcome) {
      case EvidenceReview.Decision.ACCEPT -> Status.ACCEPTED;
      case EvidenceReview.Decision.RETURN -> Status.RETURNED;
      case EvidenceReview.Decision.REJECT -> Status.REJECTED;
      default -> throw new IllegalStateException("unknown review outcome " + outcome);
    };
    long taskId = changes.taskId(execution);
    long submissionId = ((Number) execution.getVariable(Var.SUBMISSION_ID)).longValue();
    if (evidence.find(submissionId).filter(s -> s.taskId() == taskId).isEmpty()) {
      throw new IllegalStateException("submission " + submissionId + " is not of task " + taskId);
    }
    evidence.decide(
        submissionId,
        status,
        (String) execution.getVariable(Var.REVIEW_NOTE),
        (String) execution.getVariable(REVIEWED_BY),
        (String) execution.getVariable(Var.VERIFIER_AGENCY),
        (String) execution.getVariable(Var.VERIFY_NOTE),
        (String) execution.getVariable(VERIFIED_BY),
        clock.instant());
    Map<String, Object> detail = new HashMap<>();
    detail.put("submissionId", submissionId);
    detail.put("outcome", outcome);
    detail.put("note", execution.getVariable(Var.REVIEW_NOTE));
    changes.recorded(
        taskId,
        CaseKeys.caseCode(execution),
        "EVIDENCE_" + status.name(),
        TaskChanges.actor(execution),
        detail);
    outbox.enqueue(EvidenceProjector.CASE_TYPE, submissionId);
  }
}
