package vn.dondoc.app.initiatives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;

/**
 * The innovator area in a real browser: a newcomer registers on Keycloak's own registration form, writes a
 * draft, is told next to each bad field what to correct (and nothing is stored), submits with a file, follows
 * the submission, and answers the standing office's request for completion.
 */
class InnovatorAreaBrowserIT extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void aNewcomerRegistersWritesSubmitsAndCompletesAnInitiative() throws IOException {
    String username = "skb" + Feedback.marker();
    signedOut();

    // Register / sign in from the portal: Keycloak's sign-in page, its link to the registration
    // form.
    browser.open("/");
    browser.byId("account-link").click();
    browser.waitFor(d -> d.getCurrentUrl().contains("/realms/dondoc/"));
    browser.find("a[href*='/login-actions/registration']").click();
    browser.visible("#kc-register-form");
    // Vietnamese order: family and middle names first (Keycloak's firstName), then the given name
    // (lastName), so
    // that Keycloak's full name, "first last", reads as a Vietnamese name.
    // (Keycloak's page follows the browser's language, English here; the realm has both.)
    assertThat(browser.find("label[for=firstName]").getText())
        .matches("(Họ và tên đệm|Family and middle names).*");
    assertThat(browser.find("label[for=lastName]").getText()).matches("(Tên|Given name).*");
    assertThat(
            browser
                .driver()
                .executeScript(
                    "var f = document.getElementById('firstName'), l = document.getElementById('lastName');"
                        + " return !!(f.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING);"))
        .isEqualTo(true);
    Map.of(
            "username",
            username,
            "email",
            username + "@example.vn",
            "firstName",
            "Trần Sáng",
            "lastName",
            "Chế",
            "password",
            "Demo-pass-123",
            "password-confirm",
            "Demo-pass-123")
        .forEach((field, value) -> browser.byId(field).sendKeys(value));
    browser.find("#kc-register-form [type=submit]").click();
    browser.waitFor(d -> d.getCurrentUrl().contains("/sang-kien-cua-toi"));
    assertThat(browser.find("h1").getText()).isEqualTo("Sáng kiến của tôi");
    assertThat(browser.byId("empty").getText()).isEqualTo("Bạn chưa có sáng kiến nào.");
    assertThat(browser.byId("account-link").getText()).isEqualTo("Trần Sáng Chế");
    browser.assertNoConsoleErrors();

    // Three mistakes at once (no category, a bad tax code, a submission without solution or
    // product) and an
    // intellectual-property status over its limit, which the page shows before typing and counts
    // while typing.
    // A file is uploaded first: all problems come back together under their fields, the text and
    // the file stay.
    browser.byId("new-draft").click();
    browser.visible("#draft-form");
    assertThat(browser.byId("ipStatus-count").getText()).isEqualTo("0/30 ký tự");
    browser.byId("title").sendKeys("Nền tảng <b>bản đồ</b> số dùng chung");
    browser.byId("problem").sendKeys("Dữ liệu bản đồ phân tán ở nhiều bộ, ngành.");
    browser.byId("taxCode").clear();
    browser.byId("taxCode").sendKeys("12345");
    browser.byId("ipStatus").sendKeys("Đã nộp đơn đăng ký sáng chế năm 2025");
    assertThat(browser.byId("ipStatus-count").getText()).isEqualTo("36/30 ký tự – thừa 6 ký tự");
    Path file = Files.createTempFile("thuyet-minh", ".txt");
    Files.writeString(file, "Thuyết minh sáng kiến\n", StandardCharsets.UTF_8);
    browser.byId("attachments").sendKeys(file.toString());
    browser.textIn("#uploads", "Đã tải lên");
    browser.byId("submit").click();
    assertThat(browser.visible("#category-error").getText())
        .isEqualTo("Loại sáng kiến là bắt buộc");
    assertThat(browser.visible("#taxCode-error").getText())
        .startsWith("Mã số thuế phải là mã số thuế 10 hoặc 13 chữ số");
    assertThat(browser.visible("#solution-error").getText())
        .isEqualTo("Giải pháp đề xuất cần điền trước khi nộp");
    assertThat(browser.visible("#expectedProduct-error").getText())
        .isEqualTo("Sản phẩm dự kiến cần điền trước khi nộp");
    assertThat(browser.visible("#ipStatus-error").getText())
        .isEqualTo("Tình trạng sở hữu trí tuệ không được dài quá 30 ký tự");
    assertThat(browser.byId("category").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.byId("title").getAttribute("value"))
        .isEqualTo("Nền tảng <b>bản đồ</b> số dùng chung");
    assertThat(browser.byId("problem").getAttribute("value"))
        .isEqualTo("Dữ liệu bản đồ phân tán ở nhiều bộ, ngành.");
    assertThat(browser.byId("title-error").isDisplayed()).isFalse();
    assertThat(browser.byId("uploads").getText())
        .as("the uploaded file is kept")
        .contains(file.getFileName().toString(), "Đã tải lên");
    assertThat(stored(username)).isZero();
    browser.assertNoConsoleErrors();
    browser.screenshots("sang-kien-cua-toi-loi");

