package vn.dondoc.app.dashboards;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dondoc.app.feedback.FeedbackSlaReport;
import vn.dondoc.app.initiatives.InitiativeCategory;
import vn.dondoc.app.tasks.TaskFilter;
import vn.dondoc.app.tasks.TaskReportFilter;
import vn.dondoc.app.tasks.TaskScope;
import vn.dondoc.app.tasks.TaskSummary;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.search.SearchScope;

/**
 * What anyone may read (DOMAIN.md §4.1, "công khai một phần thông tin"): aggregates only, nothing about a
 * single case or person. Tasks as of today (TaskSummary's definitions), all feedback ever received
 * (FeedbackSlaReport's), the agency ranking of the default period (name, index and rank only), and
 * the initiatives selected so far by category; or the same for a {@link PublicPeriod} (a year or a quarter).
 *
 * <p>The answer is kept for {@link #MAX_AGE} (one per node, language and period): the figures are read by anyone, cost a few
 * full scans, and a minute's delay does not matter to the public.
 */
@Component
class PublicFigures {

  static final Duration MAX_AGE = Duration.ofMinutes(1);

  record Tasks(
      long total,
      long withDeadline,
      long recurring,
      long completed,
      BigDecimal completionRate,
      long completedOnTime,
      long completedLate,
      long inProgress,
      long overdue,
      BigDecimal onTimeRate) {}

  /** @param receivedByChannel the received items by channel code (web, hotline, letter, email, counter) */
  record Feedback(
      long received,
      long answered,
      BigDecimal processedRate,
      BigDecimal onTimeRate,
      Map<String, Long> receivedByChannel) {}

  record RankedAgency(int rank, String agency, String name, BigDecimal index) {}

  record Ranking(
      LocalDate from, LocalDate to, AgencyRanking.Formula formula, List<RankedAgency> agencies) {}

  record Category(String category, String label, long selected) {}

  record Figures(
      Instant generatedAt,
      LocalDate asOf,
      PublicPeriod period,
      Tasks tasks,
      Feedback feedback,
      Ranking ranking,
      List<Category> initiativesSelected) {}

  private record Key(Locale locale, String period) {}

  private final TaskSummary taskSummary;
  private final FeedbackSlaReport feedbackReport;
  private final AgencyRanking ranking;
  private final JdbcClient jdbc;
  private final MessageSource messages;
  private final Clock clock;
  private final Map<Key, Figures> cache = new ConcurrentHashMap<>();

  PublicFigures(
      TaskSummary taskSummary,
      FeedbackSlaReport feedbackReport,
      AgencyRanking ranking,
      JdbcClient jdbc,
      MessageSource messages,
      Clock clock) {
    this.taskSummary = taskSummary;
    this.feedbackReport = feedbackReport;
    this.ranking = ranking;
    this.jdbc = jdbc;
    this.messages = messages;
    this.clock = clock;
  }

  /** The figures of everything so far ({@link PublicPeriod#ALL}), labels in {@code locale}. */
  Figures figures(Locale locale) {
    return figures(locale, PublicPeriod.all());
  }

  /** The figures of a period, labels in {@code locale}; computed at most once a minute per language and period. */
  Figures figures(Locale locale, PublicPeriod period) {
    Instant now = clock.instant();
    return cache.compute(
        new Key(locale, period.key()),
        (key, cached) -> cached != null && cached.generatedAt().plus(MAX_AGE).isAfter(now)
            ? cached
            : compute(locale, period, now));
  }

  /** Today in Hanoi, the day the figures are for. */
  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), HanoiTime.ZONE);
  }

  /** Forgets the kept answers (tests change the figures and read them at once). */
  void forget() {
    cache.clear();
  }

  private Figures compute(Locale locale, PublicPeriod period, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, HanoiTime.ZONE);
    TaskSummary.Figures tasks = taskSummary
        .summary(
            new TaskReportFilter(TaskFilter.ANY, period.from(), period.to(), today),
            new TaskScope(null, Set.of()),
            null,
            locale)
        .totals();
    FeedbackSlaReport.Filter feedbackFilter =
        new FeedbackSlaReport.Filter(null, null, period.from(), period.to());
    FeedbackSlaReport.AgencyFigures feedback =
        feedbackReport.totals(feedbackFilter, SearchScope.unrestricted());
    LocalDate[] lastTwelveMonths = DashboardController.defaultRankingPeriod(today);
    AgencyRanking.Ranking ranked = period.isAll()
        ? ranking.rank(lastTwelveMonths[0], lastTwelveMonths[1], today)
        : ranking.rank(period.from(), period.to(), today);
    return new Figures(
        now,
        today,
        period,
        new Tasks(
            tasks.total(),
            tasks.withDeadline(),
            tasks.recurring(),
            tasks.completed(),
            tasks.completionRate(),
            tasks.completedOnTime(),
            tasks.completedLate(),
            tasks.inProgressOnTime(),
            tasks.overdue(),
            tasks.onTimeRate()),
        new Feedback(
            feedback.received(),
            feedback.answered(),
            feedback.processedRate(),
            feedback.onTimeRate(),
            feedbackReport.receivedByChannel(feedbackFilter, SearchScope.unrestricted())),
        new Ranking(
            ranked.from(),
            ranked.to(),
            ranked.formula(),
            ranked.agencies().stream()
                .map(e -> new RankedAgency(e.rank(), e.agency(), e.name(), e.index()))
                .toList()),
        selectedInitiatives(locale, period));
  }

  /** Selected so far, or decided in the period (Hanoi days, both included). */
  private List<Category> selectedInitiatives(Locale locale, PublicPeriod period) {
    Map<String, Long> counts = new HashMap<>();
    Map<String, Object> params = period.isAll()
        ? Map.of()
        : Map.of(
            "from", Timestamp.from(period.from().atStartOfDay(HanoiTime.ZONE).toInstant()),
            "to",
                Timestamp.from(
                    period.to().plusDays(1).atStartOfDay(HanoiTime.ZONE).toInstant()));
    jdbc.sql("select category, count(*) as n from initiative where status = 'SELECTED'"
            + (period.isAll() ? "" : " and decided_at >= :from and decided_at < :to")
            + " group by category")
        .params(params)
        .query(rs -> {
          counts.put(rs.getString("category"), rs.getLong("n"));
        });
    return Arrays.stream(InitiativeCategory.values())
        .map(c -> new Category(
            c.code(),
            messages.getMessage(c.messageKey(), null, c.code(), locale),
            counts.getOrDefault(c.code(), 0L)))
        .toList();
  }
}
