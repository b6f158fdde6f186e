package vn.dondoc.app.feedback;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.camunda.CaseAccess;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.search.Outbox;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;

/** Writes the standing office's classification (field, handling agency) back to the feedback record. */
@Component(FeedbackHandling.DELEGATE_RECORD_CLASSIFICATION)
class RecordFeedbackClassification implements JavaDelegate {

  private final FeedbackRepository repository;
  private final ReferenceData referenceData;
  private final Outbox outbox;
  private final AuditLog audit;
  private final Clock clock;
  private final CaseAccess access;

  RecordFeedbackClassification(FeedbackRepository repository, ReferenceData referenceData, Outbox outbox, AuditLog audit,
      Clock clock, CaseAccess access) {
    this.repository = repository;
    this.referenceData = referenceData;
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(Var.FEEDBACK_ID)).longValue();
    String agency = (String) execution.getVariable(Var.HANDLING_AGENCY);
    String field = (String) execution.getVariable(Var.FIELD);
    String note = (String) execution.getVariable(Var.CLASSIFICATION_NOTE);
    if (agency == null || !referenceData.agencyExists(agency)) {
      throw new ProcessEngineException("Cơ quan xử lý không hợp lệ / unknown handling agency: " + agency);
    }
    try {
      FeedbackField.fromCode(field);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("Lĩnh vực không hợp lệ / unknown field: " + field, e);
    }
    repository.recordClassification(id, field, agency, note, clock.instant());
    access.grantAgency(execution.getProcessInstanceId(), agency);
    outbox.enqueue(FeedbackService.CASE_TYPE, id);

    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    Map<String, Object> detail = new HashMap<>();
    detail.put("handlingAgency", agency);
    detail.put("field", field);
    if (note != null) {
      detail.put("note", note);
    }
    audit.record((String) execution.getVariable(Var.CASE_CODE), "CLASSIFIED", user == null ? null : user.getUserId(), detail);
  }
}