    // Corrected without choosing the file again.
    new Select(browser.byId("category")).selectByValue("BREAKTHROUGH");
    browser.byId("taxCode").clear();
    browser.byId("taxCode").sendKeys("0101234567");
    browser.byId("ipStatus").clear();
    browser.byId("ipStatus").sendKeys("Đã nộp đơn sáng chế");

    // Without the CSRF token a post is refused.
    Object status = browser.driver().executeAsyncScript("""
        var done = arguments[arguments.length - 1];
        fetch('/sang-kien-cua-toi/moi', { method: 'POST', body: new URLSearchParams({ category: 'BREAKTHROUGH', title: 'x' }),
          redirect: 'manual' }).then(function (r) { done(r.status); });""");
    assertThat(((Number) status).intValue()).isEqualTo(403);
    assertThat(stored(username)).isZero();
    browser.assertNoConsoleErrors("403");

    // Complete, with a file uploaded through the upload endpoint, and submit.
    browser
        .byId("solution")
        .sendKeys("Một nền tảng bản đồ số dùng chung, cập nhật theo thời gian thực.");
    browser.byId("expectedProduct").sendKeys("Nền tảng vận hành thử nghiệm tại 3 tỉnh");
    browser.byId("submit").click();
    browser.textIn("#notice", "Đã nộp sáng kiến");
    String code = browser.byId("initiative-code").getText();
    assertThat(code).startsWith("SK-");
    assertThat(browser.byId("initiative-status").getText()).isEqualTo("Đã nộp, chờ sàng lọc");
    assertThat(browser.byId("history").getText()).contains("Đã nộp, chờ sàng lọc");
    assertThat(browser.find("h1").getText())
        .as("user text escaped")
        .isEqualTo("Nền tảng <b>bản đồ</b> số dùng chung");
    assertThat(jdbc.sql("select status from initiative where case_code = ?")
            .param(code)
            .query(String.class)
            .single())
        .isEqualTo("SUBMITTED");
    assertThat(jdbc.sql("select tax_code from initiative where case_code = ?")
            .param(code)
            .query(String.class)
            .single())
        .isEqualTo("0101234567");
    assertThat(jdbc.sql("select count(*) from attachment a join initiative i on i.id = a.owner_id"
                + " where a.owner_type = 'initiative' and i.case_code = ?")
            .param(code)
            .query(Long.class)
            .single())
        .isEqualTo(1);
    browser.assertNoConsoleErrors();
    browser.screenshots("sang-kien-cua-toi-chi-tiet");

