package vn.dondoc.processes;

/**
 * Contract of the {@code feedback-handling} process (bpmn/feedback-handling.bpmn): the names the
 * application and the model agree on. Change them together with the model.
 */
public final class FeedbackHandling {

  public static final String PROCESS_KEY = "feedback-handling";

  /** Classpath location of the model. */
  public static final String RESOURCE = "bpmn/feedback-handling.bpmn";

  /** User task "Tiếp nhận và phân loại" of the standing office. */
  public static final String TASK_CLASSIFY = "ClassifyFeedback";

  /** Delegate bean that writes the classification back to the feedback record. */
  public static final String DELEGATE_RECORD_CLASSIFICATION = "recordFeedbackClassification";

  public static final String END_CLASSIFIED = "FeedbackClassified";

  /** Candidate group of the classification task (a Keycloak group, see docker/keycloak). */
  public static final String GROUP_STANDING_OFFICE = "standing-office";

  /** Process variables: references and the few values the forms show, never whole documents. */
  public static final class Var {
    public static final String FEEDBACK_ID = "feedbackId";
    public static final String CASE_CODE = "caseCode";
    public static final String TITLE = "title";
    public static final String CONTENT_EXCERPT = "contentExcerpt";
    public static final String FEEDBACK_TYPE = "feedbackType";
    public static final String FIELD = "field";
    public static final String LOCALITY = "locality";
    /** Display name of the locality, shown on the classification form. */
    public static final String LOCALITY_NAME = "localityName";
    public static final String HANDLING_AGENCY = "handlingAgency";
    public static final String CLASSIFICATION_NOTE = "classificationNote";

    private Var() {}
  }

  private FeedbackHandling() {}
}
