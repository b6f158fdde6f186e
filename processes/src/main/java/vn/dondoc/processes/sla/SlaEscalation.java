package vn.dondoc.processes.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What happens when a stage's clock warns or breaches (bean {@value #BEAN}); each level once per clock. */
public interface SlaEscalation {

  String BEAN = "slaEscalation";

  /** Reminds the people working on the stage that the due date is near. */
  void warn(DelegateExecution execution, String stage);

  /** Tells the responsible leader that the stage is overdue. */
  void breach(DelegateExecution execution, String stage);
}
