package vn.dondoc.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.app.attachments.SampleFiles;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;

/**
 * The sender's side of the portal in a real browser: the process's start form rendered by form-js,
 * sending feedback with a file, following it, validation by form-js and by the server.
 */
class FeedbackPortalBrowserIT extends BrowserTest {

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theFormIsTheProcessStartFormRenderedByFormJs() {
    browser.open("/gui-phan-anh");
    StartFormFields form = new StartFormFields(browser);
    assertThat(browser.driver().executeScript("return typeof window.FormJs.Form"))
        .isEqualTo("function");
    // every field of the .form, in its order, with its Vietnamese label, drawn by form-js and
    // nothing else
    List<JsonNode> fields = StartFormFields.keyedComponents();
    assertThat(fields).hasSizeGreaterThanOrEqualTo(9);
    for (JsonNode field : fields) {
      String id = field.path("id").asText();
      assertThat(form.label(id).getText())
          .as("label of %s", id)
          .startsWith(field.path("label").asText());
      assertThat(form.input(id).findElement(By.xpath("ancestor::form")).getAttribute("class"))
          .contains("fjs-form");
    }
    assertThat(browser
            .driver()
            .findElements(
                By.cssSelector("#feedback-fields .fjs-form-field[class*=fjs-form-field-]")))
        .hasSize(fields.size());
    assertThat(form.label("Field").findElement(By.className("fjs-asterix")).getText())
        .isEqualTo("*");
    // form-js's own English words are the page's
    assertThat(browser.find("[id$='-Field-display']").getText()).isEqualTo("— Chọn —");
    assertThat(form.input("Locality").getAttribute("placeholder")).isEqualTo("Tìm");
    assertThat(browser.find("#feedback-fields .fjs-powered-by")).isNotNull();
    browser.assertNoConsoleErrors();
  }

