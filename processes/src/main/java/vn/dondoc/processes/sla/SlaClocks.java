package vn.dondoc.processes.sla;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The SLA clock of a process stage, as the models read it (bean {@value #BEAN}). A stage's warning
 * and breach timers ask for their instants here, which starts the stage's clock on first use and
 * resumes it when the case comes back to the stage (a reroute does not reset it).
 */
public interface SlaClocks {

  String BEAN = "slaClocks";

  /** When to remind: a configurable share of the budget (default 75%) has been used. */
  Date warningAt(DelegateExecution execution, String stage);

  /** When the stage's budget of working days runs out. */
  Date dueAt(DelegateExecution execution, String stage);

  /** When an overdue stage, still open, goes to a supervisor. */
  Date supervisorAt(DelegateExecution execution, String stage);

  /** The stage is left: the clock is met (or breached, if it is late). */
  void stop(DelegateExecution execution, String stage);
}
