package vn.dondoc.processes;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Contract of the {@code initiative-selection} process (bpmn/initiative-selection.bpmn): one instance
 * per submitted initiative, business key its case code (SK-…). Screening by the standing office (SLA
 * stage SCREEN), a
 * panel of experts who each declare conflicts and then score in parallel on the weighted criteria of
 * dmn/initiative-criteria.dmn, consensus when they disagree, a shortlist threshold and the standing
 * office's decision; a selected initiative becomes tasks. Change these names together with the model.
 */
public final class InitiativeSelection {

  public static final String PROCESS_KEY = "initiative-selection";
  public static final String RESOURCE = "bpmn/initiative-selection.bpmn";
  public static final String CRITERIA_DECISION = "initiative-criteria";
  public static final String CRITERIA_RESOURCE = "dmn/initiative-criteria.dmn";

  /** User tasks. */
  public static final String TASK_SCREEN = "ScreenInitiative";

  public static final String TASK_COMPLETE_SUBMISSION = "CompleteSubmission";
  public static final String TASK_PICK_PANEL = "PickPanel";
  public static final String TASK_DECLARE_CONFLICT = "DeclareConflict";
  public static final String TASK_SCORE = "ScoreInitiative";
  public static final String TASK_CONSENSUS = "ReachConsensus";
  public static final String TASK_DECIDE = "DecideInitiative";
  /** Camunda Forms (forms/*.form) of the steps whose API body is the form's fields. */
  public static final String FORM_SCREEN = "initiative-screening";

  public static final String FORM_PICK_PANEL = "initiative-panel";
  public static final String FORM_COMPLETE_SUBMISSION = "initiative-completion";
  public static final String FORM_DECLARE_CONFLICT = "initiative-conflict";
  public static final String FORM_SCORE = "initiative-scoring";
  public static final String FORM_CONSENSUS = "initiative-consensus";

  /** The multi-instance sub-process, one instance per panel seat; its element variable is {@link Var#EXPERT}. */
  public static final String EXPERT_EVALUATION = "ExpertEvaluation";
  /** Timers: the innovator's completion clock; an expert's reminder and deadline. */
  public static final String TIMER_COMPLETION_WAIT = "CompletionWaitOver";

  public static final String TIMER_SCORING_REMINDER = "ScoringReminder";
  public static final String TIMER_SCORING_OVERDUE = "ScoringOverdue";

  /** The SLA stage of screening (stage SCREEN, its SLA events named with the prefix Screening). */
  public static final String SCREENING_STAGE = "ScreeningStage";

  public static final String GROUP_STANDING_OFFICE = "standing-office";

  /** End events of the process. */
  public static final String END_CLOSED_INCOMPLETE = "ClosedIncomplete";

  public static final String END_TO_FEEDBACK = "TransferredToFeedback";
  public static final String END_NOT_SHORTLISTED = "NotShortlisted";
  public static final String END_SELECTED = "Selected";
  public static final String END_NOT_SELECTED = "NotSelected";
  public static final String END_DEFERRED = "Deferred";
  /** End events of one panel seat inside {@link #EXPERT_EVALUATION}: scored, or left empty when no expert is left. */
  public static final String END_SEAT_SCORED = "SeatScored";

  public static final String END_SEAT_LEFT_EMPTY = "SeatLeftEmpty";

  /** Values of {@link Var#SCREENING_DECISION}. */
  public static final class Screening {
    public static final String EVALUATE = "evaluate";
    public static final String RETURN = "return";
    public static final String RECLASSIFY = "reclassify";
    public static final String TO_FEEDBACK = "to-feedback";

    private Screening() {}
  }

  /** Values of {@link Var#DECISION}. */
  public static final class Decision {
    public static final String SELECTED = "selected";
    public static final String NOT_SELECTED = "not-selected";
    public static final String DEFERRED = "deferred";

    private Decision() {}
  }

  /** Criteria codes of the criteria table; the scoring form has a score (0–10) and a comment per criterion. */
  public static final class Criterion {
    public static final String NOVELTY = "NOVELTY";
    public static final String FEASIBILITY = "FEASIBILITY";
    public static final String IMPACT = "IMPACT";
    public static final String STRATEGIC_FIT = "STRATEGIC_FIT";
    public static final String DATA_REUSE = "DATA_REUSE";
    public static final String SUSTAINABILITY = "SUSTAINABILITY";

    private Criterion() {}
  }

  public static final class Var {
    public static final String INITIATIVE_ID = "initiativeId";
    public static final String CASE_CODE = "caseCode";
    public static final String TITLE = "title";
    /** Category code, e.g. BREAKTHROUGH; the criteria table's input. */
    public static final String CATEGORY = "category";
    /** Category label for the forms. */
    public static final String CATEGORY_LABEL = "categoryLabel";

    public static final String PROBLEM = "problem";
    public static final String SOLUTION = "solution";
    /** The innovator's username: CompleteSubmission is assigned to them. */
    public static final String PROPOSER = "proposer";

    public static final String ORGANISATION = "organisation";
    public static final String SCREENING_DECISION = "screeningDecision";
    public static final String SCREENING_NOTE = "screeningNote";
    /** The category the standing office reclassifies to (a code). */
    public static final String NEW_CATEGORY = "newCategory";

