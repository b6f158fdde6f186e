package vn.dondoc.processes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Contract of the {@code evidence-review} process (bpmn/evidence-review.bpmn), called by the task
 * lifecycle with one evidence submission; business key the task's case code. A reviewer of the
 * standing office who is not a member of the submitting agency decides; tasks whose field needs it
 * go to a domain verifier (table dmn/evidence-verifier.dmn) after the reviewer accepts.
 */
public final class EvidenceReview {

  public static final String PROCESS_KEY = "evidence-review";
  public static final String RESOURCE = "bpmn/evidence-review.bpmn";
  public static final String VERIFIER_DECISION = "evidence-verifier";
  public static final String VERIFIER_RESOURCE = "dmn/evidence-verifier.dmn";

  public static final String TASK_REVIEW = "ReviewSubmission";
  public static final String TASK_VERIFY = "VerifySubmission";
  /** The steps' Camunda Forms (forms/*.form): the fields a reviewer, and a domain verifier, may write. */
  public static final String FORM_REVIEW = "evidence-review";

  public static final String FORM_VERIFY = "evidence-verification";

  public static final String GROUP_REVIEWER = "reviewer";

  /** The end event, after the outcome is recorded (one for every outcome). */
  public static final String END_REVIEWED = "ReviewRecorded";

  /** Values of {@link Var#REVIEW_DECISION}, {@link Var#VERIFY_DECISION} and {@link Var#REVIEW_OUTCOME}. */
  public static final class Decision {
    public static final String ACCEPT = "accept";
    public static final String RETURN = "return";
    public static final String REJECT = "reject";

    private Decision() {}
  }

  /** Variables; in: those of {@link TaskLifecycle.Var} it needs; out: {@link #REVIEW_OUTCOME}, {@link #REVIEW_NOTE}. */
  public static final class Var {
    public static final String TASK_ID = TaskLifecycle.Var.TASK_ID;
    public static final String CASE_CODE = TaskLifecycle.Var.CASE_CODE;
    public static final String TASK_CODE = TaskLifecycle.Var.TASK_CODE;
    public static final String TITLE = TaskLifecycle.Var.TITLE;
    public static final String LEAD_AGENCY = TaskLifecycle.Var.LEAD_AGENCY;
    /** The task's field, the input of the evidence-verifier table. */
    public static final String FIELD = TaskLifecycle.Var.FIELD;

    public static final String EVIDENCE_LEVEL = TaskLifecycle.Var.EVIDENCE_LEVEL;
    public static final String SUBMISSION_ID = TaskLifecycle.Var.SUBMISSION_ID;
    /** Agency code of the domain verifier from the table, or null when none is needed. */
    public static final String VERIFIER_AGENCY = "verifierAgency";

    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_NOTE = "reviewNote";
    public static final String VERIFY_DECISION = "verifyDecision";
    public static final String VERIFY_NOTE = "verifyNote";
    /** The final decision, one of {@link Decision}: what the task lifecycle reads. */
    public static final String REVIEW_OUTCOME = "reviewOutcome";

    private Var() {}
  }

  /** Bean {@value #BEAN}. */
  public interface Steps {
    String BEAN = "evidenceReviewSteps";

    /** Refuses to let a member of the submitting agency decide on its evidence (task listener on complete). */
    void checkReviewer(DelegateTask task);

    /** Writes the outcome (variable reviewOutcome and the notes) to the submission record and its history. */
    void recordOutcome(DelegateExecution execution);
  }

  private EvidenceReview() {}
}
