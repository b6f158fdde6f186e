package vn.dondoc.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;

/** The portal's reading side in a real browser: start page, languages, published answers, initiatives, rating. */
class PublicPagesBrowserIT extends BrowserTest {

  @Test
  void theStartPageIsVietnameseAndTheEnglishSwitchIsRemembered() {
    browser.open("/");
    assertThat(browser.find("html").getAttribute("lang")).isEqualTo("vi");
    assertThat(browser.find("h1").getText()).isEqualTo("Cổng thông tin Dondoc");
    assertThat(browser.find("nav").getText())
        .contains(
            "Gửi phản ánh, kiến nghị",
            "Theo dõi hồ sơ",
            "Câu trả lời đã công khai",
            "Sáng kiến được lựa chọn");
    browser.assertNoConsoleErrors();
    browser.screenshots("trang-chu");

    // Keyboard: the first Tab reaches the skip link, which is then shown.
    browser.find("body").sendKeys(Keys.TAB);
    assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
        .isEqualTo("skip");

    browser.byId("lang-switch").click();
    browser.waitFor(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(browser.find("h1").getText()).isEqualTo("Dondoc public portal");
    browser.open("/gui-phan-anh");
    assertThat(browser.find("h1").getText()).isEqualTo("Send feedback");
    // the start form's labels, translated (the .form is Vietnamese), and form-js's own words
    assertThat(browser.visible("#feedback-fields label[for$='-Field']").getText())
        .startsWith("Field");
    assertThat(browser.find("#feedback-fields label[for$='-SenderName']").getText())
        .startsWith("Full name");
    assertThat(browser.find("#feedback-fields label[for$='-ConsentToPublish']").getText())
        .startsWith("I agree");
    assertThat(browser.find("[id$='-Field-display']").getText()).isEqualTo("— Choose —");
    assertThat(browser.find("#feedback-fields").getText()).doesNotContain("Lĩnh vực", "Họ và tên");
    browser.assertNoConsoleErrors();
    browser.screenshots("gui-phan-anh-en");

    browser.byId("lang-switch").click();
    browser.waitFor(d -> "vi".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(browser.find("h1").getText()).isEqualTo("Gửi phản ánh, kiến nghị");
  }

  @Test
  void publishedAnswersAreListedAndReadAndTheSenderRatesThem() {
    String marker = Feedback.marker();
    AnsweredFeedback answered = AnsweredFeedback.publish(api(), marker);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(api()
                .get("/api/v1/search?type=feedback&q=" + marker, null)
                .json()
                .path("items")
                .findValuesAsText("code"))
            .containsExactly(answered.code()));

    browser.open("/tra-loi");
    browser.textIn("#answers", answered.title());
    browser.assertNoConsoleErrors();
    browser.screenshots("tra-loi");

    browser.byId("q").sendKeys(marker.toUpperCase(), Keys.ENTER);
    browser.waitFor(d -> d.getCurrentUrl().contains("q="));
    browser.textIn("#answers-total", "1");
    browser.driver().findElement(By.linkText(answered.title())).click();
    browser.textIn("#answer-text", answered.answer());
    assertThat(browser.byId("answer-title").getText()).isEqualTo(answered.title());
    assertThat(browser.byId("answer-facts").getText())
        .contains(answered.code(), "Thủ tục hành chính", "Thành phố Hà Nội");
    browser.assertNoConsoleErrors();
    browser.screenshots("tra-loi-chi-tiet");

    // The sender follows it, reads the answer and rates it.
    browser.open("/theo-doi?ma=" + answered.code() + "#bi-mat=" + answered.secret());
    browser.textIn("#item-answer-text", answered.answer());
    browser.visible("#rating-form");
    browser.screenshots("theo-doi-danh-gia");
    browser.find("label[for=rating-5]").click();
    browser.byId("rating-comment").sendKeys("Cảm ơn Sở đã trả lời nhanh.");
    // pressed twice before the answer comes: one rating, and the page says it was sent (not
    // "nothing to rate")
    browser
        .driver()
        .executeScript(
            "arguments[0].click(); arguments[0].click();",
            browser.find("#rating-form button[type=submit]"));
    browser.textIn("#item-status", "Đã gửi đánh giá");
    browser.waitFor(d -> !d.findElement(By.id("rating-form")).isDisplayed());
    assertThat(browser.byId("item-facts").getText()).contains("Đã đóng");
    assertThat(browser.byId("item-status").getText()).isEqualTo("Đã gửi đánh giá. Cảm ơn ông/bà.");
    browser.assertNoConsoleErrors();
  }

  @Test
  void selectedInitiativesAreListed() {
    browser.open("/sang-kien");
    browser.waitFor(d -> !d.findElement(By.id("initiatives-status")).getText().isEmpty());
    assertThat(browser.find("h1").getText()).isEqualTo("Sáng kiến được lựa chọn");
    browser.assertNoConsoleErrors();
    browser.screenshots("sang-kien");
  }

  @Test
  void anUnknownAddressIsThePortalsOwnNotFoundPageNotTheStaffLogin() {
    browser.open("/khong-co-trang-nay");
    assertThat(browser.find("h1").getText()).isEqualTo("Không tìm thấy trang");
    assertThat(browser.url()).doesNotContain("/realms/");
    assertThat(browser.findAll("main .ways a"))
        .extracting(a -> a.getAttribute("href"))
        .anyMatch(href -> href.endsWith("/gui-phan-anh"))
        .anyMatch(href -> href.endsWith("/theo-doi"));
    Api.Response status = api().get("/khong-co-trang-nay", null);
    assertThat(status.status()).isEqualTo(404);
    browser.assertNoConsoleErrors("404");
    browser.screenshots("khong-tim-thay");
  }
}
