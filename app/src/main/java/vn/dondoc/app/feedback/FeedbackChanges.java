package vn.dondoc.app.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.camunda.CaseKeys;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.search.Outbox;

/**
 * What every step of the model does besides its own update: the search projection learns of the
 * change (outbox) and the audit log records who did what, in the same transaction.
 */
@Component
class FeedbackChanges {

  private final FeedbackRepository repository;
  private final Outbox outbox;
  private final AuditLog audit;
  private final Clock clock;

  FeedbackChanges(FeedbackRepository repository, Outbox outbox, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  /** The item the process works on, by its business key (CaseKeys), never by a variable. */
  FeedbackRepository.Item item(VariableScope scope) {
    String code = CaseKeys.caseCode(scope);
    return repository
        .findByCode(code)
        .orElseThrow(() -> new IllegalStateException("no feedback item " + code));
  }

  long feedbackId(VariableScope scope) {
    return item(scope).id();
  }

  /** The person completing the task that led here, or none for timers and the sender's messages. */
  static String actor(DelegateExecution execution) {
    Authentication user =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  void recorded(DelegateExecution execution, String action, Map<String, ?> detail) {
    recorded(feedbackId(execution), CaseKeys.caseCode(execution), action, actor(execution), detail);
  }

  void recorded(
      long feedbackId, String caseCode, String action, String actor, Map<String, ?> detail) {
    outbox.enqueue(FeedbackService.CASE_TYPE, feedbackId);
    audit.record(caseCode, action, actor, detail);
  }
}
