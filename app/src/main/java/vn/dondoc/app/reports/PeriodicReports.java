package vn.dondoc.app.reports;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.dondoc.app.dashboards.AgencyRanking;
import vn.dondoc.app.documents.OfficialDocument;
import vn.dondoc.app.documents.ReportProperties;
import vn.dondoc.app.feedback.FeedbackSlaReport;
import vn.dondoc.app.tasks.OverdueList;
import vn.dondoc.app.tasks.TaskReportFilter;
import vn.dondoc.app.tasks.TaskScope;
import vn.dondoc.app.tasks.TaskSummary;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.search.SearchScope;

/**
 * The standing office's periodic report: its figures from the existing reports, the draft text, and the
 * document with "Phụ lục 01" (the overdue tasks of {@link OverdueList}, its columns those of DOMAIN.md §3.8).
 * The scope (directive, lead agency, section) filters the tasks, the agency also the feedback.
 */
@Service
@EnableConfigurationProperties(ReportProperties.class)
public class PeriodicReports {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final int WEAKEST = 3;
  private static final TaskScope EVERY_TASK = new TaskScope(null, Set.of());

  private final TaskSummary taskSummary;
  private final OverdueList overdueList;
  private final FeedbackSlaReport feedbackReport;
  private final AgencyRanking ranking;
  private final JdbcClient jdbc;
  private final ReportProperties properties;

  PeriodicReports(
      TaskSummary taskSummary,
      OverdueList overdueList,
      FeedbackSlaReport feedbackReport,
      AgencyRanking ranking,
      JdbcClient jdbc,
      ReportProperties properties) {
    this.taskSummary = taskSummary;
    this.overdueList = overdueList;
    this.feedbackReport = feedbackReport;
    this.ranking = ranking;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** {@code filter} carries the scope and the day (its deadline period is ignored); {@code since} may be null. */
  public PeriodicFigures figures(TaskReportFilter filter, LocalDate since) {
    LocalDate asOf = filter.asOf();
    TaskReportFilter day = new TaskReportFilter(filter.tasks(), null, null, asOf);
    TaskSummary.Summary byDirective =
        taskSummary.summary(day, EVERY_TASK, TaskSummary.GroupBy.DIRECTIVE, VIETNAMESE);
    TaskSummary.Summary byAgency =
        taskSummary.summary(day, EVERY_TASK, TaskSummary.GroupBy.AGENCY, VIETNAMESE);
    TaskSummary.Figures sinceTasks = since == null
        ? null
        : taskSummary
            .summary(
                new TaskReportFilter(filter.tasks(), since.plusDays(1), asOf, asOf),
                EVERY_TASK,
                null,
                VIETNAMESE)
            .totals();
    LocalDate from = since == null ? asOf.withDayOfYear(1) : since.plusDays(1);
    FeedbackSlaReport.Filter feedbackFilter =
        new FeedbackSlaReport.Filter(filter.tasks().leadAgency(), null, from, asOf);
    FeedbackSlaReport.AgencyFigures feedback =
        feedbackReport.totals(feedbackFilter, SearchScope.unrestricted());
    List<PeriodicFigures.Weak> weakest = ranking.rank(from, asOf, asOf).agencies().stream()
        .filter(entry -> entry.index() != null)
        .sorted(Comparator.comparing(AgencyRanking.Entry::index))
        .limit(WEAKEST)
        .map(entry -> new PeriodicFigures.Weak(entry.name(), entry.index(), entry.overdue()))
        .toList();
    return new PeriodicFigures(
        asOf,
        since,
        byDirective.totals(),
        byDirective.groups(),
        byAgency.groups(),
        sinceTasks,
        feedback,
        initiatives(from, asOf, false),
        initiatives(from, asOf, true),
        weakest,
        feedbackReport.receivedByChannel(feedbackFilter, SearchScope.unrestricted()));
  }

  /** Initiatives submitted in the period (drafts never are), or of those the ones selected. */
  private long initiatives(LocalDate from, LocalDate to, boolean selectedOnly) {
    return jdbc.sql("""
            select count(*) from initiative
            where submitted_at >= :from and submitted_at < :until and (not :selected or status = 'SELECTED')""")
        .param("from", from.atStartOfDay(HanoiTime.ZONE).toOffsetDateTime())
        .param("until", to.plusDays(1).atStartOfDay(HanoiTime.ZONE).toOffsetDateTime())
        .param("selected", selectedOnly)
        .query(Long.class)
        .single();
  }

  /** The report as a document: the (edited) body, "Phụ lục 01" computed for the same scope and day. */
  public OfficialDocument document(
      TaskReportFilter filter, List<String> body, String signerTitle, String signerName) {
    LocalDate asOf = filter.asOf();
    OverdueList.Report overdue = overdueList.list(
        new TaskReportFilter(filter.tasks(), null, null, asOf), EVERY_TASK, VIETNAMESE);
    OfficialDocument.Annex annex = new OfficialDocument.Annex(
        "Phụ lục 01",
        "DANH SÁCH CÁC NHIỆM VỤ QUÁ HẠN (tính đến ngày " + DisplayDates.DAY.format(asOf) + ")",
        overdue.headers(),
        overdue.rows().stream().map(OverdueList.Row::cells).toList());
    return new OfficialDocument(
        properties.parentBody(),
        properties.issuer(),
        "Số:        /" + properties.symbol(),
        properties.place(),
        asOf,
        "BÁO CÁO",
        properties.title(),
        null,
        body,
        properties.recipients(),
        properties.signingCapacity(),
        signerTitle,
        signerName,
        annex);
  }
}
