package vn.dondoc.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;

/**
 * What came back reaches the officer: the reviewer returns a completion report on the review page with a note;
 * the agency officer finds the step badged in "Việc của tôi" and, on the task page and the case page, the banner
 * with the note, the reviewer's name and the time the return was recorded. New evidence answers it: the banner and
 * the badge are gone. The standing office's question about an extension is on the step page where it is answered.
 */
class NoticeBannerBrowserIT extends BrowserTest {

  private static final String NOTE = "Thiếu bản có chữ ký số của Thông tư 14/2026/TT-BKHCN";

  @Autowired
  JdbcClient jdbc;

  private final String officer = Api.token("canbo.bkhcn");

  @Test
  void aReturnedReportIsBadgedAndBannedWithTheReviewersNoteUntilNewEvidenceIsSent() {
    String code = issueAcknowledgeAndReport();

    browser.dropAllCookies();
    browser.signIn("/tham-dinh/" + code, "thamdinh");
    browser.find("label[for=reviewDecision-return]").click();
    browser.byId("reviewNote").sendKeys(NOTE);
    browser.byId("decide").click();
    browser.textIn("#notice", code);
    OffsetDateTime returnedAt = jdbc.sql(
            "select occurred_at from audit_event where case_code = ? and action = 'EVIDENCE_RETURNED'")
        .param(code)
        .query(OffsetDateTime.class)
        .single();
    String at = DisplayDates.DAY_AND_TIME.format(returnedAt.atZoneSameInstant(HanoiTime.ZONE));

    browser.dropAllCookies();
    browser.signIn("/lam-viec?buoc=ReportCompletion", "canbo.bkhcn");
    WebElement row = rowOf(code, "ReportCompletion");
    assertThat(row.findElement(By.cssSelector(".badge.returned")).getText())
        .isEqualTo("Bổ sung minh chứng");
    assertThat(row.findElement(By.cssSelector(".return-note")).getText())
        .isEqualTo("Ghi chú: " + NOTE);
    browser.assertNoConsoleErrors();
    browser.screenshots("lam-viec-tra-lai");

    row.findElement(By.cssSelector("a.work-link")).click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith("/lam-viec/nhiem-vu/" + code));
    assertBanner(at);
    browser.assertNoConsoleErrors();
    browser.screenshots("nhiem-vu-tra-lai");

    browser.open("/ho-so/" + code);
    assertBanner(at);

