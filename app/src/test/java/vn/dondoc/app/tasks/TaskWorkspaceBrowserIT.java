package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.attachments.SampleFiles;
import vn.dondoc.app.directives.DirectiveIssuing;
import vn.dondoc.app.directives.DirectiveIssuing.IssueRequest;
import vn.dondoc.app.directives.DirectiveType;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.time.HanoiTime;

/**
 * The agency workspace for tasks in a real browser, as an officer of the Ministry of Science and
 * Technology (bkhcn): its list against the API's labels, and each step on a task's page checked against
 * what the API reports afterwards (files against the bytes sent, read back through the page's /tep/{id});
 * refused input stays on the page and stores nothing.
 */
class TaskWorkspaceBrowserIT extends BrowserTest {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String LIST = "/lam-viec/nhiem-vu";

  @Autowired
  DirectiveIssuing directives;

  @Autowired
  JdbcClient jdbc;

  private final String standingOffice = Api.token("thuongtruc");
  private final String officer = Api.token("canbo.bkhcn");

  @Test
  void theListShowsTheAgencysTasksWithTheirTimelinessAndDaysButNotAnotherAgencys() {
    LocalDate today = today();
    Issued issued = issue(List.of(
        Directives.task("1.a", "bkhcn", today.plusDays(30)),
        Directives.task("1.b", "bkhcn", today.plusDays(3)),
        Directives.task("1.c", "btc", today.plusDays(40), "bkhcn"),
        Directives.task("1.d", "hanoi", today.plusDays(10))));
    List<String> codes = issued.codes();
    String overdueSymbol = Directives.freshSymbol();
    String overdue = directives
        .takeOver(
            new IssueRequest(
                DirectiveType.CONCLUSION_NOTICE,
                overdueSymbol,
                today.minusMonths(3),
                "Cơ quan Thường trực Ban Chỉ đạo Trung ương",
                "Văn bản ban hành trước khi có Dondoc",
                List.of(new TaskSpec(
                    "2",
                    null,
                    TaskField.FINANCE,
                    "Ban hành hướng dẫn khoán chi đến sản phẩm cuối cùng",
                    false,
                    null,
                    "bkhcn",
                    List.of(),
                    null,
                    today.minusDays(12),
                    null,
                    EvidenceLevel.L1))),
            "thuongtruc")
        .tasks()
        .get(0)
        .caseCode();

    browser.dropAllCookies();
    browser.signIn(LIST, "canbo.bkhcn");
    assertThat(browser.find("h1").getText()).isEqualTo("Nhiệm vụ của cơ quan");
    assertThat(browser.find("header nav a[aria-current=page]").getText())
        .isEqualTo("Nhiệm vụ của cơ quan");
    filter(issued.symbol(), null);
    assertThat(browser.byId("task-count").getText()).isEqualTo("Có 3 nhiệm vụ");

    Map<String, String> expectedLabels = Map.of(
        codes.get(0),
        "IN_PROGRESS_ON_TIME",
        codes.get(1),
        "NEAR_DUE",
        codes.get(2),
        "IN_PROGRESS_ON_TIME",
        overdue,
        "OVERDUE");
    for (String code : List.of(codes.get(0), codes.get(1), codes.get(2), overdue)) {
      if (code.equals(overdue)) {
        filter(overdueSymbol, null);
      }
      JsonNode summary = api().get("/api/v1/tasks/" + code, officer).json().path("summary");
      WebElement row = browser.find("tr[data-case='" + code + "']");
      WebElement badge = row.findElement(By.cssSelector(".timeliness .badge"));
      assertThat(badge.getAttribute("data-code"))
          .isEqualTo(summary.path("timeliness").path("code").asText())
          .isEqualTo(expectedLabels.get(code));
      assertThat(badge.getText())
          .endsWith(summary.path("timeliness").path("label").asText());
      assertThat(row.findElement(By.cssSelector(".days")).getText()).isEqualTo(days(summary));
      assertThat(row.findElement(By.cssSelector(".deadline")).getText())
          .startsWith(LocalDate.parse(summary.path("currentDeadline").asText()).format(DAY));
      assertThat(row.findElement(By.cssSelector(".directive")).getText())
          .isEqualTo(summary.path("directive").asText());
      assertThat(row.findElement(By.cssSelector(".status")).getText())
          .isEqualTo(summary.path("status").path("label").asText());
      assertThat(row.findElement(By.cssSelector("a.task-link")).getAttribute("href"))
          .endsWith(LIST + "/" + code);
    }
    assertThat(browser.find("tr[data-case='" + overdue + "'] .days").getText())
        .isEqualTo("quá hạn 12 ngày");
    filter(issued.symbol(), null);
    assertThat(browser.find("tr[data-case='" + codes.get(1) + "'] .days").getText())
        .isEqualTo("còn 3 ngày");
    assertThat(browser.find("tr[data-case='" + codes.get(2) + "'] .title").getText())
        .contains("Phối hợp");
    assertThat(browser.findAll("tr[data-case='" + codes.get(3) + "']"))
        .as("another agency's task")
        .isEmpty();
    browser.assertNoConsoleErrors();
    browser.screenshots("nhiem-vu");

    browser.open(LIST + "/" + overdue);
    assertThat(browser.byId("task-timeliness").getText() + " "
            + browser.byId("task-days").getText())
        .as("the task page's header names the delay once")
        .isEqualTo("Quá hạn 12 ngày");
    browser.open(LIST);

    filter(overdueSymbol, "OVERDUE");
    assertThat(browser.url()).contains("timeliness=OVERDUE");
    assertThat(browser.findAll("tr[data-case='" + overdue + "']")).hasSize(1);
    browser.open(LIST + "?timeliness=OVERDUE");
    assertThat(browser.findAll("tr[data-case='" + codes.get(0) + "']")).isEmpty();
    assertThat(browser.findAll("#tasks tbody .badge"))
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.getAttribute("data-code")).isEqualTo("OVERDUE"));

    browser.open(LIST + "?sort=-deadline");
    assertThat(
            new Select(browser.byId("filter-sort")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("-deadline");
    List<LocalDate> descending = deadlines();
    assertThat(descending).isSortedAccordingTo((a, b) -> b.compareTo(a));
    browser.open(LIST + "?sort=deadline");
    assertThat(deadlines()).isSorted();
    browser.assertNoConsoleErrors();
  }

  @Test
  void anOfficerAcknowledgesAndReportsProgressAndTheTextSurvivesAnEndedSession() {
    String code =
        issue(List.of(Directives.task("1", "bkhcn", today().plusDays(30)))).get(0);
    browser.dropAllCookies();
    browser.signIn(LIST + "/" + code, "canbo.bkhcn");
    assertThat(browser.byId("case-code").getText()).isEqualTo(code);
    assertThat(browser.byId("task-status").getAttribute("data-code")).isEqualTo("ASSIGNED");
    assertThat(browser.byId("history-link").getAttribute("href")).endsWith("/ho-so/" + code);
    assertThat(browser.findAll("#completion"))
        .as("not acknowledged: the API refuses a completion report")
        .isEmpty();

    browser.byId("acknowledgeNote").sendKeys("Giao Vụ Pháp chế chủ trì soạn thảo");
    // pressed twice, as an impatient person does: one acknowledgement, the page says so, no error
    // page
    pressTwice("acknowledge-submit");
    assertThat(browser.byId("notice").getText()).isEqualTo("Đã tiếp nhận nhiệm vụ.");
    assertThat(browser.findAll("#acknowledge-error, .alert.error")).isEmpty();
    assertThat(jdbc.sql(
                "select count(*) from audit_event where case_code = ? and action = 'TASK_ACKNOWLEDGED'")
            .param(code)
            .query(Integer.class)
            .single())
        .isEqualTo(1);
    browser.assertNoConsoleErrors();
    JsonNode task = task(code);
    assertThat(task.path("summary").path("status").path("code").asText()).isEqualTo("IN_PROGRESS");
    assertThat(task.path("acknowledgedAt").isNull()).isFalse();
    assertThat(browser.findAll("#acknowledge")).isEmpty();
    assertThat(browser.findAll("#completion")).hasSize(1);

    // No report text: refused next to the field, the percentage kept, nothing stored.
    browser.byId("progressPercent").sendKeys("40");
    submit("progress-submit");
    assertThat(browser.byId("progressText-error").getText()).isEqualTo("Bắt buộc nhập mục này.");
    assertThat(browser.byId("progressText").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.byId("progressPercent").getAttribute("value")).isEqualTo("40");
    assertThat(task(code).path("progressReports")).isEmpty();

    browser.byId("progressText").sendKeys("Đã hoàn thành dự thảo thông tư, đang lấy ý kiến các bộ");
    submit("progress-submit");
    assertThat(browser.byId("notice").getText()).isEqualTo("Đã ghi báo cáo tiến độ.");
    JsonNode reports = task(code).path("progressReports");
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).path("percent").asInt()).isEqualTo(40);
    assertThat(reports.get(0).path("text").asText())
        .isEqualTo("Đã hoàn thành dự thảo thông tư, đang lấy ý kiến các bộ");
    assertThat(browser.find("#progress-reports tbody").getText())
        .contains("40 %", "Đã hoàn thành dự thảo thông tư")
        .as("who reported, by name")
        .contains("· Lê Thị Hương")
        .doesNotContain("canbo.bkhcn");

    // The session ends while typing: the post signs in again and the text comes back.
    WebElement percent = browser.byId("progressPercent");
    percent.clear();
    percent.sendKeys("60");
    String typed = "Đã trình Bộ trưởng ký ban hành <b>thông tư</b> & gửi Bộ Tư pháp";
    browser.byId("progressText").sendKeys(typed);
    browser.dropAllCookies();
    browser.byId("progress-submit").click();
    browser.waitFor(d -> browser.onKeycloakLogin());
    browser.logInAtKeycloak("canbo.bkhcn");
    browser.waitFor(
        d -> d.getCurrentUrl().contains(LIST + "/" + code) && !browser.onKeycloakLogin());
    browser.visible("#draft-restored");
    assertThat(browser.byId("progressText").getAttribute("value")).isEqualTo(typed);
    assertThat(browser.byId("progressPercent").getAttribute("value")).isEqualTo("60");
    assertThat(task(code).path("progressReports").get(0).path("percent").asInt())
        .as("nothing sent yet")
        .isEqualTo(40);
    submit("progress-submit");
    assertThat(browser.byId("notice").getText()).isEqualTo("Đã ghi báo cáo tiến độ.");
    reports = task(code).path("progressReports");
    assertThat(reports).as("the month's report replaced").hasSize(1);
    assertThat(reports.get(0).path("percent").asInt()).isEqualTo(60);
    assertThat(reports.get(0).path("text").asText()).isEqualTo(typed);
    assertThat(browser.find("#progress-reports tbody").getText()).contains(typed);
    browser.assertNoConsoleErrors();
  }

  @Test
  void anOfficerReportsCompletionWithSeveralFilesAndASecondItem() throws IOException {
    String code =
        issue(List.of(Directives.task("1", "bkhcn", today().plusDays(20)))).get(0);
    acknowledge(code);
    browser.dropAllCookies();
    browser.signIn(LIST + "/" + code, "canbo.bkhcn");
    assertThat(browser.byId("item-1").getAttribute("open"))
        .as("a second item unfolds on demand")
        .isNull();

    browser.byId("summary").sendKeys("Đã ban hành thông tư theo đúng nội dung được giao.");
    new Select(browser.byId("kind0")).selectByValue("ISSUED_DOCUMENT");
    new Select(browser.byId("level0")).selectByValue("L1");
    browser.byId("description0").sendKeys("Thông tư đã được ký ban hành, kèm phụ lục");
    setDate("documentDate0", today().minusDays(1));

    // The decision and its annex, with the document number missing: refused, both files kept for
    // the next try.
    Path dir = Files.createTempDirectory("dondoc-evidence");
    byte[] decision = SampleFiles.onePagePdf("Thong tu 12/2026/TT-BKHCN");
    byte[] annex = SampleFiles.picture(120, 80);
    Path decisionFile = Files.write(dir.resolve("thong-tu-12.pdf"), decision);
    Path annexFile = Files.write(dir.resolve("phụ lục 1.png"), annex);
    chooseFiles("files0", decisionFile, annexFile);
    submit("completion-submit");
    assertThat(browser.byId("documentNumber0-error").getText())
        .isEqualTo("Số, ký hiệu văn bản là bắt buộc");
    List<WebElement> kept = browser.findAll("#files0-kept .kept-file label");
    assertThat(kept)
        .extracting(WebElement::getText)
        .containsExactly(
            "thong-tu-12.pdf (" + decision.length + " byte, application/pdf)",
            "phụ lục 1.png (" + annex.length + " byte, image/png)");
    assertThat(browser.findAll("#files0-kept input[type=checkbox]"))
        .allSatisfy(box -> assertThat(box.isSelected()).isTrue());
    assertThat(submissions(code)).isEmpty();
    assertThat(task(code).path("summary").path("status").path("code").asText())
        .isEqualTo("IN_PROGRESS");

    // A second item, a system in use with a screenshot, unfolded from its summary.
    browser.byId("documentNumber0").sendKeys("12/2026/TT-BKHCN");
    browser.find("#item-1 > summary").click();
    new Select(browser.byId("kind1")).selectByValue("SYSTEM_IN_USE");
    new Select(browser.byId("level1")).selectByValue("L3");
    browser.byId("description1").sendKeys("Hệ thống đã vận hành chính thức");
    browser.byId("systemUrl1").sendKeys("https://dichvucong.gov.vn");
    setDate("goLiveDate1", today().minusDays(10));
    byte[] screenshot = SampleFiles.picture(200, 100);
    chooseFiles("files1", Files.write(dir.resolve("man-hinh.png"), screenshot));
    browser.screenshots("nhiem-vu-bao-cao");
    submit("completion-submit");
    assertThat(browser.byId("notice").getText())
        .isEqualTo("Đã gửi báo cáo hoàn thành; minh chứng đang chờ thẩm định.");

    JsonNode sent = submissions(code);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).path("submission").path("status").asText()).isEqualTo("SUBMITTED");
    JsonNode items = sent.get(0).path("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).path("documentNumber").asText()).isEqualTo("12/2026/TT-BKHCN");
    assertThat(items.get(1).path("kind").asText()).isEqualTo("SYSTEM_IN_USE");
    assertThat(items.get(1).path("systemUrl").asText()).isEqualTo("https://dichvucong.gov.vn");
    Map<String, JsonNode> files = new HashMap<>();
    sent.get(0).path("files").forEach(file -> files.put(file.path("id").asText(), file));
    List<String> firstItem = ids(items.get(0).path("attachmentIds"));
    List<String> secondItem = ids(items.get(1).path("attachmentIds"));
    assertThat(firstItem).hasSize(2);
    assertThat(secondItem).hasSize(1);
    assertThat(firstItem)
        .extracting(id -> files.get(id).path("filename").asText())
        .containsExactly("thong-tu-12.pdf", "phụ lục 1.png");
    assertThat(files.get(secondItem.get(0)).path("filename").asText()).isEqualTo("man-hinh.png");
    assertThat(task(code).path("summary").path("status").path("code").asText())
        .isEqualTo("COMPLETION_SUBMITTED");

    // Each item shows its own files, in the order chosen, and each opens from /tep/{id} with the
    // bytes sent.
    WebElement shown = browser.find("article.submission[data-status=SUBMITTED]");
    assertThat(shown.findElement(By.cssSelector(".submission-status")).getText())
        .isEqualTo("Đã nộp, chờ thẩm định");
    List<WebElement> itemRows = shown.findElements(By.cssSelector("ul.items > li"));
    assertThat(itemRows).hasSize(2);
    assertThat(itemRows.get(0).findElements(By.cssSelector(".evidence-file .name")))
        .extracting(WebElement::getText)
        .containsExactly("thong-tu-12.pdf", "phụ lục 1.png");
    assertThat(itemRows.get(1).findElements(By.cssSelector(".evidence-file .name")))
        .extracting(WebElement::getText)
        .containsExactly("man-hinh.png");
    assertThat(
            itemRows.get(0).findElement(By.cssSelector(".evidence-file .size")).getText())
        .isEqualTo(decision.length + " byte");
    assertThat(
            itemRows.get(0).findElement(By.cssSelector(".evidence-file .type")).getText())
        .isEqualTo("application/pdf");
    Map<String, byte[]> expected =
        Map.of(firstItem.get(0), decision, firstItem.get(1), annex, secondItem.get(0), screenshot);
    for (WebElement link : shown.findElements(By.cssSelector(".evidence-file a.name"))) {
      String id = link.getAttribute("href").replaceFirst(".*/tep/", "");
      assertThat(expected)
          .as("the file opens from the page (the page session's /tep/{id})")
          .containsKey(id);
      assertDownloads(link.getAttribute("href"), expected.get(id));
    }
    assertThat(browser.findAll("#completion"))
        .as("under review: the API refuses another report")
        .isEmpty();
    browser.assertNoConsoleErrors();
    browser.screenshots("nhiem-vu-chi-tiet");
  }

  @Test
  void aRefusedFileAmongSeveralIsNamedAndNothingIsStored() throws IOException {
    String code =
        issue(List.of(Directives.task("1", "bkhcn", today().plusDays(20)))).get(0);
    acknowledge(code);
    browser.dropAllCookies();
    browser.signIn(LIST + "/" + code, "canbo.bkhcn");

    browser.byId("summary").sendKeys("Đã ban hành thông tư theo đúng nội dung được giao.");
    new Select(browser.byId("kind0")).selectByValue("ISSUED_DOCUMENT");
    browser.byId("description0").sendKeys("Thông tư đã được ký ban hành");
    browser.byId("documentNumber0").sendKeys("12/2026/TT-BKHCN");
    setDate("documentDate0", today().minusDays(1));
    // Two good files and, between them, an HTML page named .pdf, which the checks of every upload
    // refuse.
    Path dir = Files.createTempDirectory("dondoc-evidence");
    Path good = Files.write(dir.resolve("thong-tu-12.pdf"), SampleFiles.pdf());
    Path fake = Files.write(
        dir.resolve("ghi-chu.pdf"),
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    chooseFiles("files0", good, fake);
    browser.find("#item-1 > summary").click();
    new Select(browser.byId("kind1")).selectByValue("OTHER");
    browser.byId("description1").sendKeys("Ảnh chụp buổi công bố");
    chooseFiles("files1", Files.write(dir.resolve("cong-bo.png"), SampleFiles.picture(160, 90)));
    long attachmentsBefore = attachments();
    submit("completion-submit");

    assertThat(browser.byId("files0-error").getText())
        .isEqualTo(
            "Tệp minh chứng „ghi-chu.pdf“ là HTML, SVG, XML hoặc tập lệnh, không được đính kèm");
    assertThat(browser.byId("files0").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findAll("#files0-kept, #files1-kept"))
        .as("no file kept: none was stored")
        .isEmpty();
    assertThat(attachments())
        .as("the good files are not staged either")
        .isEqualTo(attachmentsBefore);
    assertThat(submissions(code)).isEmpty();
    assertThat(browser.byId("summary").getAttribute("value"))
        .isEqualTo("Đã ban hành thông tư theo đúng nội dung được giao.");
    assertThat(browser.byId("documentNumber0").getAttribute("value")).isEqualTo("12/2026/TT-BKHCN");
    assertThat(browser.byId("item-1").getAttribute("open"))
        .as("the second item holds what was typed: unfolded")
        .isNotNull();
    assertThat(browser.byId("description1").getAttribute("value"))
        .isEqualTo("Ảnh chụp buổi công bố");
    assertThat(new Select(browser.byId("kind1")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("OTHER");
    browser.assertNoConsoleErrors();
  }

  @Test
  void anOfficerRequestsAnExtensionWithADocumentAfterABadDateIsRefused() throws IOException {
    LocalDate deadline = today().plusDays(30);
    String code = issue(List.of(Directives.task("1", "bkhcn", deadline))).get(0);
    acknowledge(code);
    browser.dropAllCookies();
    browser.signIn(LIST + "/" + code, "canbo.bkhcn");

    setDate("proposedDeadline", deadline.minusDays(5));
    new Select(browser.byId("reason")).selectByValue("PROCUREMENT");
    browser
        .byId("narrative")
        .sendKeys("Gói thầu thuê dịch vụ đang chờ phê duyệt kết quả lựa chọn nhà thầu");
    setDate("milestoneDate0", deadline.plusDays(10));
    browser.byId("milestoneText0").sendKeys("Ký hợp đồng");
    byte[] plan = SampleFiles.onePagePdf("Ke hoach lua chon nha thau");
    Path dir = Files.createTempDirectory("dondoc-extension");
    chooseFiles("documents", Files.write(dir.resolve("kế hoạch lựa chọn nhà thầu.pdf"), plan));
    submit("extension-submit");
    assertThat(browser.byId("proposedDeadline-error").getText())
        .isEqualTo("Thời hạn đề nghị phải sau thời hạn đang áp dụng và không trước hôm nay");
    assertThat(browser.byId("proposedDeadline").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.byId("narrative").getAttribute("value"))
        .isEqualTo("Gói thầu thuê dịch vụ đang chờ phê duyệt kết quả lựa chọn nhà thầu");
    assertThat(browser.find("#documents-kept .kept-file label").getText())
        .isEqualTo("kế hoạch lựa chọn nhà thầu.pdf (" + plan.length + " byte, application/pdf)");
    assertThat(api().get("/api/v1/tasks/" + code + "/extensions", officer).json())
        .isEmpty();

    LocalDate proposed = deadline.plusMonths(2);
    setDate("proposedDeadline", proposed);
    browser.byId("milestoneDate0").clear();
    browser.byId("milestoneDate0").sendKeys("31/02/" + proposed.getYear());
    submit("extension-submit");
    assertThat(browser.byId("milestoneDate0-error").getText())
        .isEqualTo("Ngày của mốc lộ trình phải là ngày dạng dd/mm/yyyy, ví dụ 17/02/2026");
    assertThat(browser.findAll("#proposedDeadline-error")).isEmpty();
    assertThat(browser.findAll("#documents-kept .kept-file"))
        .as("still kept, not uploaded again")
        .hasSize(1);
    assertThat(api().get("/api/v1/tasks/" + code + "/extensions", officer).json())
        .isEmpty();

    setDate("milestoneDate0", deadline.plusDays(10));
    submit("extension-submit");
    assertThat(browser.byId("notice").getText()).isEqualTo("Đã gửi đề nghị gia hạn.");
    JsonNode asked = api().get("/api/v1/tasks/" + code + "/extensions", officer).json();
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0).path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(asked.get(0).path("proposedDeadline").asText()).isEqualTo(proposed.toString());
    assertThat(asked.get(0).path("reason").asText()).isEqualTo("PROCUREMENT");
    assertThat(asked.get(0).path("milestones").get(0).path("milestone").asText())
        .isEqualTo("Ký hợp đồng");
    List<String> attached = jdbc.sql(
            "select filename from attachment where owner_type = 'extension' and owner_id = ?")
        .param(asked.get(0).path("id").asLong())
        .query(String.class)
        .list();
    assertThat(attached).containsExactly("kế hoạch lựa chọn nhà thầu.pdf");
    WebElement shown = browser.find("article.extension-request[data-status=SUBMITTED]");
    assertThat(shown.getText())
        .contains(asked.get(0).path("caseCode").asText(), proposed.format(DAY), "Ký hợp đồng");
    WebElement link = shown.findElement(By.cssSelector(".extension-file a.name"));
    assertThat(link.getText()).isEqualTo("kế hoạch lựa chọn nhà thầu.pdf");
    assertDownloads(link.getAttribute("href"), plan);
    assertThat(browser.findAll("#extension"))
        .as("one request pending: the API refuses another")
        .isEmpty();
    browser.assertNoConsoleErrors();
  }

  @Test
  void anAgencyLeaderFindsTheTasksFromTheMenu() {
    Issued issued = issue(List.of(Directives.task("1", "bkhcn", today().plusDays(15))));
    String code = issued.get(0);
    browser.dropAllCookies();
    browser.signIn("/lam-viec", "lanhdao.bkhcn");
    WebElement link = browser.find("header nav a[href='" + LIST + "']");
    assertThat(link.getText()).isEqualTo("Nhiệm vụ của cơ quan");
    link.click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith(LIST));
    filter(issued.symbol(), null);
    WebElement row = browser.find("tr[data-case='" + code + "']");
    assertThat(row.findElement(By.cssSelector(".badge")).getAttribute("data-code"))
        .isEqualTo("IN_PROGRESS_ON_TIME");
    assertThat(row.findElement(By.cssSelector(".days")).getText()).isEqualTo("còn 15 ngày");
    row.findElement(By.cssSelector("a.task-link")).click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith(LIST + "/" + code));
    assertThat(browser.byId("task-days").getText()).isEqualTo("còn 15 ngày");
    browser.assertNoConsoleErrors();
    browser.dropAllCookies();
  }

  @Test
  void aLongListIsPagedInDeadlineOrderKeepingItsFilters() {
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (int n = 0; n < 55; n++) {
      // deadlines out of the order of the codes, so that only the list's own sort puts them in
      // order
      tasks.add(Directives.task("P." + n, "bkhcn", today().plusDays(1 + (n * 37) % 55)));
    }
    Issued issued = issue(tasks);

    browser.dropAllCookies();
    browser.signIn(LIST, "canbo.bkhcn");
    filter(issued.symbol(), null);
    assertThat(browser.byId("task-count").getText()).isEqualTo("Có 55 nhiệm vụ");
    assertThat(browser.findAll("#tasks tbody tr")).hasSize(50);
    assertThat(browser.find("nav.pager span").getText()).isEqualTo("Trang 1/2");
    List<LocalDate> first = deadlines();
    assertThat(first).isSorted();
    List<String> seen = new ArrayList<>(codesShown());

    WebElement next = browser.byId("page-next");
    next.click();
    browser.waitUntilGone(next);
    assertThat(browser.url()).contains("trang=2");
    assertThat(new Select(browser.byId("filter-directive"))
            .getFirstSelectedOption()
            .getText())
        .isEqualTo(issued.symbol());
    assertThat(browser.find("nav.pager span").getText()).isEqualTo("Trang 2/2");
    List<LocalDate> second = deadlines();
    assertThat(second).hasSize(5).isSorted();
    assertThat(second.get(0)).isAfterOrEqualTo(first.get(first.size() - 1));
    seen.addAll(codesShown());
    assertThat(seen).containsExactlyInAnyOrderElementsOf(issued.codes());

    browser.open(LIST + "?trang=99&directive=" + issued.symbol());
    assertThat(browser.find("nav.pager span").getText())
        .as("a page past the end shows the last")
        .isEqualTo("Trang 2/2");
    browser.assertNoConsoleErrors();
    browser.dropAllCookies();
  }

  private List<String> codesShown() {
    return browser.findAll("#tasks tbody tr").stream()
        .map(row -> row.getAttribute("data-case"))
        .toList();
  }

  private static LocalDate today() {
    return LocalDate.now(HanoiTime.ZONE);
  }

  /** What the list shows in its days column for a task, from the API's labels and original deadline. */
  private static String days(JsonNode summary) {
    String label = summary.path("timeliness").path("code").asText();
    LocalDate original = LocalDate.parse(summary.path("originalDeadline").asText());
    return switch (label) {
      case "OVERDUE" -> "quá hạn " + ChronoUnit.DAYS.between(original, today()) + " ngày";
      case "NEAR_DUE", "IN_PROGRESS_ON_TIME" -> {
        long left = ChronoUnit.DAYS.between(today(), original);
        yield left == 0 ? "đến hạn hôm nay" : "còn " + left + " ngày";
      }
      default -> "—";
    };
  }

  private List<LocalDate> deadlines() {
    List<LocalDate> days = new ArrayList<>();
    for (WebElement cell : browser.findAll("#tasks tbody .deadline")) {
      String text = cell.getText();
      if (text.matches("\\d{2}/\\d{2}/\\d{4}.*")) {
        days.add(LocalDate.parse(text.substring(0, 10), DAY));
      }
    }
    assertThat(days).hasSizeGreaterThan(1);
    return days;
  }

  /** A directive issued through the API: its symbol and its tasks' case codes. */
  private record Issued(String symbol, List<String> codes) {
    String get(int task) {
      return codes.get(task);
    }
  }

  private Issued issue(List<Map<String, Object>> tasks) {
    String symbol = Directives.freshSymbol();
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(symbol, tasks)),
            standingOffice,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    List<String> codes = new ArrayList<>();
    issued.json().path("caseCodes").forEach(code -> codes.add(code.asText()));
    return new Issued(symbol, codes);
  }

  /** Chooses the filters in the list's form and applies them, as a person does. */
  private void filter(String directive, String timeliness) {
    new Select(browser.byId("filter-directive")).selectByValue(directive);
    if (timeliness != null) {
      new Select(browser.byId("filter-timeliness")).selectByValue(timeliness);
    }
    WebElement apply = browser.byId("filter-apply");
    apply.click();
    browser.waitUntilGone(apply);
  }

  private void acknowledge(String code) {
    assertThat(api()
            .postJson("/api/v1/tasks/" + code + "/acknowledge", "{}", officer, Map.of())
            .status())
        .isEqualTo(200);
  }

  private JsonNode task(String code) {
    return api().get("/api/v1/tasks/" + code, officer).json();
  }

  private JsonNode submissions(String code) {
    return api().get("/api/v1/tasks/" + code + "/submissions", officer).json();
  }

  /** Chooses files in an {@code <input type="file" multiple>}, as a person picking several at once. */
  private void chooseFiles(String inputId, Path... files) {
    browser
        .byId(inputId)
        .sendKeys(Arrays.stream(files)
            .map(file -> file.toAbsolutePath().toString())
            .collect(Collectors.joining("\n")));
  }

  /** GETs a file with the page's session, as a click on its link would, and compares the bytes with what was sent. */
  @SuppressWarnings("unchecked")
  private void assertDownloads(String url, byte[] sent) {
    Map<String, Object> got = (Map<String, Object>) browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'})
          .then(r => r.arrayBuffer().then(body => crypto.subtle.digest('SHA-256', body)
            .then(hash => done({status: r.status, size: body.byteLength,
              sha256: Array.from(new Uint8Array(hash)).map(b => b.toString(16).padStart(2, '0')).join('')}))));
        """, url);
    assertThat(got.get("status")).as(url).isEqualTo(200L);
    assertThat(got.get("size")).as(url).isEqualTo((long) sent.length);
    assertThat(got.get("sha256")).as(url).isEqualTo(sha256(sent));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private long attachments() {
    return jdbc.sql("select count(*) from attachment").query(Long.class).single();
  }

  /** Types a date as people here write it, dd/MM/yyyy. */
  private void setDate(String id, LocalDate day) {
    WebElement input = browser.byId(id);
    input.clear();
    input.sendKeys(day.format(DAY));
  }

  /** Sends a form with its button and waits for the page the post redirects to. */
  /** Two presses of a button in a row, the second before the page has answered the first. */
  private void pressTwice(String buttonId) {
    WebElement button = browser.byId(buttonId);
    browser.driver().executeScript("arguments[0].click(); arguments[0].click();", button);
    browser.waitUntilGone(button);
    browser.waitFor(d ->
        "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  private void submit(String buttonId) {
    WebElement button = browser.byId(buttonId);
    button.click();
    browser.waitUntilGone(button);
    browser.waitFor(d ->
        "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }
}
