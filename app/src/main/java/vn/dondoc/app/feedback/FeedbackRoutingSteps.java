package vn.dondoc.app.feedback;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;

/** Routing steps of feedback-handling beyond the classification itself. */
@Component(FeedbackHandling.Routing.BEAN)
class FeedbackRoutingSteps implements FeedbackHandling.Routing {

  private final FeedbackRepository repository;
  private final FeedbackChanges changes;

  FeedbackRoutingSteps(FeedbackRepository repository, FeedbackChanges changes) {
    this.repository = repository;
    this.changes = changes;
  }

  @Override
  public void recordReturn(DelegateExecution execution) {
    FeedbackRepository.Item item = changes.item(execution);
    String returnedBy = item.handlingAgency();
    repository.recordReturn(item.id(), changes.now());
    changes.recorded(
        execution,
        "RETURNED",
        Map.of(
            "agency",
            returnedBy,
            "reason",
            String.valueOf(execution.getVariable(Var.ACCEPTANCE_REASON))));
  }

  @Override
  public void assignToStandingOffice(DelegateExecution execution) {
    execution.setVariable(Var.HANDLING_AGENCY, FeedbackHandling.STANDING_OFFICE_AGENCY);
    repository.assignTo(
        changes.feedbackId(execution), FeedbackHandling.STANDING_OFFICE_AGENCY, changes.now());
    changes.recorded(
        execution,
        "HANDLED_CENTRALLY",
        Map.of("note", String.valueOf(execution.getVariable(Var.BEYOND_AUTHORITY_NOTE))));
  }
}
