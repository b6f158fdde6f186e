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

  /**
   * The same rule as {@link #of}, as a SQL condition on the columns of a task row aliased {@code t}: true where
   * {@link #of} gives this label on {@code day} (the day and the window are written into the condition as a date
   * literal and a number, never text a user wrote). For counting and filtering many tasks in the database, where
   * reading them all into Java would grow with the programme; TimelinessSqlIT holds the two equal on every case.
   */
  public String sqlOn(LocalDate day, int nearDueDays) {
    String d = "date '" + day + "'";
    String dated = "t.status <> 'WITHDRAWN' and t.original_deadline is not null and ";
    String completedBy = "t.completed_on <= " + d;
    String open = "(t.completed_on is null or t.completed_on > " + d + ")";
    return "("
        + switch (this) {
          case RECURRING -> "t.status <> 'WITHDRAWN' and t.original_deadline is null";
          case COMPLETED_ON_TIME ->
            dated + completedBy + " and t.completed_on <= t.original_deadline";
          case COMPLETED_LATE -> dated + completedBy + " and t.completed_on > t.original_deadline";
          case OVERDUE -> dated + open + " and t.original_deadline < " + d;
          case NEAR_DUE ->
            dated + open + " and t.original_deadline between " + d + " and " + d + " + "
                + nearDueDays;
          case IN_PROGRESS_ON_TIME ->
            dated + open + " and t.original_deadline > " + d + " + " + nearDueDays;
        }
        + ")";
  }

  /** Whether this label counts as completed for rates. */
  public boolean isCompleted() {
    return this == COMPLETED_ON_TIME || this == COMPLETED_LATE;
  }
}
