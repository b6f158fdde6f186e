package vn.dondoc.app.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.app.support.Browser;
import vn.dondoc.app.support.BrowserTest;

/**
 * The public transparency page in a real browser, against a fixture in the third quarter of 2025 (a period no
 * other test writes to): the numbers it shows are the JSON API's for the same period and the ones worked out
 * by hand below, each chart is drawn from its table and the table stays there for whoever cannot see the chart.
 */
class TransparencyPageBrowserIT extends BrowserTest {

  private static final String PERIOD = "2025-q3";
  private static final String A = "fxt-a";
  private static final String B = "fxt-b";

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PublicFigures publicFigures;

  private DashboardFixture fixture;

  @BeforeAll
  void fixture() {
    fixture = new DashboardFixture(jdbc, "FXT")
        .agency(A, "Cơ quan mẫu minh bạch An")
        .agency(B, "Cơ quan mẫu minh bạch Bình");
    // A: two tasks due 15/08/2025, one completed on time, one never: on-time 1/2, overdue 1 of 2.
    LocalDate due = LocalDate.of(2025, 8, 15);
    fixture.task(A).due(due).completedOn(LocalDate.of(2025, 8, 10)).add();
    fixture.task(A).due(due).add();
    // B: two feedback items received in the quarter, one answered: processed 1/2.
    fixture
        .feedback(B)
        .submitted(DashboardFixture.at(LocalDate.of(2025, 7, 7), 9))
        .answered(DashboardFixture.at(LocalDate.of(2025, 7, 9), 9))
        .add();
    fixture
        .feedback(B)
        .submitted(DashboardFixture.at(LocalDate.of(2025, 9, 1), 9))
        .add();
    publicFigures.forget();
  }

  @AfterAll
  void removeFixture() {
    fixture.delete();
    publicFigures.forget();
  }

