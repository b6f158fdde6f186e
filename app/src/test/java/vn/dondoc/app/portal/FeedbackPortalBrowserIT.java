package vn.dondoc.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import vn.dondoc.app.attachments.SampleFiles;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;

/** The sender's side of the portal in a real browser: sending feedback with a file, following it, validation. */
class FeedbackPortalBrowserIT extends BrowserTest {

  @Test
  void anAnonymousSenderSendsFeedbackWithAFileAndFollowsItByCodeAndSecret() throws Exception {
    browser.open("/gui-phan-anh");
    assertThat(browser.find("h1").getText()).isEqualTo("Gửi phản ánh, kiến nghị");
    browser.assertNoConsoleErrors();
    browser.screenshots("gui-phan-anh");

    String marker = Feedback.marker();
    new Select(browser.byId("type")).selectByValue("recommendation");
    new Select(browser.byId("field")).selectByVisibleText("Thủ tục hành chính");
    new Select(browser.byId("locality")).selectByValue("hanoi");
    browser.byId("title").sendKeys("Đề nghị số hóa hồ sơ đăng ký đề tài " + marker);
    browser.byId("content").sendKeys("Hồ sơ đăng ký đề tài vẫn phải nộp bản giấy.\nĐề nghị nhận hồ sơ điện tử.");
    browser.byId("contact.name").sendKeys("Nguyễn Thị Hồng Nhung");
    browser.byId("contact.email").sendKeys("nhung.nth@example.vn");
    browser.byId("consentToPublish").click();
    Path file = Files.createTempFile("bien-ban-", ".pdf");
    Files.write(file, SampleFiles.pdf());
    browser.byId("attachments").sendKeys(file.toAbsolutePath().toString());
    browser.textIn("#uploads li", "Đã tải lên");
    browser.byId("submit").click();

    String code = browser.visible("#receipt-code").getText();
    String secret = browser.byId("receipt-secret").getText();
    assertThat(code).matches("PAKN-\\d{4}-\\d{6}");
    assertThat(secret).hasSizeGreaterThanOrEqualTo(20);
    assertThat(api().get("/api/v1/feedback/" + code, vn.dondoc.app.support.Api.token("thuongtruc")).json()
        .path("title").asText()).endsWith(marker);
    browser.assertNoConsoleErrors();
    browser.screenshots("gui-phan-anh-bien-nhan");

    // The receipt's link carries the secret in the fragment; the page opens the item by itself.
    browser.byId("receipt-follow").click();
    browser.textIn("#item-facts", "Đã tiếp nhận");
    assertThat(browser.byId("item-title").getText()).endsWith(marker);
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(secret);
    browser.assertNoConsoleErrors();
    browser.screenshots("theo-doi");

    // Typed by hand on an empty page, the same.
    browser.open("/theo-doi");
    browser.byId("code").sendKeys(code);
    browser.byId("secret").sendKeys(secret);
    browser.find("#follow-form button[type=submit]").click();
    browser.textIn("#item-facts", "Đã tiếp nhận");
    browser.assertNoConsoleErrors();
  }

  @Test
  void theServersValidationMessagesStandNextToTheirFieldsInVietnamese() {
    browser.open("/gui-phan-anh");
    browser.byId("contact.email").sendKeys("khong-phai-thu");
    browser.byId("submit").click();

    assertThat(browser.visible("#title-error").getText()).isEqualTo("Tiêu đề là bắt buộc");
    assertThat(browser.byId("field-error").getText()).isEqualTo("Lĩnh vực là bắt buộc");
    assertThat(browser.byId("contact.email-error").getText()).isEqualTo("Thư điện tử không phải địa chỉ thư điện tử hợp lệ");
    assertThat(browser.byId("title").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.byId("error-summary").getText()).contains("Vui lòng sửa");
    // Nothing but the deliberately invalid submission's 400 in the console.
    browser.assertNoConsoleErrors("/api/v1/feedback - Failed to load resource: the server responded with a status of 400");
    browser.screenshots("gui-phan-anh-loi");
  }
}
