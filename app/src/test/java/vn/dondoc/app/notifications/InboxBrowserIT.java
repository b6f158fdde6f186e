package vn.dondoc.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;

/**
 * The inbox as a page, signed in as the demo supervisor: the unread count in the header of every staff page equals
 * the inbox API's; each notification links to its case; one, then all, marked read.
 */
class InboxBrowserIT extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  private final String first = NotificationsIT.caseCode();
  private final String second = NotificationsIT.caseCode();

  @AfterAll
  void removeNotifications() {
    jdbc.sql("delete from notification where case_code in (?, ?)")
        .params(first, second)
        .update();
  }

  private void notifyGiamsat(String code, String subject) {
    notifyGiamsat(code, subject, "Hồ sơ đã quá hạn xử lý, đề nghị đôn đốc.");
  }

  private void notifyGiamsat(String code, String subject, String body) {
    jdbc.sql("insert into notification (recipient_kind, recipient, case_code, kind, subject, body)"
            + " values ('USER', 'giamsat', ?, 'SLA_BREACH', ?, ?)")
        .params(code, subject, body)
        .update();
  }

  private long apiUnread() {
    return api()
        .get("/api/v1/inbox?size=1", Api.token("giamsat"))
        .json()
        .path("unread")
        .asLong();
  }

  private long pageUnread() {
    return Long.parseLong(browser.byId("inbox-unread").getAttribute("data-value"));
  }

  @Test
  void theInboxShowsTheUnreadCountLinksEachCaseAndMarksOneOrAllRead() {
    notifyGiamsat(first, "Hồ sơ " + first + " quá hạn");
    // as the engine's notices store them (BilingualText): both languages, the reader sees theirs
    notifyGiamsat(
        second,
        "[" + second + "] Quá hạn phân loại, chuyển cơ quan xử lý / Overdue: routing",
        "Hồ sơ đã quá hạn phân loại, chuyển cơ quan xử lý.\n\n---\nThe case is overdue for routing.");

    browser.dropAllCookies();
    browser.signIn("/giam-sat", "giamsat");
    long unread = apiUnread();
    assertThat(unread).isGreaterThanOrEqualTo(2);
    assertThat(browser.byId("inbox-link").getText())
        .as("the header of another page")
        .contains("(" + unread + " chưa đọc)");

    browser.byId("inbox-link").click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith("/hop-thu"));
    assertThat(browser.find("h1").getText()).isEqualTo("Hộp thư thông báo");
    assertThat(pageUnread()).isEqualTo(unread);
    WebElement item =
        browser.find("#inbox-list li[data-read='false'] a[href='/ho-so/" + first + "']");
    assertThat(item.getText()).isEqualTo("Hồ sơ " + first + " quá hạn");
    WebElement bilingual = browser.find("#inbox-list li:has(a[href='/ho-so/" + second + "'])");
    assertThat(bilingual.findElement(By.cssSelector("a")).getText())
        .isEqualTo("Quá hạn phân loại, chuyển cơ quan xử lý");
    assertThat(bilingual.findElement(By.cssSelector(".inbox-body")).getText())
        .isEqualTo("Hồ sơ đã quá hạn phân loại, chuyển cơ quan xử lý.");
    browser.assertNoConsoleErrors();
    browser.screenshots("hop-thu");

    // one read: its entry says so, the count drops by one, here and in the API
    WebElement entry = browser.find("#inbox-list li:has(a[href='/ho-so/" + first + "'])");
    entry.findElement(By.cssSelector("form button")).click();
    browser.waitFor(d -> browser
        .find("#inbox-list li:has(a[href='/ho-so/" + first + "'])")
        .getAttribute("data-read")
        .equals("true"));
    assertThat(pageUnread()).isEqualTo(unread - 1).isEqualTo(apiUnread());
    assertThat(browser.byId("inbox-link").getText()).contains("(" + (unread - 1) + " chưa đọc)");

    // all read
    browser.byId("inbox-read-all").click();
    browser.waitFor(d -> pageUnread() == 0);
    assertThat(apiUnread()).isZero();
    assertThat(browser.findAll("#inbox-read-all")).isEmpty();
    assertThat(browser.findAll("#inbox-list li[data-read='false']")).isEmpty();
    assertThat(browser.byId("inbox-link").getText()).isEqualTo("Hộp thư");
    browser.assertNoConsoleErrors();

    // in English with the switch, the English half
    browser.open("/hop-thu?lang=en");
    WebElement english = browser.find("#inbox-list li:has(a[href='/ho-so/" + second + "'])");
    assertThat(english.findElement(By.cssSelector("a")).getText()).isEqualTo("Overdue: routing");
    assertThat(english.findElement(By.cssSelector(".inbox-body")).getText())
        .isEqualTo("The case is overdue for routing.");
    browser.open("/hop-thu?lang=vi");
  }
}
