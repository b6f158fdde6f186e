package vn.dondoc.app.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dondoc.app.dashboards.DashboardFixture.startOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.app.dashboards.DashboardFixture.Case;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.CsvFiles;
import vn.dondoc.app.support.MovableClock;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.search.SearchScope;

/**
 * The supervisor dashboards in a real browser, signed in as the demo supervisor {@code giamsat}, against a
 * fixture of two agencies of their own: the SLA board shows SlaBoard's figures (and the ones worked out by
 * hand below), keeps its filters in the URL, lists a case as breached once the application's clock is moved
 * past its deadline; the ranking shows the formula and AgencyRanking's figures; the exports hold the rows shown.
 */
class SupervisorDashboardsBrowserIT extends BrowserTest {

  private static final String A = "fxs-a";
  private static final String B = "fxs-b";
  private static final String RANKING_QUERY = "from=2025-10-01&to=2025-12-31&asOf=2025-12-31";

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  SlaBoard slaBoard;

  @Autowired
  AgencyRanking agencyRanking;

  @Autowired
  MovableClock clock;

  private DashboardFixture fixture;
  private Case oldBreach;
  private Case dueSoon;
  private Instant dueSoonAt;
  private Case overdueTask;

  @BeforeAll
  void fixture() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, HanoiTime.ZONE);
    // Submitted yesterday: outside the ranking's period (2025's last quarter), so the ranking below
    // is the tasks'.
    Instant yesterday = now.minus(Duration.ofDays(1));
    fixture = new DashboardFixture(jdbc, "FXS")
        .agency(A, "Cơ quan mẫu giám sát An")
        .agency(B, "Cơ quan mẫu giám sát Bình");

    // A's clocks. Running: one at risk (warned an hour ago, due in 20 days) and one due the day
    // after tomorrow
    // (warned tomorrow); breached and open: one due 3 days ago, reminded once; paused: a task's;
    // met: one.
    Case atRisk =
        fixture.feedback(A).field("data-governance").submitted(yesterday).add();
    fixture
        .clock("feedback", atRisk, "ANSWER", now.plus(Duration.ofDays(20)))
        .warnedAt(now.minus(Duration.ofHours(1)))
        .add();
    dueSoon = fixture.feedback(A).field("data-governance").submitted(yesterday).add();
    dueSoonAt = startOf(today.plusDays(2));
    fixture.clock("feedback", dueSoon, "ANSWER", dueSoonAt).add();
    oldBreach = fixture.feedback(A).submitted(yesterday).add();
    fixture
        .clock("feedback", oldBreach, "ANSWER", now.minus(Duration.ofDays(3)))
        .escalation(1)
        .add();
    Case recurring = fixture.task(A).add();
    fixture
        .clock("task", recurring, "ACKNOWLEDGE", now.plus(Duration.ofDays(3)))
        .paused()
        .add();
    Case answered = fixture.feedback(A).submitted(yesterday).answered(now).add();
    fixture
        .clock("feedback", answered, "ANSWER", now.plus(Duration.ofDays(5)))
        .met(now)
        .add();
    // B: a recurring task whose acknowledgement is 4 days overdue (shown without the agency filter
    // only).
    Case ofB = fixture.task(B).add();
    fixture.clock("task", ofB, "ACKNOWLEDGE", now.minus(Duration.ofDays(4))).add();

    // The ranking, 1/10 to 31/12/2025. A: 2 tasks due, 1 completed on time, the other overdue on
    // 31/12:
    // (40 × 1/2 + 20 × 1/2) / 60 = 50.0. B: 1 task due, completed on time: 100.0, ranked first.
    fixture
        .task(A)
        .due(LocalDate.of(2025, 12, 15))
        .completedOn(LocalDate.of(2025, 12, 10))
        .add();
    overdueTask = fixture.task(A).due(LocalDate.of(2025, 12, 20)).add();
    fixture
        .task(B)
        .due(LocalDate.of(2025, 12, 30))
        .completedOn(LocalDate.of(2025, 12, 2))
        .add();
  }

  @AfterAll
  void removeFixture() {
    fixture.delete();
  }

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private SlaBoard.Board expectedBoard(String agency) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), HanoiTime.ZONE);
    return slaBoard.board(
        new SlaBoard.Filter(agency, null, null, today.minusDays(29), today),
        SearchScope.unrestricted());
  }

  @Test
  void
      theBoardShowsSlaBoardsFiguresKeepsItsFilterInTheUrlAndListsABreachOnceTheClockPassesTheDeadline()
          throws Exception {
    browser.dropAllCookies();
    browser.signIn("/giam-sat", "giamsat");
    assertThat(browser.find("h1").getText()).isEqualTo("Giám sát thời hạn xử lý");
    assertThat(browser.find("nav a[href='/giam-sat']").getText()).isEqualTo("Giám sát thời hạn");
    // Unfiltered, B's breach is there too.
    assertThat(breachCodes()).contains(oldBreach.code(), "FXS-000006");

    // Filter by agency with the form: the URL says so, a reload keeps it.
    new Select(browser.byId("agency")).selectByValue(A);
    browser.byId("board-show").click();
    browser.waitFor(d -> d.getCurrentUrl().contains("agency=" + A));
    assertThat(browser.url()).as("only what was chosen").endsWith("/giam-sat?agency=" + A);
    browser.driver().navigate().refresh();
    browser.waitFor(
        d -> "complete".equals(browser.driver().executeScript("return document.readyState")));
    assertThat(browser.url()).contains("agency=" + A);
    assertThat(new Select(browser.byId("agency")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo(A);

    // By hand: running 2 (1 at risk), breached 1 (open), paused 1, met 1; and SlaBoard's figures.
    SlaBoard.Board expected = expectedBoard(A);
    assertTotals(expected, 2, 1, 1, 1, 1, 1);
    assertThat(breachCodes()).containsExactly(oldBreach.code());
    assertThat(browser.find("#breaches-table tbody tr a").getAttribute("href"))
        .endsWith("/ho-so/" + oldBreach.code());
    assertBreachRows(expected);
    assertThat(browser.findAll("#by-agency-table tbody tr")).hasSize(1);
    assertChartsDrawnFromTheirTables();
    assertTaskDeadlinesOfA();
    browser.assertNoConsoleErrors();
    browser.screenshots("giam-sat");
    assertFitsAPhone();

    // The exports carry the page's filter and hold the rows shown.
    assertThat(browser.byId("export-csv").getAttribute("href")).contains("agency=" + A);
    List<List<String>> csv = csv(download(browser.byId("export-csv").getAttribute("href")));
    assertThat(csv.get(0))
        .containsExactly(
            "STT",
            "Mã hồ sơ",
            "Loại hồ sơ",
            "Bước xử lý",
            "Cơ quan",
            "Hạn xử lý",
            "Số ngày làm việc quá hạn",
            "Số ngày quá hạn",
            "Mức nhắc");
    assertThat(csv).hasSize(2);
    SlaBoard.Breach breach = expected.breaches().get(0);
    assertThat(csv.get(1))
        .containsExactly(
            "1",
            oldBreach.code(),
            "Phản ánh, kiến nghị",
            label("sla.stage.ANSWER"),
            "Cơ quan mẫu giám sát An",
            dueDay(breach.dueAt()),
            String.valueOf(breach.workingDaysOverdue()),
            String.valueOf(breach.daysOverdue()),
            "1");
    try (Workbook workbook = new XSSFWorkbook(
        new ByteArrayInputStream(download(browser.byId("export-xlsx").getAttribute("href"))))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .startsWith("DANH SÁCH HỒ SƠ QUÁ HẠN XỬ LÝ");
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Mã hồ sơ");
      Row row = sheet.getRow(2);
      assertThat(row.getCell(1).getStringCellValue()).isEqualTo(oldBreach.code());
      assertThat(row.getCell(5).getStringCellValue()).isEqualTo(dueDay(breach.dueAt()));
      assertThat((long) row.getCell(6).getNumericCellValue())
          .isEqualTo(breach.workingDaysOverdue());
      assertThat((long) row.getCell(7).getNumericCellValue()).isEqualTo(breach.daysOverdue());
      assertThat(sheet.getRow(3)).isNull();
    }

    // A week later the case due the day after tomorrow is 5 days past its deadline: breached,
    // listed after the older one.
    clock.moveBy(Duration.ofDays(7));
    browser.driver().navigate().refresh();
    browser.waitFor(
        d -> "complete".equals(browser.driver().executeScript("return document.readyState")));
    SlaBoard.Board later = expectedBoard(A);
    assertTotals(later, 1, 1, 2, 2, 1, 1);
    assertThat(breachCodes()).containsExactly(oldBreach.code(), dueSoon.code());
    WebElement row = browser.find("#breaches-table tr[data-code='" + dueSoon.code() + "']");
    assertThat(row.findElement(By.cssSelector(".days")).getText()).isEqualTo("5");
    assertThat(row.findElement(By.cssSelector(".due")).getText()).isEqualTo(dueDay(dueSoonAt));
    assertBreachRows(later);
    // Its breach shows in the trend on the day of its deadline.
    LocalDate breachDay = LocalDate.ofInstant(dueSoonAt, HanoiTime.ZONE);
    assertThat(browser
            .find("#trend-table tr[data-day='" + breachDay + "'] td")
            .getAttribute("data-value"))
        .isEqualTo("1");
    assertChartsDrawnFromTheirTables();
    List<List<String>> laterCsv = csv(download(browser.byId("export-csv").getAttribute("href")));
    assertThat(laterCsv.stream().skip(1).map(r -> r.get(1)).toList())
        .containsExactly(oldBreach.code(), dueSoon.code());
    browser.assertNoConsoleErrors();
  }

  /**
   * A's task deadlines, as the task summary counts them: two with a deadline (one completed on time, one overdue
   * since 20/12/2025) and one recurring; the overdue one listed with its days overdue and in the page's export.
   */
  private void assertTaskDeadlinesOfA() throws Exception {
    LocalDate today = LocalDate.ofInstant(clock.instant(), HanoiTime.ZONE);
    assertThat(browser.byId("tasks-withDeadline").getAttribute("data-value")).isEqualTo("2");
    assertThat(browser.byId("tasks-completedOnTime").getAttribute("data-value")).isEqualTo("1");
    assertThat(browser.byId("tasks-recurring").getAttribute("data-value")).isEqualTo("1");
    assertThat(browser.byId("tasks-overdue").getAttribute("data-value")).isEqualTo("1");
    String days = String.valueOf(
        java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2025, 12, 20), today));
    WebElement row =
        browser.find("#overdue-tasks-table tr[data-code='" + overdueTask.code() + "']");
    assertThat(row.findElement(By.cssSelector(".deadline")).getText()).isEqualTo("20/12/2025");
    assertThat(row.findElement(By.cssSelector(".days")).getAttribute("data-value"))
        .isEqualTo(days);
    assertThat(browser.findAll("#overdue-tasks-table tbody tr")).hasSize(1);
    assertThat(browser.byId("tasks-export-csv").getAttribute("href")).contains("agency=" + A);
    List<List<String>> csv = csv(download(browser.byId("tasks-export-csv").getAttribute("href")));
    assertThat(csv).hasSize(2);
    assertThat(csv.get(1).subList(0, 2)).containsExactly("1", overdueTask.code());
    assertThat(csv.get(1).get(6)).isEqualTo(days);
    assertThat(Long.parseLong(csv.get(1).get(7))).isBetween(1L, Long.parseLong(days));
  }

  @Test
  void aBadFilterIsSaidNextToItsFieldAndLeftOut() {
    browser.dropAllCookies();
    browser.signIn("/giam-sat?agency=khong-co&caseType=" + "feedback", "giamsat");
    assertThat(browser.byId("agency-error").getText()).contains("khong-co");
    assertThat(browser.byId("agency").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(new Select(browser.byId("caseType")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("feedback");
    assertThat(browser.find("#export-csv").getAttribute("href"))
        .doesNotContain("agency")
        .contains("caseType=feedback");
  }

  @Test
  void theRankingShowsTheFormulaAndAgencyRankingsFigures() throws Exception {
    browser.dropAllCookies();
    browser.signIn("/giam-sat/xep-hang", "giamsat");
    // The period chosen with a quick link is in the URL, and a reload keeps it.
    browser.find("#ranking-choices").findElement(By.linkText("Quý 4/2025")).click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith("/giam-sat/xep-hang?" + RANKING_QUERY));
    browser.driver().navigate().refresh();
    browser.waitFor(
        d -> "complete".equals(browser.driver().executeScript("return document.readyState")));
    assertThat(browser.find("#ranking-choices a[aria-current='page']").getText())
        .isEqualTo("Quý 4/2025");
    assertThat(browser.find("h1").getText()).isEqualTo("Xếp hạng cơ quan");
    assertThat(browser.byId("ranking-formula").getText())
        .isEqualTo(agencyRanking.formula().vi());
    assertThat(browser.findAll("#ranking-weights tbody tr"))
        .hasSize(RankingIndex.Component.values().length);
    assertThat(browser.byId("from").getAttribute("value")).isEqualTo("2025-10-01");
    assertThat(browser.byId("ranking-period-shown").getText()).contains("01/10/2025", "31/12/2025");

    AgencyRanking.Ranking expected = agencyRanking.rank(
        LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31));
    List<WebElement> rows = browser.findAll("#ranking-table tbody tr");
    assertThat(rows).hasSize(expected.agencies().size());
    for (int i = 0; i < rows.size(); i++) {
      AgencyRanking.Entry entry = expected.agencies().get(i);
      WebElement row = rows.get(i);
      assertThat(row.getAttribute("data-agency")).isEqualTo(entry.agency());
      assertThat(row.findElement(By.cssSelector(".rank")).getText())
          .isEqualTo(String.valueOf(entry.rank()));
      assertThat(
              new BigDecimal(row.findElement(By.cssSelector(".index")).getAttribute("data-value")))
          .isEqualByComparingTo(entry.index());
      assertThat(row.findElement(By.cssSelector(".overdue")).getAttribute("data-raw"))
          .isEqualTo(String.valueOf(entry.overdue()));
    }
    // By hand: B 100.0 above A 50.0; A's tasks on time 1 of 2, 1 overdue of 2.
    WebElement rowOfA = browser.find("#ranking-table tr[data-agency='" + A + "']");
    WebElement rowOfB = browser.find("#ranking-table tr[data-agency='" + B + "']");
    assertThat(rowOfA.findElement(By.cssSelector(".index")).getText()).isEqualTo("50,0");
    assertThat(rowOfB.findElement(By.cssSelector(".index")).getText()).isEqualTo("100,0");
    assertThat(Integer.parseInt(rowOfB.findElement(By.cssSelector(".rank")).getText()))
        .isLessThan(Integer.parseInt(rowOfA.findElement(By.cssSelector(".rank")).getText()));
    assertThat(rowOfA.findElement(By.cssSelector(".task-on-time")).getText())
        .isEqualTo("50,0% (1/2)");
    assertThat(rowOfA.findElement(By.cssSelector(".overdue")).getText()).isEqualTo("1/2");
    assertChartsDrawnFromTheirTables();
    browser.assertNoConsoleErrors();
    browser.screenshots("giam-sat-xep-hang");
    assertFitsAPhone();

    // The files: the same agencies in the same order, the period of the page.
    assertThat(browser.byId("export-csv").getAttribute("href")).contains(RANKING_QUERY);
    List<List<String>> csv = csv(download(browser.byId("export-csv").getAttribute("href")));
    assertThat(csv.get(0).subList(0, 3)).containsExactly("Hạng", "Cơ quan", "Chỉ số");
    assertThat(csv).hasSize(expected.agencies().size() + 1);
    List<String> csvOfA = csv.stream()
        .filter(r -> r.get(1).equals("Cơ quan mẫu giám sát An"))
        .findFirst()
        .orElseThrow();
    // a decimal comma, as Vietnamese Excel reads it ("50.0" would be read as 500)
    assertThat(csvOfA.get(2)).isEqualTo("50,0");
    try (Workbook workbook = new XSSFWorkbook(
        new ByteArrayInputStream(download(browser.byId("export-xlsx").getAttribute("href"))))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .contains("01/10/2025", "31/12/2025");
      for (int i = 0; i < expected.agencies().size(); i++) {
        AgencyRanking.Entry entry = expected.agencies().get(i);
        Row row = sheet.getRow(i + 2);
        assertThat((int) row.getCell(0).getNumericCellValue()).isEqualTo(entry.rank());
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(entry.name());
        assertThat(BigDecimal.valueOf(row.getCell(2).getNumericCellValue()))
            .isEqualByComparingTo(entry.index());
      }
    }
  }

  @Test
  void theRankingIsForTheOversightOnly() {
    browser.dropAllCookies();
    browser.signIn("/giam-sat/xep-hang", "canbo.bkhcn");
    assertThat(browser.byId("error-message").getText())
        .isEqualTo("Bạn không có quyền xem trang này.");
    assertThat(browser.findAll("nav a[href='/giam-sat/xep-hang']")).isEmpty();
    // The SLA board is theirs too, scoped to their agency's cases: none of the fixture's.
    browser.open("/giam-sat");
    assertThat(breachCodes()).doesNotContain(oldBreach.code());
    browser.assertNoConsoleErrors("status of 403");
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  private void assertTotals(
      SlaBoard.Board expected,
      long running,
      long atRisk,
      long breached,
      long openBreached,
      long paused,
      long met) {
    SlaBoard.Counts totals = expected.totals();
    assertThat(List.of(
            totals.running(),
            totals.atRisk(),
            totals.breached(),
            totals.openBreached(),
            totals.paused(),
            totals.met()))
        .as("SlaBoard, worked out by hand")
        .containsExactly(running, atRisk, breached, openBreached, paused, met);
    assertThat(List.of(
            total("running"),
            total("at-risk"),
            total("breached"),
            total("open-breached"),
            total("paused"),
            total("met")))
        .as("the page")
        .containsExactly(running, atRisk, breached, openBreached, paused, met);
  }

  /**
   * On a phone nothing is wider than the screen (wide tables scroll inside their frame), once the charts have
   * fitted themselves to the narrower window (they redraw on resize, not at once).
   */
  private void assertFitsAPhone() {
    browser.driver().manage().window().setSize(vn.dondoc.app.support.Browser.PHONE);
    try {
      browser.waitFor(d ->
          ((Number) browser.driver().executeScript("return document.documentElement.scrollWidth"))
                  .intValue()
              <= vn.dondoc.app.support.Browser.PHONE.width);
    } finally {
      browser.driver().manage().window().setSize(vn.dondoc.app.support.Browser.DESKTOP);
    }
  }

  private long total(String id) {
    return Long.parseLong(browser.byId("total-" + id).getAttribute("data-value"));
  }

  private void assertBreachRows(SlaBoard.Board expected) {
    List<WebElement> rows = browser.findAll("#breaches-table tbody tr");
    assertThat(rows).hasSize(expected.breaches().size());
    for (int i = 0; i < rows.size(); i++) {
      SlaBoard.Breach breach = expected.breaches().get(i);
      WebElement row = rows.get(i);
      assertThat(row.getAttribute("data-code")).isEqualTo(breach.caseCode());
      assertThat(row.findElement(By.cssSelector(".working-days")).getAttribute("data-value"))
          .isEqualTo(String.valueOf(breach.workingDaysOverdue()));
      assertThat(row.findElement(By.cssSelector(".days")).getAttribute("data-value"))
          .isEqualTo(String.valueOf(breach.daysOverdue()));
      assertThat(row.findElement(By.cssSelector(".escalation")).getText())
          .isEqualTo(String.valueOf(breach.escalationLevel()));
    }
  }

  private List<String> breachCodes() {
    return browser.findAll("#breaches-table tbody tr").stream()
        .map(r -> r.getAttribute("data-code"))
        .toList();
  }

  private static String dueDay(Instant due) {
    // As CaseLabels.dueDay: a deadline at midnight belongs to the day that ends then.
    return DisplayDates.DAY.format(due.minusNanos(1).atZone(HanoiTime.ZONE));
  }

  private String label(String key) {
    return new org.springframework.context.support.MessageSourceAccessor(messages)
        .getMessage(key, java.util.Locale.forLanguageTag("vi"));
  }

  @Autowired
  org.springframework.context.MessageSource messages;

  /** Every chart's datasets are its table's columns of values. */
  @SuppressWarnings("unchecked")
  private void assertChartsDrawnFromTheirTables() {
    List<WebElement> figures = browser.findAll("figure[data-chart]");
    assertThat(figures).isNotEmpty();
    for (WebElement figure : figures) {
      String id = figure.getAttribute("id");
      browser.waitFor(d -> browser
          .driver()
          .executeScript(
              "return !!Chart.getChart(document.querySelector('#' + arguments[0] + ' canvas'))",
              id));
      List<Object> chart = (List<Object>) browser.driver().executeScript("""
          var chart = Chart.getChart(document.querySelector('#' + arguments[0] + ' canvas'));
          return chart.data.datasets.map(function (s) { return s.data.map(function (v) { return v === null ? null : Number(v); }); });""", id);
      List<Object> table = (List<Object>) browser.driver().executeScript("""
          var rows = document.querySelectorAll('#' + arguments[0] + ' tbody tr'), series = [];
          Array.prototype.forEach.call(rows, function (row) {
            var i = 0;
            Array.prototype.forEach.call(row.querySelectorAll('td[data-value]:not([data-chart-skip])'), function (td) {
              (series[i] = series[i] || []).push(td.getAttribute('data-value') === '' ? null : Number(td.getAttribute('data-value')));
              i++;
            });
          });
          return series;""", id);
      assertThat(chart).as("chart of %s", id).isEqualTo(table);
    }
  }

  /** A file behind a link of the page, fetched with the browser's session. */
  private byte[] download(String href) throws IOException, InterruptedException {
    String cookies = browser.driver().manage().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
    HttpResponse<byte[]> response = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(href).isEqualTo(200);
    return response.body();
  }

  /** A CSV as TableExport writes it: a byte-order mark, then RFC 4180. */
  private static List<List<String>> csv(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    return CsvFiles.parse(text.substring(1));
  }
}