    public static final String COMPLETION_REPLY = "completionReply";
    /** Usernames of the panel as a comma-separated text the standing office confirms or edits. */
    public static final String PANEL_TEXT = "panelText";
    /** The confirmed panel, a list of usernames: the multi-instance collection. */
    public static final String PANEL = "panel";
    /** The expert of one panel seat (multi-instance element variable; replaced when they drop out). */
    public static final String EXPERT = "expert";

    public static final String CONFLICT_DECLARED = "conflictDeclared";
    public static final String CONFLICT_NOTE = "conflictNote";
    /** Set on the seat when its expert has to be replaced (conflict or missed deadline). */
    public static final String EXPERT_OUT = "expertOut";

    public static final String SCORE_NOVELTY = "scoreNovelty";
    public static final String SCORE_FEASIBILITY = "scoreFeasibility";
    public static final String SCORE_IMPACT = "scoreImpact";
    public static final String SCORE_STRATEGIC_FIT = "scoreStrategicFit";
    public static final String SCORE_DATA_REUSE = "scoreDataReuse";
    public static final String SCORE_SUSTAINABILITY = "scoreSustainability";
    public static final String COMMENT_NOVELTY = "commentNovelty";
    public static final String COMMENT_FEASIBILITY = "commentFeasibility";
    public static final String COMMENT_IMPACT = "commentImpact";
    public static final String COMMENT_STRATEGIC_FIT = "commentStrategicFit";
    public static final String COMMENT_DATA_REUSE = "commentDataReuse";
    public static final String COMMENT_SUSTAINABILITY = "commentSustainability";
    /** Weighted mean of the experts' scores (0–10) and their spread (max − min of the experts' weighted scores). */
    public static final String MEAN_SCORE = "meanScore";

    public static final String SPREAD = "spread";
    public static final String NEEDS_CONSENSUS = "needsConsensus";
    public static final String SHORTLISTED = "shortlisted";
    public static final String CONSENSUS_SCORE = "consensusScore";
    public static final String CONSENSUS_NOTE = "consensusNote";
    public static final String DECISION = "decision";
    public static final String DECISION_REASON = "decisionReason";
    /** For a selected initiative from Tasklist: one task (the API may give several). */
    public static final String TASK_LEAD_AGENCY = "taskLeadAgency";

    public static final String TASK_DEADLINE = "taskDeadline";
    public static final String TASK_EXPECTED_PRODUCT = "taskExpectedProduct";

    private Var() {}
  }

  /** The initiative record's side (bean {@value #BEAN}). */
  public interface Steps {
    String BEAN = "initiativeSteps";

    void returnForCompletion(DelegateExecution execution);

    /** The innovator completed the submission: back to screening. */
    void recordCompletion(DelegateExecution execution);

    /** The innovator's completion clock ran out: the submission is closed as incomplete. */
    void closeIncomplete(DelegateExecution execution);

    void reclassify(DelegateExecution execution);

    /** The submission is a feedback item in truth: one is created in the feedback lifecycle, linked both ways. */
    void toFeedback(DelegateExecution execution);

    /** Proposes a panel (variable panelText) from the expert role, leaving out the proposer's organisation. */
    void proposePanel(DelegateExecution execution);

    /** Checks the panel the standing office confirmed and sets the list {@code panel}. */
    void confirmPanel(DelegateExecution execution);

    /** Below the shortlist threshold: recorded and told to the innovator. */
    void notShortlisted(DelegateExecution execution);

    /** The standing office's decision, told to the innovator; a selected initiative becomes tasks. */
    void decide(DelegateExecution execution);
  }

  /** The panel seats (bean {@value #BEAN}). */
  public interface Experts {
    String BEAN = "initiativeExperts";

    /** Task listener (complete) on DeclareConflict: records the declaration; membership of the proposer's organisation counts as a conflict. Sets {@code expertOut}. */
    void recordDeclaration(DelegateTask task);

    /** The seat's expert is out (conflict or missed deadline): the next free expert takes the seat; {@code expert} null when none is left. */
    void replace(DelegateExecution execution);

    Date reminderAt(DelegateExecution execution);

    Date dueAt(DelegateExecution execution);

    void remind(DelegateExecution execution);

    /** Task listener (complete) on ScoreInitiative: stores the scores, immutable, and refuses an incomplete sheet. */
    void recordScores(DelegateTask task);
  }

  /** Aggregation (bean {@value #BEAN}). */
  public interface Scoring {
    String BEAN = "initiativeScoring";

    /** Weighted mean and spread of the scores; sets meanScore, spread, needsConsensus, shortlisted. */
    void aggregate(DelegateExecution execution);

    /** The agreed score replaces the mean; sets shortlisted again. */
    void recordConsensus(DelegateExecution execution);
  }

  /** Durations (bean {@value #BEAN}). */
  public interface Policy {
    String BEAN = "initiativePolicy";

    /** How long the innovator has to complete a returned submission, ISO-8601, e.g. P15D. */
    String getCompletionWait();
  }

  private InitiativeSelection() {}
}
