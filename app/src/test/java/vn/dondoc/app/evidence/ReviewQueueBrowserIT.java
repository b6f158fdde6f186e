package vn.dondoc.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.attachments.PdfFixtures;
import vn.dondoc.app.attachments.SampleFiles;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;

/**
 * The reviewer queue in a real browser: an agency officer's completion reports (made through the API)
 * wait for the reviewer oldest first; the reviewer sees the PDF and the image inline, is told what is
 * missing when returning without a note, accepts, and the task is completed as the API reports it. A
 * reviewer of the submitting agency is not offered the decision.
 */
class ReviewQueueBrowserIT extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  private final String standingOffice = Api.token("thuongtruc");
  private final String officer = Api.token("canbo.bkhcn");

  @Test
  void theReviewerSeesTheOldestFirstViewsTheFilesInlineAndAccepts() {
    List<String> codes = issueTwo("bkhcn");
    String withFiles = codes.get(0);
    String withoutFiles = codes.get(1);
    report(withFiles, withFiles());
    report(withoutFiles, Directives.documentEvidence("15/2026/TT-BKHCN"));

    browser.dropAllCookies();
    browser.signIn("/tham-dinh", "thamdinh");
    assertThat(browser.find("h1").getText()).isEqualTo("Thẩm định minh chứng");
    List<String> queue = browser.findAll("#review-queue > li").stream()
        .map(li -> li.getAttribute("data-case"))
        .toList();
    assertThat(queue).contains(withFiles, withoutFiles);
    assertThat(queue.indexOf(withFiles))
        .as("oldest submission first")
        .isLessThan(queue.indexOf(withoutFiles));
    WebElement first = browser.find("#review-queue > li[data-case='" + withFiles + "']");
    assertThat(first.findElement(By.cssSelector(".task-code")).getText())
        .isEqualTo(jdbc.sql("select task_code from task where case_code = ?")
            .param(withFiles)
            .query(String.class)
            .single())
        .endsWith("/3.a");
    assertThat(first.findElement(By.cssSelector(".agency")).getText())
        .isEqualTo("Bộ Khoa học và Công nghệ");
    assertThat(first.findElement(By.cssSelector(".submitted")).getText())
        .isEqualTo(submittedDay(withFiles));
    assertThat(first.findElement(By.cssSelector(".badge.step")).getText()).isEqualTo("Thẩm định");
    // The review's countdown is its REVIEW clock's.
    Instant due = jdbc.sql(
            "select due_at from sla_clock where case_code = ? and stage = 'REVIEW' and state = 'RUNNING'")
        .param(withFiles)
        .query(OffsetDateTime.class)
        .single()
        .toInstant();
    assertThat(first.findElement(By.cssSelector(".sla .due")).getText())
        .isEqualTo("Hạn " + DisplayDates.DAY.format(due.minusNanos(1).atZone(HanoiTime.ZONE)));
    assertThat(first.findElement(By.cssSelector(".sla .countdown")).getText())
        .matches("còn \\d+ ngày làm việc");
    assertThat(browser.find("header nav ul").getText()).contains("Thẩm định minh chứng");
    browser.assertNoConsoleErrors();
    browser.screenshots("tham-dinh");

    first.findElement(By.cssSelector("a.open-review")).click();
    browser.textIn("#review-title", withFiles);
    assertThat(browser.byId("submission-summary").getText())
        .isEqualTo("Đã ban hành thông tư và công bố kết quả kèm ảnh chụp.");
    assertThat(browser.findAll("#item-1 .evidence-file .file-link"))
        .extracting(WebElement::getText)
        .as("an item's files, in the order sent")
        .containsExactly("thong-tu-14.pdf", "phu-luc-14.pdf");
    assertThat(browser.findAll("#item-1 iframe.file-view.pdf")).hasSize(2);
    // Each PDF's signatures are verified before the decision: the signed one is intact (no trust
    // store is
    // configured here, so its chain is not checked); the unsigned copy of an issued document is
    // flagged.
    List<WebElement> files = browser.findAll("#item-1 .evidence-file");
    assertThat(files.get(0).findElement(By.cssSelector(".signature-verdict")).getText())
        .isEqualTo("Có chữ ký số, nội dung nguyên vẹn");
    assertThat(files.get(0).findElement(By.cssSelector(".signer")).getText())
        .isEqualTo("Người ký: Nguyễn Văn An (Bộ Khoa học và Công nghệ)");
    assertThat(files.get(0).findElement(By.cssSelector(".intact")).getText())
        .isEqualTo("chữ ký bao trùm toàn bộ tệp");
    assertThat(files.get(0).findElement(By.cssSelector(".chain")).getText())
        .isEqualTo("chưa kiểm tra chuỗi chứng thư");
    assertThat(files.get(0).findElements(By.cssSelector(".unsigned-issued"))).isEmpty();
    assertThat(files.get(1).findElement(By.cssSelector(".signature-verdict")).getText())
        .isEqualTo("Không có chữ ký số");
    assertThat(files.get(1).findElement(By.cssSelector(".unsigned-issued")).getText())
        .startsWith("Minh chứng là văn bản đã ban hành nhưng tệp PDF này không có chữ ký số");
    WebElement pdf = browser.visible("iframe.file-view.pdf");
    WebElement image = browser.visible("img.file-view.image");
    Map<String, Object> pdfResponse = fetch(pdf.getAttribute("src"));
    assertThat(pdfResponse.get("status")).isEqualTo(200L);
    assertThat(pdfResponse.get("type")).isEqualTo("application/pdf");
    assertThat((String) pdfResponse.get("disposition")).startsWith("inline;");
    assertThat(pdfResponse.get("nosniff")).isEqualTo("nosniff");
    assertThat((String) pdfResponse.get("csp")).contains("default-src 'none'");
    Map<String, Object> imageResponse = fetch(image.getAttribute("src"));
    assertThat(imageResponse.get("status")).isEqualTo(200L);
    assertThat(imageResponse.get("type")).isEqualTo("image/png");
    browser.waitFor(d -> ((Number) browser
                .driver()
                .executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0", image))
            .intValue()
        == 160);
    browser.assertNoConsoleErrors();
    browser.screenshots("tham-dinh-minh-chung");

    // Returning without saying what is missing: the form requires the note; the message is next to
    // it, nothing changes.
    browser.find("label[for=reviewDecision-return]").click();
    browser.byId("decide").click();
    browser.textIn("#reviewNote-error", "Bắt buộc nhập mục này.");
    assertThat(browser.byId("reviewDecision-return").isSelected()).isTrue();
    assertThat(browser.byId("reviewNote").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(submissionStatus(withFiles)).isEqualTo("SUBMITTED");
    assertThat(taskStatus(withFiles)).isEqualTo("COMPLETION_SUBMITTED");

    browser.find("label[for=reviewDecision-accept]").click();
    browser.byId("decide").click();
    browser.textIn("#notice", "Đã chấp nhận minh chứng của nhiệm vụ " + withFiles + ".");
    assertThat(browser.url()).endsWith("/tham-dinh");
    assertThat(browser.findAll("#review-queue > li[data-case='" + withFiles + "']"))
        .isEmpty();
    assertThat(taskStatus(withFiles)).isEqualTo("COMPLETED");
    assertThat(submissionStatus(withFiles)).isEqualTo("ACCEPTED");
    browser.assertNoConsoleErrors();

    // A reviewer of the submitting agency sees the submission but is not offered the decision.
    browser.dropAllCookies();
    browser.signIn("/tham-dinh/" + withoutFiles, "thamdinh.bkhcn");
    assertThat(browser.byId("own-agency").getText())
        .isEqualTo(
            "Cán bộ của cơ quan nộp minh chứng không được thẩm định minh chứng của chính cơ quan mình.");
    assertThat(browser.findAll("#decision-form")).isEmpty();
    browser.dropAllCookies();
    Api.Response accepted = api()
        .postJson(
            "/api/v1/tasks/" + withoutFiles + "/review",
            "{\"reviewDecision\":\"accept\"}",
            Api.token("thamdinh"),
            Map.of());
    assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
  }

  /** GET of a file as the page's own script would, with the session cookie: status and headers. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> fetch(String url) {
    return (Map<String, Object>) browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'}).then(r => done({status: r.status,
          type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
          nosniff: r.headers.get('x-content-type-options'), csp: r.headers.get('content-security-policy')}));
        """, url);
  }

  private List<String> issueTwo(String lead) {
    LocalDate deadline = LocalDate.now(HanoiTime.ZONE).plusMonths(2);
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(
                Directives.freshSymbol(),
                List.of(
                    Directives.task("3.a", lead, deadline),
                    Directives.task("3.b", lead, deadline)))),
            standingOffice,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    List<String> codes = new ArrayList<>();
    issued.json().path("caseCodes").forEach(code -> codes.add(code.asText()));
    for (String code : codes) {
      assertThat(api()
              .postJson("/api/v1/tasks/" + code + "/acknowledge", "{}", officer, Map.of())
              .status())
          .isEqualTo(200);
    }
    return codes;
  }

  private void report(String caseCode, Map<String, Object> body) {
    Api.Response report = api()
        .postJson("/api/v1/tasks/" + caseCode + "/completion", Api.toJson(body), officer, Map.of());
    assertThat(report.status()).as(report.raw().body()).isEqualTo(201);
  }

  /**
   * An issued document with its PDF and annex, and a photo of the results as a PNG (sent as the single
   * {@code attachment} older clients send).
   */
  private Map<String, Object> withFiles() {
    Map<String, Object> body = Directives.documentEvidence("14/2026/TT-BKHCN");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
    items
        .get(0)
        .put(
            "attachments",
            List.of(
                upload(
                    "thong-tu-14.pdf",
                    PdfFixtures.signed(
                        PdfFixtures.selfSignedSigner("Nguyễn Văn An", "Bộ Khoa học và Công nghệ")),
                    "application/pdf"),
                upload(
                    "phu-luc-14.pdf",
                    SampleFiles.onePagePdf("Phu luc thong tu 14/2026/TT-BKHCN"),
                    "application/pdf")));
    Map<String, Object> photo = new HashMap<>();
    photo.put("kind", "OTHER");
    photo.put("level", "L1");
    photo.put("description", "Ảnh chụp buổi công bố kết quả");
    photo.put("attachment", upload("cong-bo.png", SampleFiles.picture(160, 90), "image/png"));
    items.add(photo);
    body.put("summary", "Đã ban hành thông tư và công bố kết quả kèm ảnh chụp.");
    return body;
  }

  private Map<String, Object> upload(String filename, byte[] content, String type) {
    Api.Response uploaded = api().upload(filename, content, type, officer);
    assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(201);
    JsonNode staged = uploaded.json();
    return Map.of(
        "id",
        staged.path("id").asText(),
        "uploadToken",
        staged.path("uploadToken").asText());
  }

  private String submittedDay(String caseCode) {
    OffsetDateTime at = jdbc.sql(
            "select s.submitted_at from evidence_submission s join task t on t.id = s.task_id"
                + " where t.case_code = ? order by s.id desc limit 1")
        .param(caseCode)
        .query(OffsetDateTime.class)
        .single();
    return DisplayDates.DAY.format(at.atZoneSameInstant(HanoiTime.ZONE));
  }

  private String submissionStatus(String caseCode) {
    return api()
        .get("/api/v1/tasks/" + caseCode + "/submissions", officer)
        .json()
        .get(0)
        .path("submission")
        .path("status")
        .asText();
  }

  private String taskStatus(String caseCode) {
    return api()
        .get("/api/v1/tasks/" + caseCode, officer)
        .json()
        .path("summary")
        .path("status")
        .path("code")
        .asText();
  }
}
