package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The labels of DOMAIN.md §2.1.6 at their edges; a 7-day near-due window. */
class TimelinessTest {

  private static final LocalDate DEADLINE = LocalDate.of(2026, 3, 31);

  private static Timeliness open(LocalDate day) {
    return Timeliness.of(TaskStatus.IN_PROGRESS, DEADLINE, null, day, 7);
  }

  @Test
  void anOpenTaskIsOnTimeThenNearDueThenOverdueTheDayAfterItsDeadline() {
    assertThat(open(LocalDate.of(2026, 3, 23))).isEqualTo(Timeliness.IN_PROGRESS_ON_TIME);
    assertThat(open(LocalDate.of(2026, 3, 24))).isEqualTo(Timeliness.NEAR_DUE);
    assertThat(open(DEADLINE))
        .as("the deadline day is still the agency's")
        .isEqualTo(Timeliness.NEAR_DUE);
    assertThat(open(LocalDate.of(2026, 4, 1))).isEqualTo(Timeliness.OVERDUE);
  }

  @Test
  void completionIsJudgedByTheOriginalDeadlineAndCountsOnlyOnceItHappened() {
    LocalDate completed = LocalDate.of(2026, 4, 2);
    assertThat(
            Timeliness.of(TaskStatus.COMPLETED, DEADLINE, DEADLINE, LocalDate.of(2026, 6, 30), 7))
        .isEqualTo(Timeliness.COMPLETED_ON_TIME);
    assertThat(
            Timeliness.of(TaskStatus.COMPLETED, DEADLINE, completed, LocalDate.of(2026, 6, 30), 7))
        .isEqualTo(Timeliness.COMPLETED_LATE);
    assertThat(
            Timeliness.of(TaskStatus.COMPLETED, DEADLINE, completed, LocalDate.of(2026, 4, 1), 7))
        .as("as of a day before the completion, the task was open and overdue")
        .isEqualTo(Timeliness.OVERDUE);
  }

  @Test
  void recurringTasksHaveNoTimelinessAndWithdrawnOnesNoLabel() {
    assertThat(Timeliness.of(TaskStatus.IN_PROGRESS, null, null, DEADLINE, 7))
        .isEqualTo(Timeliness.RECURRING);
    assertThat(Timeliness.of(TaskStatus.WITHDRAWN, DEADLINE, null, DEADLINE, 7)).isNull();
  }

  @Test
  void anAppendixCodeSuggestsItsField() {
    assertThat(TaskField.ofAppendixCode("1.b.(1)")).isEqualTo(TaskField.DIRECTION);
    assertThat(TaskField.ofAppendixCode("5.d.1.[2]")).isEqualTo(TaskField.DATABASES);
    assertThat(TaskField.ofAppendixCode("5.đ")).isEqualTo(TaskField.INFORMATION_SECURITY);
    assertThat(TaskField.ofAppendixCode("5.e")).isEqualTo(TaskField.DIGITAL_TRANSFORMATION);
    assertThat(TaskField.ofAppendixCode("9.a")).isNull();
  }
}
