package vn.dondoc.app.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import vn.dondoc.app.support.Accessibility;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Browser;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Directives;

/**
 * Staff pages on a 390×844 phone: no page of any role's menu scrolls sideways, the lists are compact rows
 * (code, title, due, badge) whose details are on the case's page, and a task's page shows its action first.
 */
class StaffPhoneLayoutBrowserIT extends BrowserTest {

  /**
   * At most this high, a list row is a compact row (a line for the code and due day, two for the title, one for
   * its badges) and not a card of every column: the cards of the agency's task list were about 400 px each
   * (8,290 px for 21 tasks).
   */
  private static final int COMPACT_ROW_PX = 160;

  @Test
  void everyPageOfEveryRolesMenuFitsAPhone() {
    String task = issueTaskTo("bkhcn", Directives.freshSymbol());
    for (String user :
        List.of("canbo.bkhcn", "thuongtruc", "giamsat", "quantri", "thamdinh", "chuyengia")) {
      browser.dropAllCookies();
      browser.signIn(StaffNavigation.HOME, user);
      List<String> paths = new ArrayList<>();
      for (WebElement link : browser.findAll("#staff-nav a")) {
        paths.add(link.getAttribute("href"));
      }
      paths.addAll(List.of("/hop-thu", "/tim-kiem?q=" + task, "/ho-so/" + task));
      browser.driver().manage().window().setSize(Browser.PHONE);
      try {
        for (String path : paths) {
          browser.open(path.replaceFirst("^https?://[^/]+", ""));
          Accessibility.assertNoSidewaysScrolling(browser);
        }
      } finally {
        browser.driver().manage().window().setSize(Browser.DESKTOP);
      }
      // the case page of someone outside the task's agency is the staff layout's 404 page
      browser.assertNoConsoleErrors("/ho-so/" + task);
    }
  }

  @Test
  void listsAreCompactRowsAndATasksPageShowsItsActionFirst() {
    String symbol = Directives.freshSymbol();
    String task = issueTaskTo("bkhcn", symbol);
    browser.dropAllCookies();
    // the list is by deadline, 50 a page: its directive's filter shows the task on the first
    browser.signIn("/lam-viec/nhiem-vu?directive=" + Api.encode(symbol), "canbo.bkhcn");
    browser.driver().manage().window().setSize(Browser.PHONE);
    try {
      WebElement row = browser.visible("table.tasks tr[data-case='" + task + "']");
      assertThat(row.getSize().getHeight()).as("a task's row").isLessThanOrEqualTo(COMPACT_ROW_PX);
      assertThat(row.getText()).contains(task);
      assertThat(row.findElement(org.openqa.selenium.By.cssSelector("td.directive"))
              .isDisplayed())
          .isFalse();
      Accessibility.assertNoSidewaysScrolling(browser);

      browser.open("/lam-viec");
      for (WebElement item : browser.findAll("#work-list > li")) {
        assertThat(item.getSize().getHeight())
            .as("a step's row in 'Việc của tôi'")
            .isLessThanOrEqualTo(COMPACT_ROW_PX);
        assertThat(item.findElement(org.openqa.selenium.By.cssSelector(".work-meta"))
                .isDisplayed())
            .as("who holds the step is on its page")
            .isFalse();
      }
      Accessibility.assertNoSidewaysScrolling(browser);

      browser.open("/tim-kiem?q=" + task);
      WebElement hit = browser.visible("#results > li[data-code='" + task + "']");
      assertThat(hit.getSize().getHeight())
          .as("a search result")
          .isLessThanOrEqualTo(COMPACT_ROW_PX);

      browser.open("/lam-viec/nhiem-vu/" + task);
      int action = browser.visible(".case-action").getLocation().getY();
      assertThat(action)
          .as("the action above the task's facts")
          .isLessThan(browser.byId("task-facts").getLocation().getY());
      assertThat(action).as("the action on the first screen").isLessThan(Browser.PHONE.height);
      browser.assertNoConsoleErrors();
    } finally {
      browser.driver().manage().window().setSize(Browser.DESKTOP);
    }
    browser.screenshots("nhiem-vu-hanh-dong-truoc");
    browser.open("/lam-viec/nhiem-vu");
    browser.screenshots("nhiem-vu-dong-gon");
    browser.open("/tim-kiem?q=" + task);
    browser.screenshots("tim-kiem-dong-gon");
  }

  private String issueTaskTo(String agency, String symbol) {
    Map<String, Object> task = Directives.task("1", agency, LocalDate.now().plusMonths(2));
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(symbol, List.of(task))),
            Api.token("thuongtruc"),
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    String code = issued.json().path("caseCodes").get(0).asText();
    // the search page must find it: wait until the relay has indexed it (503 until the index
    // exists)
    String standingOffice = Api.token("thuongtruc");
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> api()
                .get("/api/v1/search?q=" + code, standingOffice)
                .json()
                .path("total")
                .asLong()
            > 0);
    return code;
  }
}
