package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.app.DondocApplication;
import vn.dondoc.app.attachments.SampleFiles;
import vn.dondoc.app.directives.DirectiveIssuing;
import vn.dondoc.app.directives.DirectiveIssuing.IssueRequest;
import vn.dondoc.app.directives.DirectiveType;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Directives;

/**
 * The agency workspace for tasks in a real browser, as an officer of the Ministry of Science and
 * Technology (bkhcn): its list against the API's labels, and each step on a task's page checked against
 * what the API reports afterwards; refused input stays on the page and stores nothing.
 */
class TaskWorkspaceBrowserIT extends BrowserTest {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String LIST = "/lam-viec/nhiem-vu";

  @Autowired
  DirectiveIssuing directives;

  private final String standingOffice = Api.token("thuongtruc");
  private final String officer = Api.token("canbo.bkhcn");

  @Test
  void theListShowsTheAgencysTasksWithTheirTimelinessAndDaysButNotAnotherAgencys() {
    LocalDate today = today();
    List<String> codes = issue(List.of(
        Directives.task("1.a", "bkhcn", today.plusDays(30)),
        Directives.task("1.b", "bkhcn", today.plusDays(3)),
        Directives.task("1.c", "btc", today.plusDays(40), "bkhcn"),
        Directives.task("1.d", "hanoi", today.plusDays(10))));
    String overdue = directives.takeOver(new IssueRequest(DirectiveType.CONCLUSION_NOTICE, Directives.freshSymbol(),
        today.minusMonths(3), "Cơ quan Thường trực Ban Chỉ đạo Trung ương", "Văn bản ban hành trước khi có Dondoc",
        List.of(new TaskSpec("2", null, TaskField.FINANCE, "Ban hành hướng dẫn khoán chi đến sản phẩm cuối cùng", false,
            null, "bkhcn", List.of(), null, today.minusDays(12), null, EvidenceLevel.L1))), "thuongtruc")
        .tasks().get(0).caseCode();

    browser.dropAllCookies();
    browser.signIn(LIST, "canbo.bkhcn");
    assertThat(browser.find("h1").getText()).isEqualTo("Nhiệm vụ của cơ quan");
    assertThat(browser.find("header nav a[aria-current=page]").getText()).isEqualTo("Nhiệm vụ của cơ quan");

    Map<String, String> expectedLabels = Map.of(codes.get(0), "IN_PROGRESS_ON_TIME", codes.get(1), "NEAR_DUE",
        codes.get(2), "IN_PROGRESS_ON_TIME", overdue, "OVERDUE");
    for (String code : List.of(codes.get(0), codes.get(1), codes.get(2), overdue)) {
      JsonNode summary = api().get("/api/v1/tasks/" + code, officer).json().path("summary");
      WebElement row = browser.find("tr[data-case='" + code + "']");
      WebElement badge = row.findElement(By.cssSelector(".timeliness .badge"));
      assertThat(badge.getAttribute("data-code")).isEqualTo(summary.path("timeliness").path("code").asText())
          .isEqualTo(expectedLabels.get(code));
      assertThat(badge.getText()).endsWith(summary.path("timeliness").path("label").asText());
      assertThat(row.findElement(By.cssSelector(".days")).getText()).isEqualTo(days(summary));
      assertThat(row.findElement(By.cssSelector(".deadline")).getText())
          .startsWith(LocalDate.parse(summary.path("currentDeadline").asText()).format(DAY));
      assertThat(row.findElement(By.cssSelector(".directive")).getText()).isEqualTo(summary.path("directive").asText());
      assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo(summary.path("status").path("label").asText());
      assertThat(row.findElement(By.cssSelector("a.task-link")).getAttribute("href")).endsWith(LIST + "/" + code);
    }
    assertThat(browser.find("tr[data-case='" + codes.get(1) + "'] .days").getText()).isEqualTo("còn 3 ngày");
    assertThat(browser.find("tr[data-case='" + overdue + "'] .days").getText()).isEqualTo("quá hạn 12 ngày");
    assertThat(browser.find("tr[data-case='" + codes.get(2) + "'] .title").getText()).contains("Phối hợp");
    assertThat(browser.findAll("tr[data-case='" + codes.get(3) + "']")).as("another agency's task").isEmpty();
    browser.assertNoConsoleErrors();
    browser.screenshots("nhiem-vu");

    new Select(browser.byId("filter-timeliness")).selectByValue("OVERDUE");
    WebElement apply = browser.byId("filter-apply");
    apply.click();
    browser.waitUntilGone(apply);
    assertThat(browser.url()).contains("timeliness=OVERDUE");
    assertThat(browser.findAll("tr[data-case='" + overdue + "']")).hasSize(1);
    assertThat(browser.findAll("tr[data-case='" + codes.get(0) + "']")).isEmpty();
    assertThat(browser.findAll("#tasks tbody .badge")).allSatisfy(b -> assertThat(b.getAttribute("data-code")).isEqualTo("OVERDUE"));

    browser.open(LIST + "?sort=-deadline");
    assertThat(new Select(browser.byId("filter-sort")).getFirstSelectedOption().getAttribute("value")).isEqualTo("-deadline");
    List<LocalDate> descending = deadlines();
    assertThat(descending).isSortedAccordingTo((a, b) -> b.compareTo(a));
    browser.open(LIST + "?sort=deadline");
    assertThat(deadlines()).isSorted();
    browser.assertNoConsoleErrors();
  }

