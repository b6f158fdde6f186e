package vn.dondoc.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.BrowserTest;

/**
 * The e-mail settings page, reached from the inbox: it names the account's address from the realm; the digest at
 * 17:00 is saved and shown again; an hour outside the day is refused under its field and nothing changes.
 */
class MailSettingsBrowserIT extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  @AfterAll
  void forgetTheChoice() {
    jdbc.sql("delete from staff_mail_setting where username = 'canbo.hanoi'").update();
  }

  private String saved() {
    return jdbc.sql(
            "select delivery || ' ' || digest_hour from staff_mail_setting where username = 'canbo.hanoi'")
        .query(String.class)
        .optional()
        .orElse("none");
  }

  @Test
  void aPersonChoosesTheDailyDigestAtAnHourOfTheirOwn() {
    jdbc.sql("delete from staff_mail_setting where username = 'canbo.hanoi'").update();
    browser.dropAllCookies();
    browser.signIn("/hop-thu", "canbo.hanoi");
    browser.byId("mail-settings-link").click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith("/hop-thu/cai-dat"));
    assertThat(browser.find("h1").getText()).isEqualTo("Nhận thông báo qua thư điện tử");
    assertThat(browser.byId("mail-address").getText())
        .isEqualTo("Thư được gửi tới: canbo.hanoi@dondoc.local");
    assertThat(browser.byId("delivery-IMMEDIATE").isSelected())
        .as("at once until chosen otherwise")
        .isTrue();

    browser.find("label[for=delivery-DIGEST]").click();
    new Select(browser.byId("hour")).selectByVisibleText("17:00");
    browser.byId("mail-settings-save").click();
    browser.textIn("#notice", "Đã lưu cách nhận thư điện tử.");
    assertThat(saved()).isEqualTo("DIGEST 17");
    assertThat(browser.byId("delivery-DIGEST").isSelected()).isTrue();
    assertThat(new Select(browser.byId("hour")).getFirstSelectedOption().getText())
        .isEqualTo("17:00");
    browser.assertNoConsoleErrors();
    browser.screenshots("hop-thu-cai-dat");

    // an hour no select offers (sent by hand): refused under the field, the choice stays
    browser
        .driver()
        .executeScript("document.querySelector('#hour option').value = '24';"
            + "document.getElementById('hour').selectedIndex = 0;");
    browser.byId("mail-settings-save").click();
    browser.textIn("#hour-error", "Giờ gửi thư tổng hợp phải nằm trong khoảng 0 đến 23");
    assertThat(browser.byId("hour").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(saved()).isEqualTo("DIGEST 17");
    browser.assertNoConsoleErrors();
  }
}
