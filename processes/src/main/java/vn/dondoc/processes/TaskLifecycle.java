package vn.dondoc.processes;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Contract of the {@code task-lifecycle} process (bpmn/task-lifecycle.bpmn): one instance per issued
 * task, business key the task's case code. The lead agency acknowledges (an SLA stage), implements
 * (monthly progress reports where the task asks for them; a reminder before the deadline and an
 * escalation at it), reports completion with evidence, and the evidence is reviewed (call activity
 * {@link EvidenceReview}) until it is accepted. Change these names together with the model.
 */
public final class TaskLifecycle {

  public static final String PROCESS_KEY = "task-lifecycle";
  public static final String RESOURCE = "bpmn/task-lifecycle.bpmn";

  /** User tasks. */
  public static final String TASK_ACKNOWLEDGE = "AcknowledgeTask";

  public static final String TASK_REPORT_PROGRESS = "ReportProgress";
  public static final String TASK_REPORT_COMPLETION = "ReportCompletion";
  /** The forms of the lead agency's steps that the task page fills in (the contract of what it may send). */
  public static final String FORM_ACKNOWLEDGE = "task-acknowledge";

  public static final String FORM_REPORT_PROGRESS = "task-progress-report";

  /** The sub-process the deadline watch and the progress reports live in; left when the evidence is accepted. */
  public static final String IMPLEMENTATION = "Implementation";
  /** Timers of the deadline watch (intermediate catch events inside {@link #IMPLEMENTATION}). */
  public static final String TIMER_DEADLINE_APPROACHING = "DeadlineApproaching";

  public static final String TIMER_DEADLINE_PASSED = "DeadlinePassed";
  /** Timers of the progress reports. */
  public static final String TIMER_NEXT_REPORT_PERIOD = "NextReportPeriod";

  public static final String TIMER_REPORT_REMINDER = "ProgressReportReminder";
  public static final String TIMER_REPORT_MISSED = "ProgressReportMissed";
  /** Call activity of the evidence review. */
  public static final String CALL_EVIDENCE_REVIEW = "ReviewEvidence";

  /** End events: the evidence was accepted, or the task was withdrawn. */
  public static final String END_COMPLETED = "TaskCompleted";

  public static final String END_WITHDRAWN = "Withdrawn";

  /** The standing office withdraws a task (cancelled, replaced or merged), correlated by business key. */
  public static final String MESSAGE_WITHDRAWN = "TaskWithdrawn";

  /** Process variables: references and the few values the forms show. */
  public static final class Var {
    public static final String TASK_ID = "taskId";
    public static final String CASE_CODE = "caseCode";
    /** Where the task sits in its directive, e.g. 17-TB/CQTTBCĐ/1.b.(1). */
    public static final String TASK_CODE = "taskCode";

    public static final String TITLE = "title";
    public static final String LEAD_AGENCY = "leadAgency";
    /** True for a recurring task (thường xuyên): no deadline watch. */
    public static final String RECURRING = "recurring";
    /** True when the task owes a progress report every month. */
    public static final String REPORTS_MONTHLY = "reportsMonthly";
    /** The current deadline as written for people (dd/MM/yyyy), shown on the forms. */
    public static final String DEADLINE_LABEL = "deadlineLabel";

    public static final String EVIDENCE_LEVEL = "evidenceLevel";
    /** The task's field (see the evidence-verifier table). */
    public static final String FIELD = "field";

    public static final String ACKNOWLEDGE_NOTE = "acknowledgeNote";
    /** The report period a ReportProgress task is for, yyyy-MM (task-local). */
    public static final String REPORT_PERIOD = "reportPeriod";

    public static final String PROGRESS_PERCENT = "progressPercent";
    public static final String PROGRESS_TEXT = "progressText";
    /** The evidence submission ReportCompletion was completed with (the application stores it first). */
    public static final String SUBMISSION_ID = "submissionId";
    /** Why the standing office withdrew the task, sent with {@link TaskLifecycle#MESSAGE_WITHDRAWN}. */
    public static final String WITHDRAW_REASON = "withdrawReason";

    private Var() {}
  }

  /** The task record's lifecycle steps (bean {@value #BEAN}). */
  public interface Steps {
    String BEAN = "taskSteps";

    /** The lead agency acknowledged the task: it is in progress. */
    void acknowledge(DelegateExecution execution);

    /**
     * ReportCompletion may only be completed with a stored evidence submission of this task. Refuses with a
     * plain exception, which rolls the completion back; never with a BpmnError: nothing catches one there, so
     * the engine would end the completion branch unreviewed (see TaskCompletionProcessTest).
     */
    void checkSubmission(DelegateTask task);

    /** The evidence was accepted: the task is completed, dated by the accepted submission. */
    void complete(DelegateExecution execution);

    /** The evidence was returned or rejected: the task is back in progress, the agency told what is missing. */
    void reopen(DelegateExecution execution);

    /** The standing office withdrew the task. */
    void withdraw(DelegateExecution execution);
  }

  /** The deadline watch (bean {@value #BEAN}); instants from the task's current deadline. */
  public interface Deadlines {
    String BEAN = "taskDeadlines";

    /** When the task becomes near due (sắp đến hạn): the configurable window before the deadline. */
    Date approachingAt(DelegateExecution execution);

    /** The end of the deadline day, Asia/Ho_Chi_Minh. */
    Date passedAt(DelegateExecution execution);

    /** When the completion report is due: {@link #passedAt}, none (null) for a recurring task without a deadline. */
    Date completionDueAt(DelegateExecution execution);

    /** Tells the lead agency that the deadline is near. */
    void remind(DelegateExecution execution);

    /** Tells the agency's leaders and the standing office that the task is overdue. */
    void escalate(DelegateExecution execution);
  }

  /** Periodic progress reports (bean {@value #BEAN}). */
  public interface Reports {
    String BEAN = "taskReports";

    /** When the next report period opens (the first of the next month). */
    Date nextPeriodAt(DelegateExecution execution);

    /** Opens a ReportProgress task: sets its period. */
    void open(DelegateTask task);

    /** When to remind about an open report (configurable days before it is due). */
    Date reminderAt(DelegateExecution execution);

    /** When an open report is due (configurable day of the period's month). */
    Date dueAt(DelegateExecution execution);

    /** Stores the report the agency submitted. */
    void record(DelegateTask task);

    void remind(DelegateExecution execution);

    /** The period passed without a report: flagged on the task and told to the agency's leaders. */
    void recordMissed(DelegateExecution execution);
  }

  private TaskLifecycle() {}
}
