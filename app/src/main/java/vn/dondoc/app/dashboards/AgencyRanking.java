package vn.dondoc.app.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.Agency;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.dashboards.RankingIndex.Fraction;
import vn.dondoc.app.feedback.FeedbackSlaReport;
import vn.dondoc.app.tasks.TaskFilter;
import vn.dondoc.app.tasks.TaskReportFilter;
import vn.dondoc.app.tasks.TaskScope;
import vn.dondoc.app.tasks.TaskSummary;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.search.SearchScope;

/**
 * The agencies ranked by {@link RankingIndex}, for a period [from, to] and a day {@code asOf}. Per agency:
 * <ul>
 *   <li><b>task on-time rate</b>: of the tasks it leads whose <em>original</em> deadline falls in the period,
 *       the share completed on time as of the end of asOf (TaskSummary's onTimeRate: completedOnTime /
 *       withDeadline, labels by Timeliness.of);</li>
 *   <li><b>overdue</b>: the tasks it leads that are overdue at the end of asOf, whatever their deadline;
 *       <b>overdue share</b> = overdue / its tasks with a deadline existing then;</li>
 *   <li><b>feedback processed rate</b> and <b>on-time rate</b>: FeedbackSlaReport's, over the items it
 *       handles submitted in the period (their state now, not as of asOf);</li>
 *   <li><b>satisfaction</b>: the mean rating (1–5) of those items that were rated.</li>
 * </ul>
 * Agencies with no figure at all are not listed. Order: index descending, ties by name (Vietnamese
 * collation); equal indices share a rank (1, 2, 2, 4).
 */
@Component
public class AgencyRanking {

  private final TaskSummary taskSummary;
  private final FeedbackSlaReport feedbackReport;
  private final ReferenceData referenceData;
  private final JdbcClient jdbc;
  private final MessageSource messages;

  AgencyRanking(
      TaskSummary taskSummary,
      FeedbackSlaReport feedbackReport,
      ReferenceData referenceData,
      JdbcClient jdbc,
      MessageSource messages) {
    this.taskSummary = taskSummary;
    this.feedbackReport = feedbackReport;
    this.referenceData = referenceData;
    this.jdbc = jdbc;
    this.messages = messages;
  }

  /** The formula in both languages, with the weights in percent. */
  public record Formula(String vi, String en, Map<RankingIndex.Component, Integer> weights) {}

  public record Entry(
      int rank,
      String agency,
      String name,
      BigDecimal index,
      long tasksDueInPeriod,
      long tasksCompletedOnTime,
      BigDecimal taskOnTimeRate,
      long tasksWithDeadline,
      long overdue,
      BigDecimal overdueShare,
      long feedbackReceived,
      long feedbackAnswered,
      long feedbackAnsweredOnTime,
      long feedbackOpenOverdue,
      BigDecimal feedbackProcessedRate,
      BigDecimal feedbackOnTimeRate,
      long ratings,
      BigDecimal satisfaction,
      Set<RankingIndex.Component> componentsWithoutData) {}

  public record Ranking(
      LocalDate from, LocalDate to, LocalDate asOf, Formula formula, List<Entry> agencies) {}

  Formula formula() {
    Map<RankingIndex.Component, Integer> weights = new EnumMap<>(RankingIndex.Component.class);
    for (RankingIndex.Component component : RankingIndex.Component.values()) {
      weights.put(component, component.weight());
    }
    return new Formula(
        messages.getMessage("dashboards.ranking.formula", null, Locale.forLanguageTag("vi")),
        messages.getMessage("dashboards.ranking.formula", null, Locale.ENGLISH),
        weights);
  }

  private record Satisfaction(long ratings, long sum) {}

  public Ranking rank(LocalDate from, LocalDate to, LocalDate asOf) {
    TaskScope all = new TaskScope(null, Set.of());
    Map<String, TaskSummary.Figures> inPeriod = byAgency(taskSummary.summary(
        new TaskReportFilter(TaskFilter.ANY, from, to, asOf),
        all,
        TaskSummary.GroupBy.AGENCY,
        Locale.ROOT));
    Map<String, TaskSummary.Figures> asOfDay = byAgency(taskSummary.summary(
        new TaskReportFilter(TaskFilter.ANY, null, null, asOf),
        all,
        TaskSummary.GroupBy.AGENCY,
        Locale.ROOT));
    Map<String, FeedbackSlaReport.AgencyFigures> feedback = new HashMap<>();
    feedbackReport
        .agencies(new FeedbackSlaReport.Filter(null, null, from, to), SearchScope.unrestricted())
        .forEach(f -> feedback.put(f.agency(), f));
    Map<String, Satisfaction> satisfaction = satisfaction(from, to);
    Map<String, String> names = new HashMap<>();
    for (Agency agency : referenceData.agencies()) {
      names.put(agency.code(), agency.name());
    }

    Set<String> codes = new TreeSet<>();
    codes.addAll(inPeriod.keySet());
    codes.addAll(asOfDay.keySet());
    codes.addAll(feedback.keySet());
    codes.addAll(satisfaction.keySet());

    List<Entry> unranked = new ArrayList<>();
    for (String code : codes) {
      Entry entry = entry(
          code,
          names.getOrDefault(code, code),
          inPeriod.get(code),
          asOfDay.get(code),
          feedback.get(code),
          satisfaction.get(code));
      if (entry != null) {
        unranked.add(entry);
      }
    }
    return new Ranking(from, to, asOf, formula(), ranked(unranked));
  }

