package vn.dondoc.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import vn.dondoc.app.staff.StaffNavigation;
import vn.dondoc.app.support.Accessibility;
import vn.dondoc.app.support.BrowserTest;

/**
 * axe-core over the public pages and every page of the staff menus of the main roles: no serious or critical
 * accessibility violation (contrast, names of controls and links, labels, landmarks, ARIA), in Vietnamese.
 */
class AccessibilityBrowserIT extends BrowserTest {

  @Test
  void theCheckFindsAButtonWithoutAName() {
    browser.open("/");
    browser.driver().executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', '<button></button>')");
    assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(browser)).hasMessageContaining("button-name");
  }

  @Test
  void thePublicPagesHaveNoSeriousViolations() {
    for (String path : List.of("/", "/gui-phan-anh", "/theo-doi", "/theo-doi?ma=PAKN-2026-999999", "/tra-loi", "/sang-kien",
        "/so-lieu", "/khong-co-trang-nay")) {
      browser.open(path);
      Accessibility.assertNoSeriousViolations(browser);
    }
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
