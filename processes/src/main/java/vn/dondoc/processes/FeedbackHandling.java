package vn.dondoc.processes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Contract of the {@code feedback-handling} process (bpmn/feedback-handling.bpmn) and its routing
 * table (dmn/feedback-routing.dmn): the names the application and the models agree on, and the beans
 * the model calls. Change them together with the model.
 */
public final class FeedbackHandling {

  public static final String PROCESS_KEY = "feedback-handling";
  public static final String RESOURCE = "bpmn/feedback-handling.bpmn";
  public static final String ROUTING_DECISION = "feedback-routing";
  public static final String ROUTING_RESOURCE = "dmn/feedback-routing.dmn";

  /** The start event's form: what a sender fills in, on the public portal and in Tasklist alike. */
  public static final String START_FORM = "feedback-submission";

  /** User tasks. */
  public static final String TASK_CLASSIFY = "ClassifyFeedback";

  public static final String TASK_ACCEPT = "AcceptFeedback";
  public static final String TASK_REVIEW_BEYOND_AUTHORITY = "ReviewBeyondAuthority";
  public static final String TASK_DRAFT_ANSWER = "DraftAnswer";
  public static final String TASK_SIGN_OFF = "SignOffAnswer";
  /** The handling agency's steps' Camunda Forms (forms/*.form): the fields each step may write. */
  public static final String FORM_ACCEPT = "feedback-acceptance";

  public static final String FORM_DRAFT_ANSWER = "feedback-answer";
  public static final String FORM_SIGN_OFF = "feedback-sign-off";

  /** Messages from the sender, correlated by business key (the case code). */
  public static final String MESSAGE_INFO_PROVIDED = "FeedbackInfoProvided";

  public static final String MESSAGE_RATED = "FeedbackRated";

  /** Delegate bean that writes the standing office's classification back to the feedback record. */
  public static final String DELEGATE_RECORD_CLASSIFICATION = "recordFeedbackClassification";

  public static final String GROUP_STANDING_OFFICE = "standing-office";
  /** The agency that handles a case when the standing office keeps it. */
  public static final String STANDING_OFFICE_AGENCY = "vptw";

  /** Decision values the forms write and the gateways read. */
  public static final class Decision {
    public static final String ACCEPT = "accept";
    public static final String RETURN = "return";
    public static final String BEYOND_AUTHORITY = "beyond-authority";
    public static final String HANDLE_CENTRALLY = "handle-centrally";
    public static final String REROUTE = "reroute";
    public static final String ANSWER = "answer";
    public static final String ASK_SENDER = "ask-sender";
    public static final String APPROVE = "approve";
    public static final String REVISE = "revise";

    private Decision() {}
  }

  /** Process variables: references and the few values the forms show, never whole documents. */
  public static final class Var {
    public static final String FEEDBACK_ID = "feedbackId";
    public static final String CASE_CODE = "caseCode";
    public static final String TITLE = "title";
    public static final String CONTENT_EXCERPT = "contentExcerpt";
    public static final String FEEDBACK_TYPE = "feedbackType";
    public static final String FIELD = "field";
    public static final String LOCALITY = "locality";
    /** Display name of the locality, shown on the forms. */
    public static final String LOCALITY_NAME = "localityName";
    /** Proposed by the routing table, confirmed or changed by the standing office. */
    public static final String HANDLING_AGENCY = "handlingAgency";

    public static final String CLASSIFICATION_NOTE = "classificationNote";
    /** Open items that may be the same matter, listed for the classifier (task-local). */
    public static final String POSSIBLE_DUPLICATES = "possibleDuplicates";

    public static final String ACCEPTANCE_DECISION = "acceptanceDecision";
    public static final String ACCEPTANCE_REASON = "acceptanceReason";
    public static final String BEYOND_AUTHORITY_DECISION = "beyondAuthorityDecision";
    public static final String BEYOND_AUTHORITY_NOTE = "beyondAuthorityNote";
    public static final String ANSWER_DECISION = "answerDecision";
    public static final String ANSWER_TEXT = "answerText";
    public static final String QUESTION_TO_SENDER = "questionToSender";
    /** The sender's reply to a question, shown to the officer when handling resumes. */
    public static final String SENDER_REPLY = "senderReply";

