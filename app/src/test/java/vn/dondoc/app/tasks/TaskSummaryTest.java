package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.tasks.TaskSummary.Figures;
import vn.dondoc.app.tasks.TaskSummary.GroupBy;
import vn.dondoc.app.tasks.TaskSummary.Summary;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * The summary's arithmetic on hand-made counts by label; the labels themselves are {@link Timeliness}'s (and its SQL
 * form's, TimelinessSqlIT), the counting in the database TaskSummaryIT's.
 */
class TaskSummaryTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 29);
  private static final int NEAR_DUE_DAYS = 7;

  private final Map<String, Map<Timeliness, Long>> counts = new HashMap<>();

  private void count(String key, Timeliness label, long n) {
    counts.computeIfAbsent(key, k -> new EnumMap<>(Timeliness.class)).merge(label, n, Long::sum);
  }

  private Summary summarise(GroupBy groupBy) {
    return TaskSummary.summarise(counts, AS_OF, NEAR_DUE_DAYS, groupBy, key -> "label " + key);
  }

  @Test
  void nearDueTasksAreAlsoInProgressOnTimeAndTheTotalsAddUp() {
    count(null, Timeliness.RECURRING, 2);
    count(null, Timeliness.COMPLETED_ON_TIME, 1);
    count(null, Timeliness.COMPLETED_LATE, 1);
    count(null, Timeliness.NEAR_DUE, 1);
    count(null, Timeliness.IN_PROGRESS_ON_TIME, 1);
    count(null, Timeliness.OVERDUE, 2);

    Summary summary = summarise(null);

    assertThat(summary.totals())
        .isEqualTo(
            new Figures(8, 2, 6, 2, 1, 1, 2, 1, 2, new BigDecimal("33.3"), new BigDecimal("16.7")));
    assertThat(summary.groups()).isNull();
  }

  @Test
  void theSourcesFigureRoundsTo84Point8AndHalvesRoundUp() {
    assertThat(TaskSummary.percent(1245, 1469)).isEqualByComparingTo("84.8");
    assertThat(TaskSummary.percent(1, 16)).isEqualByComparingTo("6.3"); // 6.25
    assertThat(TaskSummary.percent(2, 3)).isEqualByComparingTo("66.7");
    assertThat(TaskSummary.percent(0, 0)).isNull();
  }

  @Test
  void withoutTasksWithADeadlineThereAreNoRates() {
    count(null, Timeliness.RECURRING, 1);

    Figures totals = summarise(null).totals();

    assertThat(totals.total()).isEqualTo(1);
    assertThat(totals.completionRate()).isNull();
    assertThat(totals.onTimeRate()).isNull();
  }

  @Test
  void quartersComeInOrderWithRecurringTasksLast() {
    count(TaskSummary.RECURRING_GROUP, Timeliness.RECURRING, 1);
    count("2026-Q1", Timeliness.COMPLETED_ON_TIME, 1);
    count("2026-Q1", Timeliness.OVERDUE, 1);
    count("2025-Q4", Timeliness.OVERDUE, 1);
    count("2026-Q3", Timeliness.IN_PROGRESS_ON_TIME, 1);

    Summary summary = summarise(GroupBy.QUARTER);

    assertThat(summary.groups())
        .extracting(TaskSummary.Group::key)
        .containsExactly("2025-Q4", "2026-Q1", "2026-Q3", TaskSummary.RECURRING_GROUP);
    assertThat(summary.groups().get(1).figures().withDeadline()).isEqualTo(2);
    assertThat(summary.groups().get(1).label()).isEqualTo("label 2026-Q1");
    assertThat(summary.groups().get(3).figures().recurring()).isEqualTo(1);
  }

  @Test
  void groupsAddUpToTheTotalsAndTasksWithoutAKeyComeLast() {
    count("hanoi", Timeliness.OVERDUE, 1);
    count("hanoi", Timeliness.COMPLETED_ON_TIME, 3);
    count(null, Timeliness.RECURRING, 1);
    count("bkhcn", Timeliness.NEAR_DUE, 2);

    Summary byAgency = summarise(GroupBy.AGENCY);

    assertThat(byAgency.groups())
        .extracting(TaskSummary.Group::key)
        .containsExactly("bkhcn", "hanoi", null);
    assertThat(byAgency.groups().stream().mapToLong(g -> g.figures().total()).sum())
        .isEqualTo(byAgency.totals().total())
        .isEqualTo(7);
    assertThat(byAgency.totals().overdue()).isEqualTo(1);
  }

  @Test
  void groupByIsReadCaseInsensitivelyAndAnUnknownOneIsRefusedNamingTheParameter() {
    assertThat(GroupBy.of("Agency")).isEqualTo(GroupBy.AGENCY);
    assertThat(GroupBy.of(null)).isNull();
    assertThatThrownBy(() -> GroupBy.of("month"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("groupBy"));
  }
}
