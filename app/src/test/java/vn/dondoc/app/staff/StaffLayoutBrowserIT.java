package vn.dondoc.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import vn.dondoc.app.support.Browser;
import vn.dondoc.app.support.BrowserTest;

/** The staff layout in a real browser: Keycloak login, who is signed in, menu by role, languages, sign-out. */
class StaffLayoutBrowserIT extends BrowserTest {

  @Test
  void anAgencyOfficerSignsInSeesTheirNameAndAgencyAndSignsOut() {
    browser.signIn(StaffNavigation.HOME, "canbo.bkhcn");
    assertThat(browser.url()).contains(StaffNavigation.HOME);
    assertThat(browser.find("html").getAttribute("lang")).isEqualTo("vi");
    assertThat(browser.find("h1").getText()).isEqualTo("Việc của tôi");
    assertThat(browser.byId("signed-in-name").getText()).isEqualTo("Lê Thị Hương");
    assertThat(browser.byId("signed-in-agency").getText()).isEqualTo("Bộ Khoa học và Công nghệ");
    assertThat(browser.find("header nav ul").getText()).contains("Việc của tôi", "Tìm kiếm hồ sơ");
    assertThat(browser.find("meta[name=_csrf]").getAttribute("content")).isNotBlank();
    assertThat(browser.find("label[for=staff-q]").getAttribute("textContent"))
        .isEqualTo("Tìm hồ sơ");
    browser.assertNoConsoleErrors();
    browser.screenshots("lam-viec");

    // Keyboard: the first Tab reaches the skip link.
    browser.find("body").sendKeys(Keys.TAB);
    assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
        .isEqualTo("skip");

    browser.byId("lang-switch").click();
    browser.waitFor(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(browser.find("h1").getText()).isEqualTo("My work");
    browser.byId("lang-switch").click();
    browser.waitFor(d -> "vi".equals(d.findElement(By.tagName("html")).getAttribute("lang")));

    browser.byId("logout").click();
    browser.waitFor(d -> d.getCurrentUrl().replaceAll("/$", "").endsWith(":" + port));
    assertThat(browser.find("h1").getText()).isEqualTo("Cổng thông tin Dondoc");
    // Signed out at Keycloak too: the workspace asks for the password again.
    browser.open(StaffNavigation.HOME);
    assertThat(browser.onKeycloakLogin()).isTrue();
  }

  @Test
  void onAPhoneTheHeaderIsOneBarWithAMenuAndNothingScrollsSideways() {
    browser.signIn(StaffNavigation.HOME, "canbo.bkhcn");
    browser.driver().manage().window().setSize(Browser.PHONE);
    try {
      assertThat(browser.byId("staff-nav").isDisplayed()).isFalse();
      assertThat(browser.byId("menu-toggle").getAttribute("aria-expanded")).isEqualTo("false");
      long headerHeight = ((Number) browser
              .driver()
              .executeScript("return document.querySelector('header.site').offsetHeight"))
          .longValue();
      assertThat(headerHeight).as("one bar").isLessThan(120);
      assertThat(wider()).as("no horizontal scrolling").isFalse();
      browser.byId("menu-toggle").click();
      assertThat(browser.visible("#staff-nav").getText())
          .contains("Việc của tôi", "Tìm kiếm hồ sơ");
      assertThat(browser.byId("menu-toggle").getAttribute("aria-expanded")).isEqualTo("true");
      assertThat(wider()).isFalse();
      browser.screenshots("lam-viec-danh-muc");
      browser.driver().manage().window().setSize(Browser.PHONE);
      browser.byId("menu-toggle").click();
      assertThat(browser.byId("staff-nav").isDisplayed()).isFalse();
      browser.assertNoConsoleErrors();
    } finally {
      browser.driver().manage().window().setSize(Browser.DESKTOP);
    }
    assertThat(browser.byId("staff-nav").isDisplayed())
        .as("on a desktop the navigation is always shown")
        .isTrue();
    assertThat(browser.byId("menu-toggle").isDisplayed()).isFalse();
  }

  private boolean wider() {
    return (Boolean) browser
        .driver()
        .executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
  }

  @Test
  void aPersonWithoutAStaffRoleIsToldSoAndGetsNoStaffMenu() {
    browser.dropAllCookies();
    browser.signIn(StaffNavigation.HOME, "sangkien");
    assertThat(browser.find("main").getText())
        .contains("Trang này dành cho cán bộ và chuyên gia xử lý hồ sơ");
    assertThat(browser.byId("own-pages").getText()).contains("Sáng kiến của tôi");
    browser.assertNoConsoleErrors("status of 403");
    assertThat(browser.findAll("header nav ul li")).isEmpty();
    browser.dropAllCookies();
  }
}