  @Test
  void anOfficerAcknowledgesAndReportsProgressAndTheTextSurvivesAnEndedSession() {
    String code = issue(List.of(Directives.task("1", "bkhcn", today().plusDays(30)))).get(0);
    browser.dropAllCookies();
    browser.signIn(LIST + "/" + code, "canbo.bkhcn");
    assertThat(browser.byId("case-code").getText()).isEqualTo(code);
    assertThat(browser.byId("task-status").getAttribute("data-code")).isEqualTo("ASSIGNED");
    assertThat(browser.byId("history-link").getAttribute("href")).endsWith("/ho-so/" + code);
    assertThat(browser.findAll("#completion")).as("not acknowledged: the API refuses a completion report").isEmpty();

    browser.byId("ack-note").sendKeys("Giao Vụ Pháp chế chủ trì soạn thảo");
    submit("acknowledge-submit");
    assertThat(browser.byId("notice").getText()).isEqualTo("Đã tiếp nhận nhiệm vụ.");
    JsonNode task = task(code);
    assertThat(task.path("summary").path("status").path("code").asText()).isEqualTo("IN_PROGRESS");
    assertThat(task.path("acknowledgedAt").isNull()).isFalse();
    assertThat(browser.findAll("#acknowledge")).isEmpty();
    assertThat(browser.findAll("#completion")).hasSize(1);

    // No report text: refused next to the field, the percentage kept, nothing stored.
    browser.byId("percent").sendKeys("40");
    submit("progress-submit");
    assertThat(browser.byId("text-error").getText()).isEqualTo("Nội dung báo cáo là bắt buộc");
    assertThat(browser.byId("progress-text").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.byId("percent").getAttribute("value")).isEqualTo("40");
    assertThat(task(code).path("progressReports")).isEmpty();

    browser.byId("progress-text").sendKeys("Đã hoàn thành dự thảo thông tư, đang lấy ý kiến các bộ");
    submit("progress-submit");
    assertThat(browser.byId("notice").getText()).isEqualTo("Đã ghi báo cáo tiến độ.");
    JsonNode reports = task(code).path("progressReports");
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).path("percent").asInt()).isEqualTo(40);
    assertThat(reports.get(0).path("text").asText()).isEqualTo("Đã hoàn thành dự thảo thông tư, đang lấy ý kiến các bộ");
    assertThat(browser.find("#progress-reports tbody").getText()).contains("40 %", "Đã hoàn thành dự thảo thông tư");

    // The session ends while typing: the post signs in again and the text comes back.
    WebElement percent = browser.byId("percent");
    percent.clear();
    percent.sendKeys("60");
    String typed = "Đã trình Bộ trưởng ký ban hành <b>thông tư</b> & gửi Bộ Tư pháp";
    browser.byId("progress-text").sendKeys(typed);
    browser.dropAllCookies();
    browser.byId("progress-submit").click();
    browser.waitFor(d -> browser.onKeycloakLogin());
    browser.logInAtKeycloak("canbo.bkhcn");
    browser.waitFor(d -> d.getCurrentUrl().contains(LIST + "/" + code) && !browser.onKeycloakLogin());
    browser.visible("#draft-restored");
    assertThat(browser.byId("progress-text").getAttribute("value")).isEqualTo(typed);
    assertThat(browser.byId("percent").getAttribute("value")).isEqualTo("60");
    assertThat(task(code).path("progressReports").get(0).path("percent").asInt()).as("nothing sent yet").isEqualTo(40);
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
  void anOfficerUploadsAnEvidenceFileAndReportsCompletion() throws IOException {
    String code = issue(List.of(Directives.task("1", "bkhcn", today().plusDays(20)))).get(0);
    acknowledge(code);
    browser.dropAllCookies();
    browser.signIn(LIST + "/" + code, "canbo.bkhcn");

    browser.byId("summary").sendKeys("Đã ban hành thông tư theo đúng nội dung được giao.");
    new Select(browser.byId("kind")).selectByValue("ISSUED_DOCUMENT");
    new Select(browser.byId("level")).selectByValue("L1");
    browser.byId("description").sendKeys("Thông tư đã được ký ban hành");
    browser.byId("documentNumber").sendKeys("12/2026/TT-BKHCN");
    setDate("documentDate", today().minusDays(1));

    // An HTML page named .pdf is refused by the same checks as every upload.
    Path dir = Files.createTempDirectory("dondoc-evidence");
    Path fake = Files.write(dir.resolve("ghi-chu.pdf"), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    browser.byId("file").sendKeys(fake.toAbsolutePath().toString());
    submit("completion-submit");
    assertThat(browser.byId("file-error").getText()).startsWith("Tệp minh chứng ");
    assertThat(browser.byId("summary").getAttribute("value")).isEqualTo("Đã ban hành thông tư theo đúng nội dung được giao.");
    assertThat(submissions(code)).isEmpty();

    // A real PDF with the document number missing: refused, the uploaded file kept for the next try.
    byte[] pdf = SampleFiles.pdf();
    Path real = Files.write(dir.resolve("thong-tu-12.pdf"), pdf);
    browser.byId("documentNumber").clear();
    browser.byId("file").sendKeys(real.toAbsolutePath().toString());
    submit("completion-submit");
    assertThat(browser.byId("documentNumber-error").getText()).isEqualTo("Số, ký hiệu văn bản là bắt buộc");
    assertThat(browser.byId("staged-file").getText()).contains("thong-tu-12.pdf", pdf.length + " byte", "application/pdf");
    assertThat(submissions(code)).isEmpty();
    assertThat(task(code).path("summary").path("status").path("code").asText()).isEqualTo("IN_PROGRESS");

    browser.byId("documentNumber").sendKeys("12/2026/TT-BKHCN");
    submit("completion-submit");
    assertThat(browser.byId("notice").getText()).isEqualTo("Đã gửi báo cáo hoàn thành; minh chứng đang chờ thẩm định.");
    JsonNode sent = submissions(code);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).path("submission").path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(sent.get(0).path("items").get(0).path("documentNumber").asText()).isEqualTo("12/2026/TT-BKHCN");
    JsonNode file = sent.get(0).path("files").get(0);
    assertThat(file.path("filename").asText()).isEqualTo("thong-tu-12.pdf");
    assertThat(file.path("sizeBytes").asLong()).isEqualTo(pdf.length);
    assertThat(file.path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(task(code).path("summary").path("status").path("code").asText()).isEqualTo("COMPLETION_SUBMITTED");

    WebElement shown = browser.find("article.submission[data-status=SUBMITTED]");
    assertThat(shown.findElement(By.cssSelector(".submission-status")).getText()).isEqualTo("Đã nộp, chờ thẩm định");
    assertThat(shown.findElement(By.cssSelector(".evidence-file .name")).getText()).isEqualTo("thong-tu-12.pdf");
    assertThat(shown.findElement(By.cssSelector(".evidence-file .size")).getText()).isEqualTo(pdf.length + " byte");
    assertThat(shown.findElement(By.cssSelector(".evidence-file .type")).getText()).isEqualTo("application/pdf");
    assertThat(shown.findElement(By.cssSelector(".evidence-file a.name")).getAttribute("href"))
        .as("the file opens from the page (the page session's /tep/{id})").endsWith("/tep/" + file.path("id").asText());
    assertThat(browser.findAll("#completion")).as("under review: the API refuses another report").isEmpty();
    browser.assertNoConsoleErrors();
    browser.screenshots("nhiem-vu-chi-tiet");
  }

  @Test
  void anOfficerRequestsAnExtensionAfterABadDateIsRefused() {
    LocalDate deadline = today().plusDays(30);
    String code = issue(List.of(Directives.task("1", "bkhcn", deadline))).get(0);
    acknowledge(code);
    browser.dropAllCookies();
    browser.signIn(LIST + "/" + code, "canbo.bkhcn");

    setDate("proposedDeadline", deadline.minusDays(5));
    new Select(browser.byId("reason")).selectByValue("PROCUREMENT");
    browser.byId("narrative").sendKeys("Gói thầu thuê dịch vụ đang chờ phê duyệt kết quả lựa chọn nhà thầu");
    setDate("milestoneDate0", deadline.plusDays(10));
    browser.byId("milestoneText0").sendKeys("Ký hợp đồng");
    submit("extension-submit");
    assertThat(browser.byId("proposedDeadline-error").getText())
        .isEqualTo("Thời hạn đề nghị phải sau thời hạn đang áp dụng và không trước hôm nay");
    assertThat(browser.byId("proposedDeadline").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.byId("narrative").getAttribute("value")).isEqualTo("Gói thầu thuê dịch vụ đang chờ phê duyệt kết quả lựa chọn nhà thầu");
    assertThat(api().get("/api/v1/tasks/" + code + "/extensions", officer).json()).isEmpty();

    LocalDate proposed = deadline.plusMonths(2);
    setDate("proposedDeadline", proposed);
    browser.byId("milestoneDate0").clear();
    browser.byId("milestoneDate0").sendKeys("31/02/" + proposed.getYear());
    submit("extension-submit");
    assertThat(browser.byId("milestoneDate0-error").getText())
        .isEqualTo("Ngày của mốc lộ trình phải là ngày dạng dd/mm/yyyy, ví dụ 17/02/2026");
    assertThat(browser.findAll("#proposedDeadline-error")).isEmpty();
    assertThat(api().get("/api/v1/tasks/" + code + "/extensions", officer).json()).isEmpty();

    setDate("milestoneDate0", deadline.plusDays(10));
    submit("extension-submit");
    assertThat(browser.byId("notice").getText()).isEqualTo("Đã gửi đề nghị gia hạn.");
    JsonNode asked = api().get("/api/v1/tasks/" + code + "/extensions", officer).json();
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0).path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(asked.get(0).path("proposedDeadline").asText()).isEqualTo(proposed.toString());
    assertThat(asked.get(0).path("reason").asText()).isEqualTo("PROCUREMENT");
    assertThat(asked.get(0).path("milestones").get(0).path("milestone").asText()).isEqualTo("Ký hợp đồng");
    WebElement shown = browser.find("article.extension-request[data-status=SUBMITTED]");
    assertThat(shown.getText()).contains(asked.get(0).path("caseCode").asText(), proposed.format(DAY), "Ký hợp đồng");
    assertThat(browser.findAll("#extension")).as("one request pending: the API refuses another").isEmpty();
    browser.assertNoConsoleErrors();
  }

  @Test
  void anAgencyLeaderFindsTheTasksFromTheWorkspaceHome() {
    String code = issue(List.of(Directives.task("1", "bkhcn", today().plusDays(15)))).get(0);
    browser.dropAllCookies();
    browser.signIn("/lam-viec", "lanhdao.bkhcn");
    WebElement card = browser.find("main a[href='" + LIST + "']");
    assertThat(card.getText()).isEqualTo("Nhiệm vụ của cơ quan");
    card.click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith(LIST));
    WebElement row = browser.find("tr[data-case='" + code + "']");
    assertThat(row.findElement(By.cssSelector(".badge")).getAttribute("data-code")).isEqualTo("IN_PROGRESS_ON_TIME");
    assertThat(row.findElement(By.cssSelector(".days")).getText()).isEqualTo("còn 15 ngày");
    row.findElement(By.cssSelector("a.task-link")).click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith(LIST + "/" + code));
    assertThat(browser.byId("task-days").getText()).isEqualTo("còn 15 ngày");
    browser.assertNoConsoleErrors();
    browser.dropAllCookies();
  }

  private static LocalDate today() {
    return LocalDate.now(DondocApplication.ZONE);
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

  private List<String> issue(List<Map<String, Object>> tasks) {
    Api.Response issued = api().postJson("/api/v1/directives", Api.toJson(Directives.notice(Directives.freshSymbol(), tasks)),
        standingOffice, Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    List<String> codes = new ArrayList<>();
    issued.json().path("caseCodes").forEach(code -> codes.add(code.asText()));
    return codes;
  }

  private void acknowledge(String code) {
    assertThat(api().postJson("/api/v1/tasks/" + code + "/acknowledge", "{}", officer, Map.of()).status()).isEqualTo(200);
  }

  private JsonNode task(String code) {
    return api().get("/api/v1/tasks/" + code, officer).json();
  }

  private JsonNode submissions(String code) {
    return api().get("/api/v1/tasks/" + code + "/submissions", officer).json();
  }

  /** Types a date as people here write it, dd/MM/yyyy. */
  private void setDate(String id, LocalDate day) {
    WebElement input = browser.byId(id);
    input.clear();
    input.sendKeys(day.format(DAY));
  }

  /** Sends a form with its button and waits for the page the post redirects to. */
  private void submit(String buttonId) {
    WebElement button = browser.byId(buttonId);
    button.click();
    browser.waitUntilGone(button);
    browser.waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }
}