  @Test
  void anAnonymousSenderSendsFeedbackWithAFileAndFollowsItByCodeAndSecret() throws Exception {
    browser.open("/gui-phan-anh");
    assertThat(browser.find("h1").getText()).isEqualTo("Gửi phản ánh, kiến nghị");
    StartFormFields form = new StartFormFields(browser);
    browser.assertNoConsoleErrors();
    browser.screenshots("gui-phan-anh");

    String marker = Feedback.marker();
    form.choose("FeedbackType", "Kiến nghị");
    form.choose("Field", "Thủ tục hành chính");
    // the searchable list by keyboard: type, then Enter takes the first match; typed without
    // accents,
    // the box takes the one spelling the places have ("da nang" finds Đà Nẵng, "ha noi" Hà Nội)
    form.input("Locality").sendKeys("da nang");
    browser.textIn(".fjs-dropdownlist", "Thành phố Đà Nẵng");
    assertThat(form.input("Locality").getAttribute("value")).isEqualTo("Đà Nẵng");
    form.input("Locality").clear();
    form.input("Locality").sendKeys("ha noi");
    browser.textIn(".fjs-dropdownlist", "Thành phố Hà Nội");
    assertThat(form.input("Locality").getAttribute("value")).isEqualTo("Hà Nội");
    form.input("Locality").sendKeys(Keys.ENTER);
    form.input("Title").sendKeys("Đề nghị số hóa hồ sơ đăng ký đề tài " + marker);
    form.input("Content")
        .sendKeys("Hồ sơ đăng ký đề tài vẫn phải nộp bản giấy.\nĐề nghị nhận hồ sơ điện tử.");
    form.input("SenderName").sendKeys("Nguyễn Thị Hồng Nhung");
    form.input("SenderEmail").sendKeys("nhung.nth@example.vn");
    form.input("ConsentToPublish").click();
    Path file = Files.createTempFile("bien-ban-", ".pdf");
    Files.write(file, SampleFiles.pdf());
    browser.byId("attachments").sendKeys(file.toAbsolutePath().toString());
    browser.textIn("#uploads li", "Đã tải lên");
    browser.byId("submit").click();

    String code = browser.visible("#receipt-code").getText();
    String secret = browser.byId("receipt-secret").getText();
    assertThat(code).matches("PAKN-\\d{4}-\\d{6}");
    assertThat(secret).hasSizeGreaterThanOrEqualTo(20);
    JsonNode stored = api()
        .get("/api/v1/feedback/" + code, vn.dondoc.app.support.Api.token("thuongtruc"))
        .json();
    assertThat(stored.path("title").asText()).endsWith(marker);
    assertThat(stored.path("type").asText()).isEqualTo("recommendation");
    assertThat(stored.path("field").asText()).isEqualTo("administrative-procedures");
    assertThat(stored.path("locality").asText()).isEqualTo("hanoi");
    assertThat(jdbc.queryForObject(
            "select consent_to_publish from feedback_item where code = ?", Boolean.class, code))
        .isTrue();
    assertThat(jdbc.queryForObject(
            "select count(*) from attachment a join feedback_item f on a.owner_type = 'feedback'"
                + " and a.owner_id = f.id where f.code = ?",
            Integer.class,
            code))
        .isEqualTo(1);
    browser.assertNoConsoleErrors();
    browser.screenshots("gui-phan-anh-bien-nhan");

    // The receipt's link carries the secret in the fragment; the page opens the item by itself.
    browser.byId("receipt-follow").click();
    browser.textIn("#item-facts", "Đã tiếp nhận");
    assertThat(browser.byId("item-facts").getText())
        .contains(
            "Bước tiếp theo",
            "Cơ quan Thường trực đang phân loại và chuyển đến cơ quan có thẩm quyền; ông/bà chưa cần làm gì.");
    assertThat(browser.byId("item-title").getText()).endsWith(marker);
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(secret);
    browser.assertNoConsoleErrors();
    browser.screenshots("theo-doi");

    // Typed by hand on an empty page, the same; empty fields are said to be empty; the code may be
    // typed in
    // lower case, with spaces for dashes or none at all.
    browser.open("/theo-doi");
    browser.find("#follow-form button[type=submit]").click();
    assertThat(browser.visible("#code-error").getText())
        .startsWith("Mã hồ sơ chưa được nhập. Mã có dạng PAKN-2026-000123");
    assertThat(browser.visible("#secret-error").getText()).startsWith("Mã bí mật chưa được nhập.");
    assertThat(browser.byId("follow-message").isDisplayed()).isFalse();
    browser
        .byId("code")
        .sendKeys(" " + code.toLowerCase().replaceFirst("-", " ").replace("-", "") + " ");
    browser.byId("secret").sendKeys(secret);
    browser.find("#follow-form button[type=submit]").click();
    browser.textIn("#item-facts", "Đã tiếp nhận");
    assertThat(browser.byId("code-error").isDisplayed()).isFalse();
    browser.open("/theo-doi");
    browser.byId("code").sendKeys(code);
    browser.byId("secret").sendKeys(secret);
    browser.find("#follow-form button[type=submit]").click();
    browser.textIn("#item-facts", "Đã tiếp nhận");
    browser.assertNoConsoleErrors();
  }

  @Test
  void formJsChecksTheFieldsInVietnameseBeforeSending() {
    browser.open("/gui-phan-anh");
    StartFormFields form = new StartFormFields(browser);
    form.input("SenderEmail").sendKeys("khong-phai-thu");
    browser.byId("submit").click();

    assertThat(form.error("Title").getText()).isEqualTo("Tiêu đề là bắt buộc");
    assertThat(form.error("Field").getText()).isEqualTo("Lĩnh vực là bắt buộc");
    assertThat(form.error("SenderEmail").getText())
        .isEqualTo("Thư điện tử không phải địa chỉ thư điện tử hợp lệ");
    assertThat(form.input("Title").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.byId("error-summary").getText()).contains("Vui lòng sửa");
    // the focus is on the first field to correct, and nothing was sent
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
        .isEqualTo(form.input("Field").getAttribute("id"));
    browser.assertNoConsoleErrors();
    browser.screenshots("gui-phan-anh-loi");
  }

