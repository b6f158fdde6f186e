package vn.dondoc.processes.sla;

import java.util.Map;
import java.util.Optional;

/**
 * Stage names the models pass to {@link SlaClocks}; each is a row of the SLA policy table. A stage's
 * SLA events in the models are named with its prefix: {@code <Prefix>WarningDue}, {@code <Prefix>Overdue},
 * {@code <Prefix>StillOpen} and the supervisor task {@code <Prefix>Supervise}.
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

  private static final Map<String, String> PREFIXES = Map.of(ROUTE, "Routing", ACCEPT, "Acceptance", ANSWER, "Answer",
      ACKNOWLEDGE, "Acknowledgement", REVIEW, "Review", DECIDE, "Decision", SCREEN, "Screening");

  public static String prefix(String stage) {
    String prefix = PREFIXES.get(stage);
    if (prefix == null) {
      throw new IllegalArgumentException("unknown SLA stage " + stage);
    }
    return prefix;
  }

  /** The stage whose activities start with this prefix and end with the suffix, if any. */
  public static Optional<String> ofActivity(String activityId, String suffix) {
    return PREFIXES.entrySet().stream().filter(e -> activityId.equals(e.getValue() + suffix)).map(Map.Entry::getKey)
        .findFirst();
  }

  private SlaStage() {}
}
