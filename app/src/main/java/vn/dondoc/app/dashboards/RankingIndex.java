package vn.dondoc.app.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The agencies' composite index, 0–100, one decimal (text: {@code dashboards.ranking.formula} in
 * messages*.properties, and README "Dashboards"):
 *
 * <pre>
 * index = 100 × (40% × task on-time rate
 *              + 20% × (1 − overdue share)
 *              + 20% × feedback on-time rate
 *              + 10% × feedback processed rate
 *              + 10% × mean satisfaction / 5)
 * </pre>
 *
 * A component without data for an agency (no task due in the period, no task with a deadline, no feedback
 * answered or overdue, none received, no rating) is left out and its weight is shared among the others
 * in proportion to their weights: the index is the weighted mean of the components the agency has. An
 * agency without any component has no index. Each component is an exact fraction; only the result is
 * rounded (half up).
 */
public final class RankingIndex {

  /** The components and their weights in percent (they add up to 100). */
  public enum Component {
    TASK_ON_TIME(40),
    NOT_OVERDUE(20),
    FEEDBACK_ON_TIME(20),
    FEEDBACK_PROCESSED(10),
    SATISFACTION(10);

    private final int weight;

    Component(int weight) {
      this.weight = weight;
    }

    public int weight() {
      return weight;
    }
  }

  /** A share {@code part / whole} between 0 and 1. */
  public record Fraction(long part, long whole) {
    public Fraction {
      if (whole <= 0 || part < 0 || part > whole) {
        throw new IllegalArgumentException(part + "/" + whole + " is not a share");
      }
    }

    /** The share, or null when there is nothing to divide (the component has no data). */
    public static Fraction ofOrNull(long part, long whole) {
      return whole == 0 ? null : new Fraction(part, whole);
    }
  }

  private static final int SCALE = 12;

  private final Map<Component, Fraction> components = new EnumMap<>(Component.class);

  /** Sets a component; null leaves it out (no data). */
  public RankingIndex with(Component component, Fraction value) {
    if (value == null) {
      components.remove(component);
    } else {
      components.put(component, value);
    }
    return this;
  }

  /** The components with data. */
  public Map<Component, Fraction> components() {
    return Map.copyOf(components);
  }

  /** The index, 0–100 with one decimal; null when no component has data. */
  public BigDecimal value() {
    if (components.isEmpty()) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    int weights = 0;
    for (Map.Entry<Component, Fraction> entry : components.entrySet()) {
      int weight = entry.getKey().weight();
      Fraction share = entry.getValue();
      sum = sum.add(BigDecimal.valueOf(weight * share.part())
          .divide(BigDecimal.valueOf(share.whole()), SCALE, RoundingMode.HALF_UP));
      weights += weight;
    }
    return sum.multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(weights), 1, RoundingMode.HALF_UP);
  }
}