  @Test
  void limitsAreCountedAsOneTypesAndWhatIsTypedAndUploadedSurvivesAReload() throws Exception {
    browser.open("/gui-phan-anh");
    StartFormFields form = new StartFormFields(browser);
    assertThat(browser.visible("#count-title").getText()).isEqualTo("0/300 ký tự");
    form.input("Title").sendKeys("Đường ngập khi mưa");
    form.input("Content").sendKeys("Đoạn đường trước trường học ngập sâu mỗi khi mưa lớn.");
    form.input("Title")
        .click(); // form-js takes what is typed when the field is left (or after a pause)
    browser.textIn("#count-title", "18/300 ký tự");
    Path file = Files.createTempFile("anh-", ".pdf");
    Files.write(file, SampleFiles.pdf());
    browser.byId("attachments").sendKeys(file.toAbsolutePath().toString());
    browser.textIn("#uploads li", "Đã tải lên");

    browser.driver().navigate().refresh();
    form = new StartFormFields(browser);
    StartFormFields reloaded = form;
    browser.waitFor(
        d -> "Đường ngập khi mưa".equals(reloaded.input("Title").getAttribute("value")));
    assertThat(form.input("Content").getAttribute("value"))
        .isEqualTo("Đoạn đường trước trường học ngập sâu mỗi khi mưa lớn.");
    assertThat(browser.byId("uploads").getText())
        .contains(file.getFileName().toString(), "Đã tải lên");
    assertThat(browser.byId("count-title").getText()).isEqualTo("18/300 ký tự");
    browser.assertNoConsoleErrors();
  }

  @Test
  void theServersValidationMessageStandsNextToItsFieldInVietnamese() {
    browser.open("/gui-phan-anh");
    StartFormFields form = new StartFormFields(browser);
    form.choose("Field", "Hạ tầng số");
    form.choose("Locality", "Thành phố Huế");
    form.input("Title").sendKeys("Không có cách liên lạc " + Feedback.marker());
    form.input("Content").sendKeys("Người gửi không để lại thư điện tử hay số điện thoại.");
    form.input("SenderName").sendKeys("Trần Văn Tâm");
    // form-js lets this pass (neither is required alone); the API wants one of the two
    browser.byId("submit").click();

    assertThat(form.error("SenderEmail").getText())
        .isEqualTo("Hãy cung cấp thư điện tử hoặc số điện thoại để cơ quan trả lời");
    assertThat(form.input("SenderEmail").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
        .isEqualTo(form.input("SenderEmail").getAttribute("id"));
    assertThat(browser.byId("error-summary").getText()).contains("Vui lòng sửa");
    assertThat(browser.byId("receipt").isDisplayed()).isFalse();
    // correcting it sends the same item
    form.input("SenderPhone").sendKeys("0912 345 678");
    browser.byId("submit").click();
    assertThat(browser.visible("#receipt-code").getText()).matches("PAKN-\\d{4}-\\d{6}");
    browser.assertNoConsoleErrors(
        "/api/v1/feedback - Failed to load resource: the server responded with a status of 400");
  }

  /** Finds the fields form-js drew for the components of forms/feedback-submission.form, by component id. */
  static final class StartFormFields {

    private final vn.dondoc.app.support.Browser browser;

    StartFormFields(vn.dondoc.app.support.Browser browser) {
      this.browser = browser;
      browser.visible("#feedback-fields .fjs-form");
    }

    /** The keyed components of the .form file itself, read from the classpath as the app reads it. */
    static List<JsonNode> keyedComponents() {
      try (var in = StartFormFields.class
          .getClassLoader()
          .getResourceAsStream("forms/feedback-submission.form")) {
        JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        List<JsonNode> keyed = new java.util.ArrayList<>();
        form.path("components").forEach(c -> {
          if (c.has("key")) {
            keyed.add(c);
          }
        });
        return keyed;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** form-js names a field's input fjs-form-<form instance>-<component id>. */
    WebElement input(String componentId) {
      return browser.find("#feedback-fields [id$='-" + componentId + "']:not(label)");
    }

    WebElement label(String componentId) {
      return browser.find("#feedback-fields label[for$='-" + componentId + "']");
    }

    WebElement error(String componentId) {
      return browser.visible("#feedback-fields [id$='-" + componentId + "-error-message']");
    }

    /** Opens a form-js select and clicks the option with that label. */
    void choose(String componentId, String option) {
      List<WebElement> display = browser
          .driver()
          .findElements(By.cssSelector("#feedback-fields [id$='-" + componentId + "-display']"));
      (display.isEmpty() ? input(componentId) : display.get(0)).click();
      browser.visible(".fjs-dropdownlist-item");
      for (WebElement item :
          browser.driver().findElements(By.cssSelector(".fjs-dropdownlist-item"))) {
        if (item.getText().equals(option)) {
          item.click();
          return;
        }
      }
      throw new AssertionError("no option " + option + " in " + componentId);
    }
  }
}
