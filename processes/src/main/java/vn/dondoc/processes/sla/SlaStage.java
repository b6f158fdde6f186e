package vn.dondoc.processes.sla;

/**
 * The stages the app's code names (to pause a clock, to address the standing office); each is a row of the SLA
 * policy table. A model declares its stages itself ({@link SlaStageDeclaration}): a new stage needs no constant here.
 */
public final class SlaStage {

  public static final String ROUTE = "ROUTE";
  public static final String ACCEPT = "ACCEPT";
  public static final String ANSWER = "ANSWER";
  /** The lead agency acknowledges a task (task-lifecycle). */
  public static final String ACKNOWLEDGE = "ACKNOWLEDGE";
  /** A reviewer decides on submitted evidence (evidence-review). */
  public static final String REVIEW = "REVIEW";
  /** The standing office decides an extension request (deadline-extension). */
  public static final String DECIDE = "DECIDE";
  /** The standing office screens a submitted initiative (initiative-selection). */
  public static final String SCREEN = "SCREEN";

  private SlaStage() {}
}
