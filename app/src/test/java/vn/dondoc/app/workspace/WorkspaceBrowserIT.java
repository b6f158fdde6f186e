package vn.dondoc.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.attachments.SampleFiles;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.FormJsFields;

/**
 * Each role's main job done entirely in the workspace, in Vietnamese, with no Tasklist and no API:
 * the standing office classifies a citizen's item beside its attachment, screens an initiative and forms
 * its panel with the picker; three experts declare and score beside the proposal's file; the standing
 * office decides and the initiative becomes a task; it decides an extension beside its roadmap and
 * documents; a supervisor does a supervision task.
 */
class WorkspaceBrowserIT extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService taskService;

  @Autowired
  ManagementService management;

  @Test
  void theStandingOfficeClassifiesAnItemBesideTheCitizensFile() {
    JsonNode photo = api()
        .upload("don-phan-anh.png", SampleFiles.picture(240, 160), "image/png", null)
        .json();
    Map<String, Object> submission = Feedback.valid(Feedback.marker());
    submission.put(
        "attachments",
        List.of(Map.of(
            "id",
            photo.path("id").asText(),
            "uploadToken",
            photo.path("uploadToken").asText())));
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(submission))
        .json()
        .path("code")
        .asText();

    browser.dropAllCookies();
    browser.signIn("/lam-viec", "thuongtruc");
    assertThat(browser.find("h1").getText()).isEqualTo("Việc của tôi");
    assertThat(browser.visible("#work-count-badge").getText()).matches("\\d+");
    browser.screenshots("work-list");
    openStep("Tiếp nhận và phân loại", code);

    assertThat(browser.find("#step-name").getText()).isEqualTo("Tiếp nhận và phân loại");
    WebElement file = browser.visible("#documents a");
    assertThat(file.getText()).isEqualTo("don-phan-anh.png");
    file.click();
    browser.visible("#document-viewer img");

    FormJsFields form = new FormJsFields(browser, "#step-form");
    // the sender's field and the routing table's agency come proposed; the office corrects the
    // agency
    assertThat(browser.find("#step-form [id$='-Field-display']").getText())
        .isEqualTo("Thủ tục hành chính");
    form.choose("HandlingAgency", "Thành phố Hà Nội")
        .type("ClassificationNote", "Thuộc thẩm quyền của Thành phố");
    browser.screenshots("work-step-classify");
    complete("Tiếp nhận và phân loại");
    assertThat(jdbc.sql("select handling_agency from feedback_item where code = ?")
            .param(code)
            .query(String.class)
            .single())
        .isEqualTo("hanoi");
    browser.assertNoConsoleErrors();
  }

  @Test
  void theStandingOfficeOpensALikelyDuplicateBeforeClassifying() {
    String marker = Feedback.marker();
    String first =
        submitSimilar(marker, "Trạm quan trắc không khí " + marker + " ngừng công bố số liệu");
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> api()
            .get("/api/v1/search?q=" + marker, Api.token("thuongtruc"))
            .json()
            .path("items")
            .findValuesAsText("code")
            .contains(first));
    String second =
        submitSimilar(marker, "Số liệu trạm quan trắc không khí " + marker + " ngừng công bố");
    // looked up after the submission committed: on the step before anyone opens it
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> String.valueOf(runtime.getVariable(
                taskService
                    .createTaskQuery()
                    .processInstanceBusinessKey(second)
                    .singleResult()
                    .getProcessInstanceId(),
                "possibleDuplicates"))
            .contains(first));

    browser.dropAllCookies();
    browser.signIn("/lam-viec", "thuongtruc");
    openStep("Tiếp nhận và phân loại", second);
    WebElement duplicate = browser.visible("#related a[href$='/ho-so/" + first + "']");
    assertThat(duplicate.findElement(By.xpath("..")).getText()).isEqualTo("Có thể trùng: " + first);
    duplicate.click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith("/ho-so/" + first));
    assertThat(browser.visible("#case-code").getText()).isEqualTo(first);
    assertThat(browser.find("#case-title").getText()).startsWith("Trạm quan trắc không khí");
    browser.assertNoConsoleErrors();
  }

  private String submitSimilar(String marker, String title) {
    Map<String, Object> body = Feedback.valid(marker);
    body.put("field", "data-governance");
    body.put("title", title);
    body.put(
        "content",
        "Số liệu quan trắc " + marker + " chỉ công bố bản giấy, người dân không tra cứu được.");
    body.put("contact", Map.of("name", "Lê Văn Quan", "email", Feedback.marker() + "@example.vn"));
    return api()
        .postJson("/api/v1/feedback", Api.toJson(body))
        .json()
        .path("code")
        .asText();
  }

  @Test
  void anInitiativeIsScreenedScoredByItsPanelAndSelectedIntoATask() {
    String code = submitInitiative();

    browser.dropAllCookies();
    browser.signIn("/lam-viec", "thuongtruc");
    openStep("Sàng lọc hồ sơ sáng kiến", code);
    assertThat(browser.find("#documents").getText()).contains("de-xuat.pdf");
    new FormJsFields(browser, "#step-form").pick("ScreeningDecision", "Đưa ra hội đồng đánh giá");
    complete("Sàng lọc hồ sơ sáng kiến");

    openStep("Chọn hội đồng chuyên gia", code);
    FormJsFields panel = new FormJsFields(browser, "#step-form");
    assertThat(panel.tags("PanelText"))
        .as("the proposed panel, by name")
        .hasSize(3)
        .allSatisfy(name -> assertThat(name).doesNotContain("chuyengia"));
    browser.screenshots("work-step-panel");
    complete("Chọn hội đồng chuyên gia");
    List<String> experts = jdbc.sql("""
        select m.expert from initiative_panel_member m join initiative i on i.id = m.initiative_id
        where i.case_code = ? order by m.seat""").param(code).query(String.class).list();
    assertThat(experts).hasSize(3);

    for (String expert : experts) {
      browser.dropAllCookies();
      browser.signIn("/lam-viec", expert);
      openStep("Khai báo xung đột lợi ích", code);
      complete("Khai báo xung đột lợi ích");
      openStep("Chấm điểm sáng kiến", code);
      assertThat(browser.find("#documents").getText()).contains("de-xuat.pdf");
      FormJsFields sheet = new FormJsFields(browser, "#step-form");
      for (String criterion : List.of(
          "Novelty", "Feasibility", "Impact", "StrategicFit", "DataReuse", "Sustainability")) {
        sheet
            .type("Score" + criterion, "8")
            .type("Comment" + criterion, "Đạt yêu cầu về tiêu chí này");
      }
      if (expert.equals(experts.get(0))) {
        browser.screenshots("work-step-scoring");
      }
      complete("Chấm điểm sáng kiến");
    }

    browser.dropAllCookies();
    browser.signIn("/lam-viec", "thuongtruc");
    openStep("Quyết định chọn sáng kiến", code);
    FormJsFields decision = new FormJsFields(browser, "#step-form");
    decision
        .pick("Decision", "Chọn")
        .type("DecisionReason", "Giải pháp khả thi, tác động rộng")
        .choose("TaskLeadAgency", "Bộ Tư pháp")
        .date("TaskDeadline", LocalDate.now().plusMonths(6))
        .type("TaskExpectedProduct", "Trợ lý ảo vận hành thử nghiệm tại 3 tỉnh");
    complete("Quyết định chọn sáng kiến");
    assertThat(jdbc.sql(
                "select t.lead_agency from task t join initiative i on i.id = t.source_initiative_id where i.case_code = ?")
            .param(code)
            .query(String.class)
            .single())
        .isEqualTo("btp");
    browser.assertNoConsoleErrors();
  }

  @Test
  void theStandingOfficeDecidesAnExtensionBesideItsRoadmapAndDocuments() {
    String standingOffice = Api.token("thuongtruc");
    String officer = Api.token("canbo.bkhcn");
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(
                Directives.freshSymbol(),
                List.of(Directives.task("1", "bkhcn", LocalDate.now().plusMonths(2))))),
            standingOffice,
            Map.of());
    String task = issued.json().path("caseCodes").get(0).asText();
    assertThat(api()
            .postJson("/api/v1/tasks/" + task + "/acknowledge", "{}", officer, Map.of())
            .status())
        .isEqualTo(200);
    JsonNode plan = api()
        .upload(
            "ke-hoach-kinh-phi.pdf",
            SampleFiles.onePagePdf("Kế hoạch kinh phí"),
            "application/pdf",
            officer)
        .json();
    Api.Response requested = api()
        .postJson(
            "/api/v1/tasks/" + task + "/extensions",
            Api.toJson(Map.of(
                "proposedDeadline",
                LocalDate.now().plusMonths(6).toString(),
                "reason",
                "FUNDING",
                "narrative",
                "Kinh phí năm 2026 chưa được giao",
                "milestones",
                List.of(Map.of(
                    "date",
                    LocalDate.now().plusMonths(4).toString(),
                    "milestone",
                    "Được giao dự toán")),
                "attachments",
                List.of(Map.of(
                    "id",
                    plan.path("id").asText(),
                    "uploadToken",
                    plan.path("uploadToken").asText())))),
            officer,
            Map.of());
    assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
    String extension = requested.json().path("caseCode").asText();

    browser.dropAllCookies();
    browser.signIn("/lam-viec", "thuongtruc");
    openStep("Quyết định gia hạn", extension);
    assertThat(browser.find("#documents").getText()).contains("ke-hoach-kinh-phi.pdf");
    assertThat(browser.find("#roadmap").getText()).contains("Được giao dự toán");
    assertThat(browser.find("#deadlines").getText()).contains("thời hạn ban đầu");
    assertThat(browser.find("#related").getText()).contains(task);
    LocalDate approved = LocalDate.now().plusMonths(5);
    new FormJsFields(browser, "#step-form")
        .pick("Decision", "Chấp thuận thời hạn khác")
        .date("ApprovedDeadline", approved);
    browser.screenshots("work-step-extension");
    complete("Quyết định gia hạn");
    assertThat(jdbc.sql("select current_deadline from task where case_code = ?")
            .param(task)
            .query(LocalDate.class)
            .single())
        .isEqualTo(approved);
    browser.assertNoConsoleErrors();
  }

  @Test
  void aSupervisorCompletesASupervisionTask() {
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json()
        .path("code")
        .asText();
    String instance = runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(code)
        .singleResult()
        .getId();
    // the routing clock is breached and then left open past the supervisor's delay, as its timers
    // would fire
    for (String timer : List.of("RoutingOverdue", "RoutingStillOpen")) {
      management.executeJob(management
          .createJobQuery()
          .processInstanceId(instance)
          .activityId(timer)
          .singleResult()
          .getId());
    }

    browser.dropAllCookies();
    browser.signIn("/lam-viec", "giamsat");
    openStep("Đôn đốc phân loại quá hạn", code);
    FormJsFields form = new FormJsFields(browser, "#step-form");
    submit();
    assertThat(form.error("SupervisionNote").getText()).isEqualTo("Bắt buộc nhập mục này.");
    form.type("SupervisionNote", "Đã đề nghị Văn phòng phân loại trong ngày");
    complete("Đôn đốc phân loại quá hạn");
    assertThat(runtime
            .createExecutionQuery()
            .processInstanceId(instance)
            .activityId("RoutingSupervise")
            .count())
        .as("the supervision task is done")
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from audit_event where case_code = ? and actor = 'giamsat'")
                .param(code)
                .query(Long.class)
                .single())
        .as("the supervisor's note is on the record")
        .isPositive();
    browser.assertNoConsoleErrors();
  }

  /** Clicks "Hoàn thành bước này" where nothing covers it. */
  private void submit() {
    WebElement button = browser.byId("step-submit");
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }

  /** Completes the open step and checks that "Việc của tôi" says it is done (or shows what was refused). */
  private void complete(String stepName) {
    submit();
    browser.waitFor(d -> {
      try {
        return !d.findElements(By.id("notice")).isEmpty()
            || !d.findElements(By.cssSelector("#step-errors:not([hidden])")).isEmpty();
      } catch (org.openqa.selenium.WebDriverException reloading) {
        return false;
      }
    });
    List<String> refused =
        browser.findAll("#step-errors:not([hidden]), #step-form .fjs-has-errors").stream()
            .map(WebElement::getText)
            .toList();
    assertThat(refused).as("refused").isEmpty();
    browser.textIn("#notice", "Đã hoàn thành: " + stepName);
  }

  /** Finds the case's step in "Việc của tôi" (filtered to that step, page by page) and opens it. */
  private void openStep(String stepName, String code) {
    browser.open("/lam-viec");
    new org.openqa.selenium.support.ui.Select(browser.byId("filter-step"))
        .selectByVisibleText(stepName);
    browser.byId("filter-apply").click();
    browser.waitFor(d -> d.getCurrentUrl().contains("buoc="));
    for (int page = 1; page <= 40; page++) {
      List<WebElement> rows = browser.findAll("#work-list > li[data-case='" + code + "']");
      if (!rows.isEmpty()) {
        WebElement link = rows.get(0).findElement(By.cssSelector("a.work-link"));
        assertThat(link.getText()).isEqualTo(stepName);
        link.click();
        browser.visible("#step-form .fjs-form");
        return;
      }
      browser.byId("page-next").click();
      String next = "trang=" + (page + 1);
      browser.waitFor(d -> d.getCurrentUrl().contains(next));
    }
    throw new AssertionError(code + " not in the list of " + stepName);
  }

  private String submitInitiative() {
    String innovator = Api.token("sangkien");
    JsonNode file = api()
        .upload(
            "de-xuat.pdf",
            SampleFiles.onePagePdf("Đề xuất sáng kiến"),
            "application/pdf",
            innovator)
        .json();
    Map<String, Object> body = new HashMap<>();
    body.put("category", "BREAKTHROUGH");
    body.put("title", "Trợ lý ảo pháp luật cho doanh nghiệp nhỏ " + Feedback.marker());
    body.put("problem", "Doanh nghiệp nhỏ khó tiếp cận thông tin pháp luật cập nhật.");
    body.put("solution", "Trợ lý ảo dùng dữ liệu văn bản pháp luật mở, trả lời bằng tiếng Việt.");
    body.put("expectedProduct", "Ứng dụng vận hành thử nghiệm tại 3 tỉnh.");
    body.put("publishProposer", true);
    body.put(
        "attachments",
        List.of(Map.of(
            "id",
            file.path("id").asText(),
            "uploadToken",
            file.path("uploadToken").asText())));
    JsonNode draft = api()
        .postJson("/api/v1/initiatives", Api.toJson(body), innovator, Map.of())
        .json();
    Api.Response submitted = api()
        .postJson(
            "/api/v1/initiatives/drafts/" + draft.path("id").asText() + "/submit",
            "{}",
            innovator,
            Map.of());
    assertThat(submitted.status()).as(submitted.raw().body()).isBetween(200, 201);
    return submitted.json().path("caseCode").asText();
  }
}