    browser.find("main a[href='/sang-kien-cua-toi']").click();
    WebElement row = browser.visible("#my-initiatives tbody tr");
    assertThat(row.findElement(By.cssSelector(".status")).getText())
        .isEqualTo("Đã nộp, chờ sàng lọc");
    // What happens next and who acts, with the day the screening is due: never "nothing" while
    // others act.
    assertThat(row.findElement(By.cssSelector(".next")).getText())
        .matches(
            "Cơ quan Thường trực đang sàng lọc hồ sơ; bạn chưa cần làm gì và sẽ được báo khi có kết quả\\."
                + " Dự kiến có kết quả trước ngày \\d{2}/\\d{2}/\\d{4}\\.");
    assertThat(row.getText()).contains(code);
    browser.screenshots("sang-kien-cua-toi");

    // Screening asks for more; the innovator sees what, is told an empty answer will not do, then
    // answers.
    Api.Response returned = api()
        .postJson(
            "/api/v1/initiatives/" + code + "/screening",
            "{\"screeningDecision\":\"return\",\"screeningNote\":\"Cần nêu rõ địa bàn thử nghiệm\"}",
            Api.token("thuongtruc"),
            Map.of());
    assertThat(returned.status()).as(returned.raw().body()).isEqualTo(200);
    browser.open("/sang-kien-cua-toi");
    assertThat(browser.find("#my-initiatives .next").getText())
        .startsWith("Bạn bổ sung hồ sơ theo đề nghị của Cơ quan Thường trực; hồ sơ chờ bạn.");
    browser.find("#my-initiatives th a").click();
    assertThat(browser.visible("#completion-request").getText())
        .isEqualTo("Cần nêu rõ địa bàn thử nghiệm");
    browser.find("#completion-form button[type=submit]").click();
    assertThat(browser.visible("#completionReply-error").getText())
        .isEqualTo("Bắt buộc nhập mục này.");
    assertThat(jdbc.sql("select status from initiative where case_code = ?")
            .param(code)
            .query(String.class)
            .single())
        .isEqualTo("RETURNED");
    browser.screenshots("sang-kien-cua-toi-bo-sung");
    browser.byId("completionReply").sendKeys("Thử nghiệm tại Hà Nội, Đà Nẵng và Cần Thơ");
    browser.find("#completion-form button[type=submit]").click();
    browser.textIn("#notice", "Đã gửi nội dung bổ sung");
    assertThat(browser.byId("initiative-status").getText()).isEqualTo("Đã nộp, chờ sàng lọc");
    assertThat(browser.byId("history").getText())
        .contains(
            "Được đề nghị bổ sung",
            "Cần nêu rõ địa bàn thử nghiệm",
            "Đã gửi nội dung bổ sung",
            "Thử nghiệm tại Hà Nội, Đà Nẵng và Cần Thơ");
    assertThat(browser.driver().findElements(By.id("completion-form"))).isEmpty();
    assertThat(jdbc.sql("select status from initiative where case_code = ?")
            .param(code)
            .query(String.class)
            .single())
        .isEqualTo("SUBMITTED");
    browser.assertNoConsoleErrors();
  }

  @Test
  void theDemoInnovatorSignsInAndAnotherInnovatorsInitiativeIsNotFound() throws IOException {
    signedOut();
    browser.open("/sang-kien-cua-toi");
    browser.waitFor(d -> d.getCurrentUrl().contains("/realms/dondoc/"));
    browser.byId("username").sendKeys("sangkien");
    browser.byId("password").sendKeys("demo");
    browser.find("#kc-form-login [type=submit]").click();
    browser.waitFor(d -> d.getCurrentUrl().contains("/sang-kien-cua-toi"));
    assertThat(browser.find("h1").getText()).isEqualTo("Sáng kiến của tôi");

    // The session ends while a draft is being written: sending goes through the login again and the
    // text is back.
    long before = stored("sangkien");
    browser.open("/sang-kien-cua-toi/moi");
    browser.byId("title").sendKeys("Bản nháp viết khi phiên đã hết <b>&</b>");
    Path file = Files.createTempFile("phu-luc", ".txt");
    Files.writeString(file, "Phụ lục\n", StandardCharsets.UTF_8);
    browser.byId("attachments").sendKeys(file.toString());
    browser.textIn("#uploads", "Đã tải lên");
    signedOut();
    browser.find("#draft-form button[type=submit]").click();
    browser.waitFor(d -> d.getCurrentUrl().contains("/realms/dondoc/"));
    browser.byId("username").sendKeys("sangkien");
    browser.byId("password").sendKeys("demo");
    browser.find("#kc-form-login [type=submit]").click();
    browser.waitFor(d -> d.getCurrentUrl().contains("/sang-kien-cua-toi/moi"));
    browser.waitFor(d -> "Bản nháp viết khi phiên đã hết <b>&</b>"
        .equals(d.findElement(By.id("title")).getAttribute("value")));
    assertThat(stored("sangkien"))
        .as("nothing was stored by the post that met no session")
        .isEqualTo(before);
    assertThat(browser.byId("uploads").getText())
        .as("the uploaded file is kept")
        .contains(file.getFileName().toString());

    long someoneElses = jdbc.sql(
            "insert into initiative (status, category, title, proposer) values ('DRAFT', 'ORDINARY',"
                + " 'Của người khác', 'nguoikhac') returning id")
        .query(Long.class)
        .single();
    try {
      browser.open("/sang-kien-cua-toi/" + someoneElses);
      assertThat(browser.byId("problem").getText())
          .isEqualTo("Không có sáng kiến nào như vậy của bạn.");
      assertThat(browser.driver().getPageSource()).doesNotContain("Của người khác");
    } finally {
      jdbc.sql("delete from initiative where id = ?").param(someoneElses).update();
    }
    browser.assertNoConsoleErrors("404");

    // Someone signed in without the innovator role (a citizen's account) is told so, and cannot
    // post a draft.
    signedOut();
    browser.open("/sang-kien-cua-toi");
    browser.waitFor(d -> d.getCurrentUrl().contains("/realms/dondoc/"));
    browser.byId("username").sendKeys("congdan");
    browser.byId("password").sendKeys("demo");
    browser.find("#kc-form-login [type=submit]").click();
    browser.waitFor(d -> d.getCurrentUrl().contains("/sang-kien-cua-toi"));
    assertThat(browser.byId("problem").getText())
        .startsWith("Trang này dành cho tài khoản nhà sáng chế");
    assertThat(browser.driver().findElements(By.id("new-draft"))).isEmpty();
    browser.assertNoConsoleErrors("403");
    signedOut();
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
    signedOut();
    browser.signIn("/sang-kien-cua-toi/moi", "sangkien");
    browser.visible("#draft-form");
    Path big = Files.createTempFile("ban-ve", ".pdf");
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(30L * 1024 * 1024);
    }
    Path wrongType = Files.createTempFile("chuong-trinh", ".exe");
    Files.writeString(wrongType, "MZ", StandardCharsets.UTF_8);
    browser.byId("attachments").sendKeys(big + "\n" + wrongType);
    assertThat(browser.visible("#attachments-error").getText())
        .contains(
            "Tệp " + big.getFileName() + " lớn hơn 10 MB nên không được tải lên.",
            "Tệp " + wrongType.getFileName() + " không thuộc loại được nhận");
    assertThat(browser.byId("uploads").getText())
        .as("nothing is sent")
        .doesNotContain(big.getFileName().toString(), wrongType.getFileName().toString());
    Object sent = browser
        .driver()
        .executeScript(
            "return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.name.indexOf('/api/v1/attachments') >= 0; }).length");
    assertThat(((Number) sent).intValue()).isZero();
    browser.assertNoConsoleErrors();
    Files.delete(big);
    Files.delete(wrongType);
    signedOut();
  }

  /** Forgets the app's session and Keycloak's single sign-on (cookies of every site, whatever their path). */
  private void signedOut() {
    browser.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  private long stored(String proposer) {
    return jdbc.sql("select count(*) from initiative where proposer = ?")
        .param(proposer)
        .query(Long.class)
        .single();
  }
}