  @Test
  void theFiguresOfAPeriodAreTheApisDrawnAsChartsWithTheirTables() {
    JsonNode json = api().get("/api/v1/public/figures?period=" + PERIOD, null).json();
    assertThat(json.path("period").path("key").asText()).isEqualTo(PERIOD);

    browser.open("/so-lieu?ky=" + PERIOD);
    assertThat(browser.find("h1").getText()).isEqualTo("Số liệu công khai");
    assertThat(new Select(browser.byId("ky")).getFirstSelectedOption().getText())
        .isEqualTo("Quý 3/2025");

    // By hand: 2 tasks with a deadline in the quarter, 1 completed on time, 1 overdue; 2 items
    // received, 1 answered.
    assertFigure("tasks-total", json.path("tasks").path("total"), "2");
    assertFigure("tasks-with-deadline", json.path("tasks").path("withDeadline"), "2");
    assertFigure("tasks-completed", json.path("tasks").path("completed"), "1");
    assertFigure("tasks-overdue", json.path("tasks").path("overdue"), "1");
    assertFigure("feedback-received", json.path("feedback").path("received"), "2");
    assertFigure("feedback-answered", json.path("feedback").path("answered"), "1");
    assertFigure(
        "feedback-channel-web", json.path("feedback").path("receivedByChannel").path("web"), "2");
    assertFigure(
        "feedback-channel-hotline",
        json.path("feedback").path("receivedByChannel").path("hotline"),
        "0");
    assertFigure("rate-task-completion", json.path("tasks").path("completionRate"), "50,0%");
    assertFigure("rate-task-on-time", json.path("tasks").path("onTimeRate"), "50,0%");
    assertFigure("rate-feedback-processed", json.path("feedback").path("processedRate"), "50,0%");
    assertThat(value(browser.byId("rate-feedback-on-time")))
        .isEqualTo(json.path("feedback").path("onTimeRate").asText(""));

    // The ranking: every agency of the JSON, in its order, with its index; A's by hand: (40 × 1/2 +
    // 20 × 1/2) / 60 = 50.
    List<WebElement> rows =
        browser.driver().findElements(By.cssSelector("#ranking-table tbody tr"));
    JsonNode agencies = json.path("ranking").path("agencies");
    assertThat(rows).hasSize(agencies.size());
    for (int i = 0; i < agencies.size(); i++) {
      JsonNode agency = agencies.get(i);
      WebElement row = rows.get(i);
      assertThat(row.getAttribute("data-agency"))
          .isEqualTo(agency.path("agency").asText());
      assertThat(row.findElement(By.cssSelector("th")).getText())
          .isEqualTo(agency.path("name").asText());
      assertThat(row.findElement(By.cssSelector("td")).getText())
          .isEqualTo(agency.path("rank").asText());
      assertThat(new BigDecimal(value(row.findElement(By.cssSelector("td[data-value]")))))
          .isEqualByComparingTo(agency.path("index").decimalValue());
    }
    WebElement rowOfA = browser.find("#ranking-table tr[data-agency='" + A + "']");
    assertThat(rowOfA.findElement(By.cssSelector("td[data-value]")).getText()).isEqualTo("50,0");
    assertThat(browser.find("#ranking-formula summary").getText()).isEqualTo("Cách tính chỉ số");
    assertThat(browser.find("#ranking-formula p").getAttribute("textContent"))
        .contains("40% x tỷ lệ nhiệm vụ hoàn thành đúng hạn");

    // Each chart is a canvas drawn by Chart.js from its figure's table, which stays in the page.
    List<WebElement> figures = browser.driver().findElements(By.cssSelector("figure[data-chart]"));
    assertThat(figures).hasSize(4);
    for (WebElement figure : figures) {
      String id = figure.getAttribute("id");
      assertThat(figure.findElements(By.cssSelector("table tbody tr")))
          .as("table of %s", id)
          .isNotEmpty();
      WebElement canvas = figure.findElement(By.cssSelector(".chart-canvas canvas"));
      assertThat(canvas.getSize().getWidth()).as("width of %s", id).isGreaterThan(100);
      assertThat(canvas.getAttribute("aria-label"))
          .isEqualTo(figure.findElement(By.tagName("figcaption")).getText());
      assertThat(chartData(id)).as("chart of %s", id).isEqualTo(tableData(id));
    }
    assertThat(browser.find("#ranking-chart table").isDisplayed())
        .as("the ranking table is shown")
        .isTrue();
    assertThat(browser.driver().findElements(By.cssSelector("#tasks-chart details table")))
        .as("a table behind the chart")
        .hasSize(1);
    browser.assertNoConsoleErrors();
    browser.screenshots("so-lieu");

    // A phone: once the charts have fitted themselves, nothing is wider than the screen.
    browser.driver().manage().window().setSize(Browser.PHONE);
    browser.open("/so-lieu?ky=" + PERIOD);
    try {
      browser.waitFor(d -> ((Number)
                  browser
                      .driver()
                      .executeScript(
                          "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
              .intValue()
          <= 0);
    } finally {
      browser.driver().manage().window().setSize(Browser.DESKTOP);
    }
  }

  @Test
  void thePeriodIsChosenInTheUrlAndABadOneIsSaidNextToTheSelector() {
    browser.open("/so-lieu");
    assertThat(new Select(browser.byId("ky")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("all");
    new Select(browser.byId("ky")).selectByValue("2025");
    browser.find("#period-form button[type=submit]").click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith("/so-lieu?ky=2025"));
    assertThat(browser.byId("period-shown").getText()).startsWith("Năm 2025.");

    // The language switch keeps the period.
    browser.byId("lang-switch").click();
    browser.waitFor(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(browser.driver().getCurrentUrl()).contains("ky=2025");
    assertThat(browser.find("h1").getText()).isEqualTo("Public figures");
    assertThat(browser.byId("period-shown").getText()).startsWith("Year 2025.");
    browser.assertNoConsoleErrors();
    browser.open("/so-lieu?ky=" + PERIOD);
    assertThat(browser.byId("rate-task-on-time").getAttribute("textContent")).isEqualTo("50.0%");
    browser.open("/so-lieu?lang=vi");

    browser.open("/so-lieu?ky=1999-q5");
    assertThat(browser.byId("ky-error").getText()).startsWith("phải là một kỳ trong danh sách");
    assertThat(browser.byId("ky").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(new Select(browser.byId("ky")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("all");
    assertThat(api().get("/api/v1/public/figures?period=1999-q5", null).status())
        .isEqualTo(400);
    browser.assertNoConsoleErrors();
  }

  private void assertFigure(String id, JsonNode expected, String shown) {
    WebElement element = browser.byId(id);
    assertThat(element.getAttribute("textContent").strip()).as(id).isEqualTo(shown);
    assertThat(new BigDecimal(value(element))).as(id).isEqualByComparingTo(expected.decimalValue());
  }

  private static String value(WebElement element) {
    return element.getAttribute("data-value");
  }

  @SuppressWarnings("unchecked")
  private List<Object> chartData(String figureId) {
    return (List<Object>) browser.driver().executeScript("""
        var canvas = document.querySelector('#' + arguments[0] + ' canvas');
        return Chart.getChart(canvas).data.datasets[0].data.map(function (v) { return v === null ? null : Number(v); });""", figureId);
  }

  @SuppressWarnings("unchecked")
  private List<Object> tableData(String figureId) {
    return (List<Object>) browser.driver().executeScript("""
        return Array.prototype.map.call(document.querySelectorAll('#' + arguments[0] + ' tbody td[data-value]:not([data-chart-skip])'),
          function (td) { var v = td.getAttribute('data-value'); return v === '' ? null : Number(v); });""", figureId);
  }
}
