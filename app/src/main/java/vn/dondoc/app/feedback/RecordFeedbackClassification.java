package vn.dondoc.app.feedback;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;

/** Writes the standing office's classification (field, handling agency) back to the feedback record. */
@Component(FeedbackHandling.DELEGATE_RECORD_CLASSIFICATION)
class RecordFeedbackClassification implements JavaDelegate {

  private final FeedbackRepository repository;
  private final ReferenceData referenceData;
  private final FeedbackChanges changes;

  RecordFeedbackClassification(
      FeedbackRepository repository, ReferenceData referenceData, FeedbackChanges changes) {
    this.repository = repository;
    this.referenceData = referenceData;
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String agency = (String) execution.getVariable(Var.HANDLING_AGENCY);
    String field = (String) execution.getVariable(Var.FIELD);
    String note = (String) execution.getVariable(Var.CLASSIFICATION_NOTE);
    if (agency == null || !referenceData.agencyExists(agency)) {
      throw new ProcessEngineException(
          "Cơ quan xử lý không hợp lệ / unknown handling agency: " + agency);
    }
    try {
      FeedbackField.fromCode(field);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("Lĩnh vực không hợp lệ / unknown field: " + field, e);
    }
    repository.recordClassification(
        changes.feedbackId(execution), field, agency, note, changes.now());

    Map<String, Object> detail = new HashMap<>();
    detail.put("handlingAgency", agency);
    detail.put("field", field);
    if (note != null) {
      detail.put("note", note);
    }
    changes.recorded(execution, "CLASSIFIED", detail);
  }
}
