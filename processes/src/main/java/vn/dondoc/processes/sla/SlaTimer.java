package vn.dondoc.processes.sla;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The three timers of a stage's clock, each known by the {@link SlaClocks} method its timer expression asks. */
public enum SlaTimer {
  /** The reminder: {@code ${slaClocks.warningAt(execution, 'STAGE')}}. */
  WARNING("warningAt"),
  /** The breach: {@code ${slaClocks.dueAt(execution, 'STAGE')}}. */
  DUE("dueAt"),
  /** The supervisor's turn after a breach: {@code ${slaClocks.supervisorAt(execution, 'STAGE')}}. */
  SUPERVISOR("supervisorAt");

  private static final Pattern CALL = Pattern.compile("\\$\\{\\s*" + Pattern.quote(SlaClocks.BEAN)
      + "\\.(\\w+)\\(\\s*execution\\s*,\\s*'(\\w+)'\\s*\\)\\s*}");

  private final String method;

  SlaTimer(String method) {
    this.method = method;
  }

  /** The timer and stage a timer expression asks the clocks for, if it is such a call. */
  public static Optional<Call> of(String expression) {
    Matcher m = CALL.matcher(expression == null ? "" : expression.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    for (SlaTimer timer : values()) {
      if (timer.method.equals(m.group(1))) {
        return Optional.of(new Call(timer, m.group(2)));
      }
    }
    return Optional.empty();
  }

  /** A timer expression's question: which instant, of which stage's clock. */
  public record Call(SlaTimer timer, String stage) {}
}