  private static Entry entry(
      String code,
      String name,
      TaskSummary.Figures period,
      TaskSummary.Figures day,
      FeedbackSlaReport.AgencyFigures feedback,
      Satisfaction satisfaction) {
    long due = period == null ? 0 : period.withDeadline();
    long onTime = period == null ? 0 : period.completedOnTime();
    long withDeadline = day == null ? 0 : day.withDeadline();
    long overdue = day == null ? 0 : day.overdue();
    long received = feedback == null ? 0 : feedback.received();
    long answered = feedback == null ? 0 : feedback.answered();
    long answeredOnTime = feedback == null ? 0 : feedback.answeredOnTime();
    long openOverdue = feedback == null ? 0 : feedback.openOverdue();
    long ratings = satisfaction == null ? 0 : satisfaction.ratings();
    long ratingSum = satisfaction == null ? 0 : satisfaction.sum();

    RankingIndex index = new RankingIndex()
        .with(RankingIndex.Component.TASK_ON_TIME, Fraction.ofOrNull(onTime, due))
        .with(
            RankingIndex.Component.NOT_OVERDUE,
            Fraction.ofOrNull(withDeadline - overdue, withDeadline))
        .with(
            RankingIndex.Component.FEEDBACK_ON_TIME,
            Fraction.ofOrNull(answeredOnTime, answered + openOverdue))
        .with(RankingIndex.Component.FEEDBACK_PROCESSED, Fraction.ofOrNull(answered, received))
        .with(RankingIndex.Component.SATISFACTION, Fraction.ofOrNull(ratingSum, 5 * ratings));
    BigDecimal value = index.value();
    if (value == null) {
      return null;
    }
    Set<RankingIndex.Component> missing = new TreeSet<>(List.of(RankingIndex.Component.values()));
    missing.removeAll(index.components().keySet());
    return new Entry(
        0,
        code,
        name,
        value,
        due,
        onTime,
        FeedbackSlaReport.percent(onTime, due),
        withDeadline,
        overdue,
        FeedbackSlaReport.percent(overdue, withDeadline),
        received,
        answered,
        answeredOnTime,
        openOverdue,
        FeedbackSlaReport.percent(answered, received),
        FeedbackSlaReport.percent(answeredOnTime, answered + openOverdue),
        ratings,
        ratings == 0
            ? null
            : BigDecimal.valueOf(ratingSum)
                .divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP),
        missing);
  }

  /** Index descending, ties by name; equal indices share the rank of the first of them. */
  static List<Entry> ranked(List<Entry> entries) {
    Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::index, Comparator.reverseOrder())
        .thenComparing(Entry::name, collator)
        .thenComparing(Entry::agency));
    List<Entry> ranked = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Entry e = sorted.get(i);
      int rank = i > 0 && e.index().compareTo(sorted.get(i - 1).index()) == 0
          ? ranked.get(i - 1).rank()
          : i + 1;
      ranked.add(new Entry(
          rank,
          e.agency(),
          e.name(),
          e.index(),
          e.tasksDueInPeriod(),
          e.tasksCompletedOnTime(),
          e.taskOnTimeRate(),
          e.tasksWithDeadline(),
          e.overdue(),
          e.overdueShare(),
          e.feedbackReceived(),
          e.feedbackAnswered(),
          e.feedbackAnsweredOnTime(),
          e.feedbackOpenOverdue(),
          e.feedbackProcessedRate(),
          e.feedbackOnTimeRate(),
          e.ratings(),
          e.satisfaction(),
          e.componentsWithoutData()));
    }
    return ranked;
  }

  private static Map<String, TaskSummary.Figures> byAgency(TaskSummary.Summary summary) {
    Map<String, TaskSummary.Figures> figures = new HashMap<>();
    summary.groups().forEach(group -> figures.put(group.key(), group.figures()));
    return figures;
  }

  /** Ratings of the items each agency handles, submitted in the period (Hanoi days, both included). */
  private Map<String, Satisfaction> satisfaction(LocalDate from, LocalDate to) {
    Map<String, Satisfaction> result = new HashMap<>();
    jdbc.sql("""
            select f.handling_agency, count(*) as ratings, sum(f.rating) as total
            from feedback_item f
            where f.handling_agency is not null and f.rating is not null and f.submitted_at >= :from and f.submitted_at < :to
            group by f.handling_agency""")
        .param("from", Timestamp.from(from.atStartOfDay(HanoiTime.ZONE).toInstant()))
        .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(HanoiTime.ZONE).toInstant()))
        .query(rs -> {
          result.put(
              rs.getString("handling_agency"),
              new Satisfaction(rs.getLong("ratings"), rs.getLong("total")));
        });
    return result;
  }
}
