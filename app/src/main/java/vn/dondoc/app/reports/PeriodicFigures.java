package vn.dondoc.app.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.dondoc.app.feedback.FeedbackSlaReport;
import vn.dondoc.app.tasks.TaskSummary;

/**
 * The figures of a periodic report, each from the rule that already computes it: tasks by
 * {@link TaskSummary} (every task labelled by {@code Timeliness.of}), feedback by {@link FeedbackSlaReport},
 * the weakest agencies by the agency ranking.
 *
 * @param since the previous report's day, or null: then there is no "tính riêng" paragraph
 * @param sinceTasks the tasks whose original deadline falls after {@code since} up to {@code asOf}; null without since
 * @param feedback the feedback received in the period (since the start of the year without {@code since})
 * @param weakest the lowest-ranked agencies, lowest first
 * @param feedbackByChannel the same feedback by channel (web, hotline, letter, email, counter), FeedbackSlaReport's counts
 */
public record PeriodicFigures(
    LocalDate asOf,
    LocalDate since,
    TaskSummary.Figures tasks,
    List<TaskSummary.Group> byDirective,
    List<TaskSummary.Group> byAgency,
    TaskSummary.Figures sinceTasks,
    FeedbackSlaReport.AgencyFigures feedback,
    long initiativesReceived,
    long initiativesSelected,
    List<Weak> weakest,
    Map<String, Long> feedbackByChannel) {

  /** Figures without the channels of the feedback (none is named in the text). */
  public PeriodicFigures(
      LocalDate asOf,
      LocalDate since,
      TaskSummary.Figures tasks,
      List<TaskSummary.Group> byDirective,
      List<TaskSummary.Group> byAgency,
      TaskSummary.Figures sinceTasks,
      FeedbackSlaReport.AgencyFigures feedback,
      long initiativesReceived,
      long initiativesSelected,
      List<Weak> weakest) {
    this(
        asOf,
        since,
        tasks,
        byDirective,
        byAgency,
        sinceTasks,
        feedback,
        initiativesReceived,
        initiativesSelected,
        weakest,
        Map.of());
  }

  /** An agency at the bottom of the ranking: its index and its overdue tasks. */
  public record Weak(String name, BigDecimal index, long overdue) {}
}
