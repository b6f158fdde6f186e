package vn.dondoc.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;

/**
 * The sender's documents in a real browser: the receipt after sending (secret in groups, the dates, a QR code that
 * a phone reads as the follow page with the secret in the fragment, print and PDF), the print layout, and
 * /theo-doi's steps with the agency, and the answer letter on it and on the published answer.
 */
class FeedbackReceiptBrowserIT extends BrowserTest {

  @Test
  void theReceiptCanBePrintedOrSavedAndItsQrCodeOpensTheFollowPage() throws Exception {
    browser.open("/gui-phan-anh");
    FeedbackPortalBrowserIT.StartFormFields form =
        new FeedbackPortalBrowserIT.StartFormFields(browser);
    form.choose("Field", "Thủ tục hành chính");
    form.choose("Locality", "Thành phố Hà Nội");
    form.input("Title").sendKeys("Đề nghị cấp phiếu hẹn trả lời " + Feedback.marker());
    form.input("Content").sendKeys("Tôi cần phiếu tiếp nhận có ngày hẹn để in ra.");
    form.input("SenderName").sendKeys("Lê Văn Phúc");
    form.input("SenderEmail").sendKeys("phuc.lv@example.vn");
    browser.byId("submit").click();

    String code = browser.visible("#receipt-code").getText();
    List<String> groups = browser.findAll("#receipt-secret .group").stream()
        .map(WebElement::getText)
        .toList();
    assertThat(groups)
        .hasSize(6)
        .allSatisfy(group -> assertThat(group).matches("[2-9A-HJKMNP-Z]{4}"));
    String secret = String.join("-", groups);
    browser.waitFor(d -> !browser.byId("receipt-due").getText().isEmpty());
    JsonNode receipt = api()
        .get(
            "/api/v1/public/feedback/" + code + "/receipt",
            null,
            Map.of("X-Tracking-Secret", secret))
        .json();
    assertThat(browser.byId("receipt-due").getText())
        .isEqualTo(receipt.path("answerDueDay").asText())
        .matches("\\d{2}/\\d{2}/\\d{4}");
    assertThat(browser.byId("receipt-received").getText())
        .isEqualTo(receipt.path("receivedDay").asText());
    assertThat(browser.byId("receipt-print").isDisplayed()).isTrue();
    assertThat(browser.byId("receipt-pdf").isDisplayed()).isTrue();

    // The QR code as drawn on the page, read as a phone reads it.
    BufferedImage qr = ImageIO.read(
        new ByteArrayInputStream(browser.byId("receipt-qr").getScreenshotAs(OutputType.BYTES)));
    assertThat(decode(qr)).endsWith("/theo-doi?ma=" + code + "#bi-mat=" + secret);
    browser.byId("receipt-pdf").click();
    browser.waitFor(d -> browser.byId("receipt-pdf").isEnabled());
    assertThat(browser.byId("receipt-status").getText()).isEmpty();
    browser.assertNoConsoleErrors();
    browser.screenshots("phieu-tiep-nhan");

    // Printed: the receipt alone, without the site's header, footer and buttons.
    browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertThat(browser.find("header.site").isDisplayed()).isFalse();
      assertThat(browser.byId("receipt-pdf").isDisplayed()).isFalse();
      assertThat(browser.byId("receipt-qr").isDisplayed()).isTrue();
      browser.screenshots("phieu-tiep-nhan-in");
    } finally {
      browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    // Followed from the receipt: the same due day, the first step done and the others to come.
    String due = browser.byId("receipt-due").getText();
    browser.byId("receipt-follow").click();
    browser.textIn("#item-facts", due);
    assertThat(browser.byId("item-facts").getText()).contains("Ngày hẹn trả lời");
    List<WebElement> steps = browser.findAll("#item-steps li");
    assertThat(steps)
        .extracting(step -> step.getAttribute("class"))
        .containsExactly("done", "pending", "pending", "pending", "pending");
    assertThat(steps.get(1).findElement(By.className("when")).getText())
        .isEqualTo("Chưa thực hiện");
    browser.assertNoConsoleErrors();
  }

  @Test
  void theFollowPageShowsTheAgencyTheStepsAndTheAnswerLetter() {
    AnsweredFeedback answered = AnsweredFeedback.publish(api(), Feedback.marker());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api()
            .get("/api/v1/public/answers/" + answered.code(), null)
            .json()
            .path("letter")
            .asBoolean());

    browser.open("/theo-doi?ma=" + answered.code() + "#bi-mat=" + answered.secret());
    browser.textIn("#item-facts", "Thành phố Hà Nội");
    assertThat(browser.byId("item-facts").getText()).contains("Cơ quan xử lý");
    List<WebElement> steps = browser.findAll("#item-steps li");
    assertThat(steps)
        .extracting(step -> step.findElement(By.className("what")).getText())
        .containsExactly(
            "Tiếp nhận phản ánh, kiến nghị",
            "Phân loại, chuyển cơ quan xử lý",
            "Cơ quan tiếp nhận xử lý",
            "Trả lời người gửi",
            "Công khai câu trả lời");
    assertThat(steps).allSatisfy(step -> {
      assertThat(step.getAttribute("class")).isEqualTo("done");
      assertThat(step.findElement(By.className("when")).getText()).matches("\\d{2}/\\d{2}/\\d{4}");
    });
    assertThat(browser.byId("item-facts").getText())
        .as("answered: no more due day")
        .doesNotContain("Ngày hẹn trả lời");
    assertThat(browser.byId("letter-download").isDisplayed()).isTrue();
    browser.byId("letter-download").click();
    browser.waitFor(d -> browser.byId("letter-download").isEnabled());
    assertThat(browser.byId("download-status").getText()).isEmpty();
    browser.assertNoConsoleErrors();
    browser.screenshots("theo-doi-cac-buoc");

    browser.open("/tra-loi/" + answered.code());
    WebElement letter = browser.visible("#answer-letter-link");
    assertThat(letter.getText()).isEqualTo("Công văn trả lời của cơ quan (PDF)");
    assertThat(letter.getAttribute("href"))
        .endsWith("/api/v1/public/answers/" + answered.code() + "/letter.pdf");
    browser.assertNoConsoleErrors();
  }

  private static String decode(BufferedImage image) throws Exception {
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    return new QRCodeReader()
        .decode(new BinaryBitmap(new HybridBinarizer(
            new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
        .getText();
  }
}
