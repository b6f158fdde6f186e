package vn.dondoc.app.feedback;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.dondoc.app.camunda.CaseAccess;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;

/** Routing steps of feedback-handling beyond the classification itself. */
@Component(FeedbackHandling.Routing.BEAN)
class FeedbackRoutingSteps implements FeedbackHandling.Routing {

  private final FeedbackRepository repository;
  private final FeedbackChanges changes;
  private final CaseAccess access;

  FeedbackRoutingSteps(FeedbackRepository repository, FeedbackChanges changes, CaseAccess access) {
    this.repository = repository;
    this.changes = changes;
    this.access = access;
  }

  @Override
  public void recordReturn(DelegateExecution execution) {
    String returnedBy = (String) execution.getVariable(Var.HANDLING_AGENCY);
    repository.recordReturn(FeedbackChanges.feedbackId(execution), changes.now());
    access.revokeAgency(execution.getProcessInstanceId(), returnedBy);
    changes.recorded(execution, "RETURNED", Map.of("agency", returnedBy,
        "reason", String.valueOf(execution.getVariable(Var.ACCEPTANCE_REASON))));
  }

  @Override
  public void assignToStandingOffice(DelegateExecution execution) {
    String previous = (String) execution.getVariable(Var.HANDLING_AGENCY);
    execution.setVariable(Var.HANDLING_AGENCY, FeedbackHandling.STANDING_OFFICE_AGENCY);
    repository.assignTo(FeedbackChanges.feedbackId(execution), FeedbackHandling.STANDING_OFFICE_AGENCY, changes.now());
    access.revokeAgency(execution.getProcessInstanceId(), previous);
    changes.recorded(execution, "HANDLED_CENTRALLY", Map.of("note",
        String.valueOf(execution.getVariable(Var.BEYOND_AUTHORITY_NOTE))));
  }
}
