package vn.dondoc.app.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.search.Outbox;
import vn.dondoc.processes.FeedbackHandling.Var;

/**
 * What every step of the model does besides its own update: the search projection learns of the
 * change (outbox) and the audit log records who did what, in the same transaction.
 */
@Component
class FeedbackChanges {

  private final Outbox outbox;
  private final AuditLog audit;
  private final Clock clock;

  FeedbackChanges(Outbox outbox, AuditLog audit, Clock clock) {
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  static long feedbackId(DelegateExecution execution) {
    return ((Number) execution.getVariable(Var.FEEDBACK_ID)).longValue();
  }

  /** The person completing the task that led here, or none for timers and the sender's messages. */
  static String actor(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  void recorded(DelegateExecution execution, String action, Map<String, ?> detail) {
    recorded(feedbackId(execution), (String) execution.getVariable(Var.CASE_CODE), action, actor(execution), detail);
  }

  void recorded(long feedbackId, String caseCode, String action, String actor, Map<String, ?> detail) {
    outbox.enqueue(FeedbackService.CASE_TYPE, feedbackId);
    audit.record(caseCode, action, actor, detail);
  }
}
