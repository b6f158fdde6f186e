package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.tasks.TaskReportQueries.TaskFacts;
import vn.dondoc.app.tasks.TaskSummary.Figures;
import vn.dondoc.app.tasks.TaskSummary.GroupBy;
import vn.dondoc.app.tasks.TaskSummary.Summary;
import vn.dondoc.app.web.InvalidFieldException;

/** The summary's counting on small hand-made lists; the labels themselves are {@link Timeliness}'s. */
class TaskSummaryTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 29);
  private static final int NEAR_DUE_DAYS = 7;

  private final List<TaskFacts> tasks = new ArrayList<>();

  private void task(String agency, LocalDate deadline, TaskStatus status, LocalDate completedOn) {
    tasks.add(new TaskFacts(
        tasks.size() + 1, status, deadline, completedOn, agency, "I. Chung", "17-TB/CQTTBCĐ"));
  }

  private void open(String agency, LocalDate deadline) {
    task(agency, deadline, TaskStatus.IN_PROGRESS, null);
  }

  private void completed(String agency, LocalDate deadline, LocalDate on) {
    task(agency, deadline, TaskStatus.COMPLETED, on);
  }

  private Summary summarise(GroupBy groupBy) {
    return TaskSummary.summarise(tasks, AS_OF, NEAR_DUE_DAYS, groupBy, key -> "label " + key);
  }

  @Test
  void countsEachLabelOnceAndNearDueTasksAlsoAsInProgressOnTime() {
    open("bkhcn", null); // recurring
    task("hanoi", null, TaskStatus.ASSIGNED, null); // recurring
    completed(
        "bkhcn", LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31)); // on time (on the day)
    completed("bkhcn", LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1)); // late
    open("hanoi", LocalDate.of(2026, 7, 6)); // near due (7 days ahead)
    open("hanoi", LocalDate.of(2026, 7, 7)); // in time, not yet near
    task("hanoi", LocalDate.of(2026, 6, 28), TaskStatus.COMPLETION_SUBMITTED, null); // overdue
    completed(
        "hanoi",
        LocalDate.of(2026, 6, 1),
        LocalDate.of(2026, 6, 30)); // completed after the day: overdue then
    task("hanoi", LocalDate.of(2026, 6, 1), TaskStatus.WITHDRAWN, null); // not counted at all

    Figures totals = summarise(null).totals();

    assertThat(totals)
        .isEqualTo(new Figures(
            8,
            2,
            6,
            2,
            1,
            1,
            2,
            1,
            2,
            new java.math.BigDecimal("33.3"),
            new java.math.BigDecimal("16.7")));
    assertThat(summarise(null).groups()).isNull();
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
    open("bkhcn", null);

    Figures totals = summarise(null).totals();

    assertThat(totals.total()).isEqualTo(1);
    assertThat(totals.completionRate()).isNull();
    assertThat(totals.onTimeRate()).isNull();
  }

  @Test
  void quartersAreOfTheOriginalDeadlineInOrderWithRecurringTasksLast() {
    open("bkhcn", null);
    completed("bkhcn", LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 1));
    open("hanoi", LocalDate.of(2025, 12, 31));
    open("hanoi", LocalDate.of(2026, 1, 1));
    open("hanoi", LocalDate.of(2026, 9, 30));

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
    open("bkhcn", LocalDate.of(2026, 1, 31));
    completed("hanoi", LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 1));
    tasks.add(new TaskFacts(99, TaskStatus.IN_PROGRESS, null, null, "bca", null, null));

    Summary bySection = summarise(GroupBy.SECTION);
    Summary byAgency = summarise(GroupBy.AGENCY);

    assertThat(bySection.groups())
        .extracting(TaskSummary.Group::key)
        .containsExactly("I. Chung", null);
    assertThat(byAgency.groups())
        .extracting(TaskSummary.Group::key)
        .containsExactly("bca", "bkhcn", "hanoi");
    assertThat(byAgency.groups().stream().mapToLong(g -> g.figures().total()).sum())
        .isEqualTo(byAgency.totals().total());
    assertThat(byAgency.groups().stream().mapToLong(g -> g.figures().overdue()).sum())
        .isEqualTo(1);
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
