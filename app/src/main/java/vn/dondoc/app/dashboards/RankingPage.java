package vn.dondoc.app.dashboards;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.web.TableExport;

/**
 * The agency ranking page ({@link AgencyRanking}, the index of {@link RankingIndex}): the period in the URL,
 * the formula, a chart of the index drawn from the table of every component; the table as CSV or Excel.
 */
@Controller
@StaffPage
class RankingPage {

  static final List<String> PARAMS = List.of("from", "to", "asOf");

  /** The file's columns: message keys under staff.ranking.column. */
  private static final List<String> COLUMNS = List.of(
      "rank",
      "agency",
      "index",
      "task-on-time-rate",
      "tasks-due",
      "tasks-on-time",
      "tasks-with-deadline",
      "overdue",
      "feedback-received",
      "feedback-answered",
      "feedback-processed-rate",
      "feedback-on-time-rate",
      "satisfaction",
      "ratings");

  private static final int[] WIDTHS = {7, 45, 9, 16, 12, 12, 12, 10, 12, 12, 14, 14, 12, 10};

  private final AgencyRanking ranking;
  private final DashboardPages pages;

  RankingPage(AgencyRanking ranking, DashboardPages pages) {
    this.ranking = ranking;
    this.pages = pages;
  }

  @GetMapping(value = DashboardPages.RANKING, produces = "text/html")
  String page(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      Authentication caller,
      HttpServletRequest request,
      Model model) {
    DashboardPages.requireRankingRole(caller);
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, String> values = DashboardPages.values(PARAMS, from, to, asOf);
    String clean =
        DashboardPages.withoutEmptyFilters(request, DashboardPages.RANKING, PARAMS, values);
    if (clean != null) {
      return clean;
    }
    Map<String, String> filterErrors = new LinkedHashMap<>();
    DashboardParams.RankingPeriod period = pages.read(values, filterErrors, () -> period(values));
    AgencyRanking.Ranking shown = ranking.rank(period.from(), period.to(), period.asOf());
    model.addAttribute("page", "ranking");
    model.addAttribute("ranking", shown);
    model.addAttribute("filter", values);
    model.addAttribute("filterErrors", filterErrors);
    model.addAttribute("periodFrom", period.from().toString());
    model.addAttribute("periodTo", period.to().toString());
    model.addAttribute("from", DisplayDates.DAY.format(period.from()));
    model.addAttribute("to", DisplayDates.DAY.format(period.to()));
    model.addAttribute("asOf", DisplayDates.DAY.format(period.asOf()));
    model.addAttribute(
        "formula",
        "en".equals(locale.getLanguage())
            ? shown.formula().en()
            : shown.formula().vi());
    model.addAttribute("weights", List.of(RankingIndex.Component.values()));
    model.addAttribute("numbers", new TransparencyPage.Numbers(locale));
    model.addAttribute("choices", choices(period, locale));
    model.addAttribute("csvHref", DashboardPages.href(DashboardPages.RANKING + ".csv", values));
    model.addAttribute("xlsxHref", DashboardPages.href(DashboardPages.RANKING + ".xlsx", values));
    return "staff/ranking";
  }

  /** A period offered as a link: the URL of its ranking, and whether it is the one shown. */
  record Choice(String label, String href, boolean current) {}

  /** The years and quarters so far (as the public figures offer them), each as of its last day or today. */
  private List<Choice> choices(DashboardParams.RankingPeriod shown, Locale locale) {
    List<Choice> choices = new ArrayList<>();
    for (PublicPeriod p : PublicPeriod.choices(pages.today())) {
      if (p.isAll()) {
        continue;
      }
      Map<String, String> query = new LinkedHashMap<>();
      query.put("from", p.from().toString());
      query.put("to", p.to().toString());
      query.put("asOf", p.to().toString());
      boolean current =
          p.from().equals(shown.from()) && p.to().equals(shown.to()) && p.to().equals(shown.asOf());
      choices.add(new Choice(
          pages.periodLabel(p, locale),
          DashboardPages.href(DashboardPages.RANKING, query),
          current));
    }
    return choices;
  }

  @GetMapping(DashboardPages.RANKING + ".csv")
  ResponseEntity<byte[]> csv(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      Authentication caller) {
    DashboardPages.requireRankingRole(caller);
    AgencyRanking.Ranking shown = exported(from, to, asOf);
    return TableExport.attachment(
        TableExport.csv(headers(), rows(shown)), TableExport.CSV_TYPE, fileName(shown, "csv"));
  }

  @GetMapping(DashboardPages.RANKING + ".xlsx")
  ResponseEntity<byte[]> xlsx(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      Authentication caller) {
    DashboardPages.requireRankingRole(caller);
    AgencyRanking.Ranking shown = exported(from, to, asOf);
    String title = pages.message(
        "staff.ranking.export.title",
        DashboardPages.VIETNAMESE,
        DisplayDates.DAY.format(shown.from()),
        DisplayDates.DAY.format(shown.to()),
        DisplayDates.DAY.format(shown.asOf()));
    byte[] file = TableExport.xlsx(new TableExport.Table(
        pages.message("staff.nav.ranking", DashboardPages.VIETNAMESE),
        title,
        headers(),
        rows(shown),
        WIDTHS));
    return TableExport.attachment(file, TableExport.XLSX_TYPE, fileName(shown, "xlsx"));
  }

  private AgencyRanking.Ranking exported(String from, String to, String asOf) {
    DashboardParams.RankingPeriod period = period(DashboardPages.values(PARAMS, from, to, asOf));
    return ranking.rank(period.from(), period.to(), period.asOf());
  }

  private DashboardParams.RankingPeriod period(Map<String, String> values) {
    return DashboardParams.rankingPeriod(
        values.get("from"), values.get("to"), values.get("asOf"), pages.today());
  }

  private List<String> headers() {
    return COLUMNS.stream()
        .map(c -> pages.message("staff.ranking.column." + c, DashboardPages.VIETNAMESE))
        .toList();
  }

  /** Rates in percent and the index as numbers (empty when an agency has no data for them). */
  private static List<List<Object>> rows(AgencyRanking.Ranking shown) {
    List<List<Object>> rows = new ArrayList<>();
    for (AgencyRanking.Entry e : shown.agencies()) {
      rows.add(java.util.Arrays.asList(
          e.rank(),
          e.name(),
          e.index(),
          orBlank(e.taskOnTimeRate()),
          e.tasksDueInPeriod(),
          e.tasksCompletedOnTime(),
          e.tasksWithDeadline(),
          e.overdue(),
          e.feedbackReceived(),
          e.feedbackAnswered(),
          orBlank(e.feedbackProcessedRate()),
          orBlank(e.feedbackOnTimeRate()),
          orBlank(e.satisfaction()),
          e.ratings()));
    }
    return rows;
  }

  private static Object orBlank(BigDecimal value) {
    return value == null ? "" : value;
  }

  private static String fileName(AgencyRanking.Ranking shown, String extension) {
    return "xep-hang-co-quan-" + shown.from() + "-" + shown.to() + "." + extension;
  }
}
