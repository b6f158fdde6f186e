package vn.dondoc.processes;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Due dates of the user tasks that neither an SLA clock nor a case's own deadline times (bean {@value #BEAN}),
 * so that every user task carries one and the queues and Tasklist sort by it. Models read it in
 * {@code camunda:dueDate}, e.g. {@code ${userTaskDue.inWorkingDays(execution, 'SUPERVISE')}}.
 */
public interface UserTaskDue {

  String BEAN = "userTaskDue";

  /** Who acts on an overdue stage's escalation (the {@code *Supervise} tasks). */
  String SUPERVISE = "SUPERVISE";
  /** An agency answering a request for more information or verifying evidence in its own field. */
  String AGENCY_ANSWER = "AGENCY_ANSWER";
  /** A step of the standing office without an SLA stage (beyond-authority review, panel, consensus, decision). */
  String STANDING_OFFICE = "STANDING_OFFICE";
  /** An expert declaring a conflict of interest before scoring. */
  String EXPERT_DECLARATION = "EXPERT_DECLARATION";

  /**
   * The end of the working day the budget named {@code budget} (working days of the working calendar, configured
   * per budget) runs out, counted from now.
   */
  Date inWorkingDays(DelegateExecution execution, String budget);

  /** Now plus an ISO-8601 duration (e.g. P15D), as the model's timer with the same duration counts it. */
  Date after(String isoDuration);
}