    public static final String SIGN_OFF_DECISION = "signOffDecision";
    public static final String SIGN_OFF_NOTE = "signOffNote";
    public static final String RATING = "rating";
    public static final String RATING_COMMENT = "ratingComment";
    public static final String REOPEN_REQUESTED = "reopenRequested";
    public static final String SUPERVISION_NOTE = "supervisionNote";
    /**
     * Keys of the start form {@link FeedbackHandling#START_FORM} that are not process variables of a
     * running case: the public portal renders that form and sends these to POST /api/v1/feedback, which
     * keeps them in the feedback record; started in Tasklist, {@link Intake} moves them there.
     */
    public static final String CONTENT = "content";

    public static final String SENDER_NAME = "senderName";
    public static final String SENDER_EMAIL = "senderEmail";
    public static final String SENDER_PHONE = "senderPhone";
    public static final String CONSENT_TO_PUBLISH = "consentToPublish";

    private Var() {}
  }

  /**
   * A case started on the start event with its form {@link #START_FORM}, e.g. by the standing office in
   * Tasklist for feedback received by letter or phone (bean {@value #BEAN}, start listener of the start
   * event): the feedback record is made of the form's values, which then leave the process. A case the
   * API started already has its record ({@link Var#FEEDBACK_ID}) and passes untouched.
   */
  public interface Intake {
    String BEAN = "feedbackIntake";

    void receive(DelegateExecution execution);
  }

  /** Routing decisions beyond the classification task (bean {@value #BEAN}). */
  public interface Routing {
    String BEAN = "feedbackRouting";

    /** The agency returned the case as outside its mandate: recorded, and the case goes back to routing. */
    void recordReturn(DelegateExecution execution);

    /** The standing office keeps a beyond-authority case and handles it itself. */
    void assignToStandingOffice(DelegateExecution execution);
  }

  /** Likely duplicates shown to the classifier when the classification task is created (bean {@value #BEAN}). */
  public interface Duplicates {
    String BEAN = "feedbackDuplicates";

    void findFor(DelegateTask task);
  }

  /** Questions to the sender; the answer clock is paused while the sender is asked (bean {@value #BEAN}). */
  public interface InfoRequests {
    String BEAN = "feedbackInfoRequests";

    void ask(DelegateExecution execution);

    void resume(DelegateExecution execution);
  }

  /** Handling, the answer's way out to the sender and the case's end (bean {@value #BEAN}). */
  public interface Answers {
    String BEAN = "feedbackAnswers";

    /** The agency (or the standing office) starts handling: after acceptance, central handling or a reopening. */
    void startHandling(DelegateExecution execution);

    void publish(DelegateExecution execution);

    void recordRating(DelegateExecution execution);

    void reopen(DelegateExecution execution);

    void close(DelegateExecution execution);

    void closeWithoutAnswer(DelegateExecution execution);

    /** The agency finished a draft (task listener on complete of DraftAnswer): recorded, with who drafted it. */
    void recordDraft(DelegateTask task);

    /**
     * The leader approved the draft or sent it back with a note (task listener on complete of SignOffAnswer):
     * recorded, so that the note shown to the agency comes from the record, not from a variable.
     */
    void recordSignOff(DelegateTask task);
  }

  /** Durations the model waits for the sender, as ISO-8601 (bean {@value #BEAN}). */
  public interface Policy {
    String BEAN = "feedbackPolicy";

    /** How long the sender has to supply information asked for, e.g. P15D. */
    String getInfoWait();

    /** How long the sender may rate or reopen an answer, e.g. P7D. */
    String getRatingWindow();
  }

  private FeedbackHandling() {}
}
