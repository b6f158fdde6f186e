package vn.dondoc.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import vn.dondoc.app.staff.StaffNavigation;
import vn.dondoc.app.support.Accessibility;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.Feedback;

/**
 * axe-core over the public pages and every page of the staff menus of the main roles: no serious or critical
 * accessibility violation (contrast, names of controls and links, labels, landmarks, ARIA), in Vietnamese.
 */
class AccessibilityBrowserIT extends BrowserTest {

  @Test
  void theCheckFindsAButtonWithoutAName() {
    browser.open("/");
    browser
        .driver()
        .executeScript(
            "document.querySelector('main').insertAdjacentHTML('beforeend', '<button></button>')");
    assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(browser))
        .hasMessageContaining("button-name");
  }

  @Test
  void thePublicPagesHaveNoSeriousViolations() {
    for (String path : List.of(
        "/",
        "/gui-phan-anh",
        "/theo-doi",
        "/theo-doi?ma=PAKN-2026-999999",
        "/tra-loi",
        "/sang-kien",
        "/so-lieu",
        "/khong-co-trang-nay")) {
      browser.open(path);
      Accessibility.assertNoSeriousViolations(browser);
    }
  }

  @Test
  void aCasesPagesAndAStepsFormHaveNoSeriousViolations() {
    Map<String, Object> task = Directives.task("1", "bkhcn", LocalDate.now().plusMonths(2));
    String taskCode = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(Directives.freshSymbol(), List.of(task))),
            Api.token("thuongtruc"),
            Map.of())
        .json()
        .path("caseCodes")
        .get(0)
        .asText();
    String feedback = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json()
        .path("code")
        .asText();

    browser.dropAllCookies();
    browser.signIn("/lam-viec/nhiem-vu/" + taskCode, "canbo.bkhcn");
    Accessibility.assertNoSeriousViolations(browser);
    browser.open("/ho-so/" + taskCode);
    Accessibility.assertNoSeriousViolations(browser);

    browser.dropAllCookies();
    browser.signIn("/lam-viec?buoc=ClassifyFeedback", "thuongtruc");
    browser.find("#work-list > li a.work-link").click();
    browser.visible("#step-form .fjs-form");
    Accessibility.assertNoSeriousViolations(browser);
    browser.open("/ho-so/" + feedback);
    Accessibility.assertNoSeriousViolations(browser);
  }

  @Test
  void theStaffPagesHaveNoSeriousViolations() {
    for (String user : List.of("canbo.bkhcn", "thuongtruc", "quantri", "chuyengia")) {
      browser.dropAllCookies();
      browser.signIn(StaffNavigation.HOME, user);
      List<String> paths = new ArrayList<>();
      for (WebElement link : browser.findAll("#staff-nav a")) {
        paths.add(link.getAttribute("href").replaceFirst("^https?://[^/]+", ""));
      }
      paths.add("/hop-thu");
      for (String path : paths) {
        browser.open(path);
        Accessibility.assertNoSeriousViolations(browser);
      }
    }
  }
}
