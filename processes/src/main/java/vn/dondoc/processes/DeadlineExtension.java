package vn.dondoc.processes;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Contract of the {@code deadline-extension} process (bpmn/deadline-extension.bpmn): one instance per
 * extension request, business key the request's case code (GH-…). The standing office decides (an SLA
 * stage); asking the agency for more leaves the stage, which pauses its clock until the agency answers.
 */
public final class DeadlineExtension {

  public static final String PROCESS_KEY = "deadline-extension";
  public static final String RESOURCE = "bpmn/deadline-extension.bpmn";

  public static final String TASK_DECIDE = "DecideExtension";
  public static final String TASK_PROVIDE_INFO = "ProvideExtensionInfo";
  /** The steps' Camunda Forms (forms/*.form): the fields the standing office, and the agency, may write. */
  public static final String FORM_DECIDE = "extension-decision";

  public static final String FORM_PROVIDE_INFO = "extension-info";

  public static final String GROUP_STANDING_OFFICE = "standing-office";

  /** End events. */
  public static final String END_APPROVED = "ExtensionApproved";

  public static final String END_REJECTED = "ExtensionRejected";

  /** Values of {@link Var#DECISION}. */
  public static final class Decision {
    public static final String APPROVE = "approve";
    public static final String APPROVE_OTHER_DATE = "approve-other-date";
    public static final String REJECT = "reject";
    public static final String ASK_INFO = "ask-info";

    private Decision() {}
  }

  public static final class Var {
    public static final String EXTENSION_ID = "extensionId";
    public static final String CASE_CODE = "caseCode";
    /** The task's case code (NV-…) and title, shown on the forms. */
    public static final String TASK_CASE_CODE = "taskCaseCode";

    public static final String TITLE = "title";
    public static final String LEAD_AGENCY = "leadAgency";
    /** dd/MM/yyyy, for the forms. */
    public static final String CURRENT_DEADLINE = "currentDeadline";

    public static final String PROPOSED_DEADLINE = "proposedDeadline";
    public static final String REASON = "reasonLabel";
    public static final String NARRATIVE = "narrative";
    /** Requested after the deadline had passed. */
    public static final String LATE = "late";

    public static final String DECISION = "decision";
    /** The date approved when it differs from the proposal, yyyy-MM-dd (the form's datetime field, date only). */
    public static final String APPROVED_DEADLINE = "approvedDeadline";

    public static final String DECISION_NOTE = "decisionNote";
    public static final String INFO_REPLY = "infoReply";

    private Var() {}
  }

  /** Bean {@value #BEAN}. */
  public interface Steps {
    String BEAN = "extensionSteps";

    /** Approved: a deadline version is recorded and the task's deadline timers move to it. */
    void apply(DelegateExecution execution);

    void reject(DelegateExecution execution);

    /** The standing office asked for more: recorded and sent to the agency. */
    void askForInfo(DelegateExecution execution);

    /** The agency answered: recorded, the request is back with the standing office. */
    void recordInfo(DelegateExecution execution);
  }

  private DeadlineExtension() {}
}