    Api.Response again = api()
        .postJson(
            "/api/v1/tasks/" + code + "/completion",
            Api.toJson(Directives.documentEvidence("14/2026/TT-BKHCN")),
            officer,
            Map.of());
    assertThat(again.status()).as(again.raw().body()).isEqualTo(201);
    browser.open("/lam-viec/nhiem-vu/" + code);
    assertThat(browser.findAll("#notice-banner"))
        .as("new evidence answers the return")
        .isEmpty();
    browser.open("/ho-so/" + code);
    assertThat(browser.findAll("#notice-banner")).isEmpty();
  }

  @Test
  void theStandingOfficesQuestionAboutAnExtensionIsOnTheStepPage() {
    String task = issueAcknowledged();
    LocalDate proposed = LocalDate.now(HanoiTime.ZONE).plusMonths(4);
    Api.Response requested = api()
        .postJson(
            "/api/v1/tasks/" + task + "/extensions",
            Api.toJson(Map.of(
                "proposedDeadline",
                proposed.toString(),
                "reason",
                "PROCUREMENT",
                "narrative",
                "Gói thầu đang chờ phê duyệt kết quả lựa chọn nhà thầu",
                "milestones",
                List.of(Map.of(
                    "date", proposed.minusMonths(1).toString(), "milestone", "Ký hợp đồng")))),
            officer,
            Map.of());
    assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
    String extension = requested.json().path("caseCode").asText();
    String question = "Cho biết ngày dự kiến ký hợp đồng và đơn vị thẩm định giá.";
    Api.Response asked = api()
        .postJson(
            "/api/v1/extensions/" + extension + "/decision",
            Api.toJson(Map.of("decision", "ask-info", "decisionNote", question)),
            Api.token("thuongtruc"),
            Map.of());
    assertThat(asked.status()).as(asked.raw().body()).isEqualTo(200);
    OffsetDateTime askedAt = jdbc.sql(
            "select occurred_at from audit_event where case_code = ? and action = 'EXTENSION_INFO_REQUESTED'")
        .param(task)
        .query(OffsetDateTime.class)
        .single();

    browser.dropAllCookies();
    browser.signIn("/lam-viec?buoc=ProvideExtensionInfo", "canbo.bkhcn");
    WebElement row = rowOf(extension, "ProvideExtensionInfo");
    assertThat(row.findElement(By.cssSelector(".badge.returned")).getText())
        .isEqualTo("Có câu hỏi");
    row.findElement(By.cssSelector("a.work-link")).click();
    browser.waitFor(d -> d.getCurrentUrl().contains("/lam-viec/viec/"));
    WebElement banner = browser.visible("#notice-banner");
    assertThat(banner.findElement(By.cssSelector(".notice-title")).getText())
        .isEqualTo("Cơ quan Thường trực đề nghị giải trình thêm về đề nghị gia hạn");
    assertThat(banner.findElement(By.cssSelector(".notice-note")).getText()).isEqualTo(question);
    assertThat(banner.findElement(By.cssSelector(".notice-meta")).getText())
        .isEqualTo("Do Trần Minh Đức gửi lúc "
            + DisplayDates.DAY_AND_TIME.format(askedAt.atZoneSameInstant(HanoiTime.ZONE)));
    browser.assertNoConsoleErrors();
    browser.screenshots("lam-viec-cau-hoi");
  }

  private void assertBanner(String at) {
    WebElement banner = browser.visible("#notice-banner");
    assertThat(banner.findElement(By.cssSelector(".notice-title")).getText())
        .isEqualTo("Minh chứng được trả lại để bổ sung");
    assertThat(banner.findElement(By.cssSelector(".notice-note")).getText()).isEqualTo(NOTE);
    assertThat(banner.findElement(By.cssSelector(".notice-meta")).getText())
        .isEqualTo("Do Vũ Thị Lan gửi lúc " + at);
  }

  /** The case's row in the officer's list of one step, on whichever page it falls (earliest due first). */
  private WebElement rowOf(String code, String step) {
    for (int page = 1; page <= 40; page++) {
      if (page > 1) {
        browser.open("/lam-viec?buoc=" + step + "&trang=" + page);
      }
      List<WebElement> rows = browser.findAll("#work-list li[data-case='" + code + "']");
      if (!rows.isEmpty()) {
        return rows.get(0);
      }
      if (browser.findAll("#page-next").isEmpty()) {
        break;
      }
    }
    throw new AssertionError(code + " is not in the officer's list");
  }

  private String issueAcknowledged() {
    LocalDate deadline = LocalDate.now(HanoiTime.ZONE).plusMonths(2);
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(
                Directives.freshSymbol(), List.of(Directives.task("1", "bkhcn", deadline)))),
            Api.token("thuongtruc"),
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    String code = issued.json().path("caseCodes").get(0).asText();
    assertThat(api()
            .postJson("/api/v1/tasks/" + code + "/acknowledge", "{}", officer, Map.of())
            .status())
        .isEqualTo(200);
    return code;
  }

  private String issueAcknowledgeAndReport() {
    String code = issueAcknowledged();
    Api.Response report = api()
        .postJson(
            "/api/v1/tasks/" + code + "/completion",
            Api.toJson(Directives.documentEvidence("14/2026/TT-BKHCN")),
            officer,
            Map.of());
    assertThat(report.status()).as(report.raw().body()).isEqualTo(201);
    return code;
  }
}
