package vn.dondoc.app.tasks;

import java.time.LocalDate;
import vn.dondoc.app.cases.CodedValue;

/**
 * The timeliness labels of DOMAIN.md §2.1.6, computed here and nowhere else: the API, the search
 * projection, the summary and the overdue export all ask {@link #of}. A task is judged against its
 * <em>original</em> deadline, so an extension never turns a late task into an on-time one.
 */
public enum Timeliness implements CodedValue {
  /** Completed, the completion date on or before the original deadline. */
  COMPLETED_ON_TIME,
  COMPLETED_LATE,
  /** Open, within the deadline, and the deadline is within the near-due window. */
  NEAR_DUE,
  /** Open, within the deadline. */
  IN_PROGRESS_ON_TIME,
  OVERDUE,
  /** A recurring task (thường xuyên): no deadline to be judged by. */
  RECURRING;

  @Override
  public String code() {
    return name();
  }

  /**
   * The label on {@code day} of a task with this original deadline (null when recurring) that was
   * completed on {@code completedOn} (null while open, or when it was completed after {@code day});
   * {@code nearDueDays} is the near-due window in calendar days. Null for a withdrawn task.
   */
  public static Timeliness of(
      TaskStatus status,
      LocalDate originalDeadline,
      LocalDate completedOn,
      LocalDate day,
      int nearDueDays) {
    if (status == TaskStatus.WITHDRAWN) {
      return null;
    }
    if (originalDeadline == null) {
      return RECURRING;
    }
    if (completedOn != null && !completedOn.isAfter(day)) {
      return completedOn.isAfter(originalDeadline) ? COMPLETED_LATE : COMPLETED_ON_TIME;
    }
    if (day.isAfter(originalDeadline)) {
      return OVERDUE;
    }
    return day.isBefore(originalDeadline.minusDays(nearDueDays)) ? IN_PROGRESS_ON_TIME : NEAR_DUE;
  }

  /** Whether this label counts as completed for rates. */
  public boolean isCompleted() {
    return this == COMPLETED_ON_TIME || this == COMPLETED_LATE;
  }
}
