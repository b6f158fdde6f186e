package vn.dondoc.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.attachments.SampleFiles;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.FormJsFields;

/**
 * Each role's main job done entirely in the workspace, in Vietnamese, with no Tasklist and no API:
 * the standing office classifies a citizen's item beside its attachment, screens an initiative and forms
 * its panel with the picker; three experts declare and score beside the proposal's file; the standing
 * office decides and the initiative becomes a task.
 */
class WorkspaceBrowserIT extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void theStandingOfficeClassifiesAnItemBesideTheCitizensFile() {
    JsonNode photo = api().upload("don-phan-anh.png", SampleFiles.picture(240, 160), "image/png", null).json();
    Map<String, Object> submission = Feedback.valid(Feedback.marker());
    submission.put("attachments", List.of(Map.of("id", photo.path("id").asText(), "uploadToken", photo.path("uploadToken").asText())));
    String code = api().postJson("/api/v1/feedback", Api.toJson(submission)).json().path("code").asText();

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
    browser.byId("step-submit").click();
    assertThat(form.error("Field").getText()).isEqualTo("Bắt buộc nhập mục này.");
    assertThat(form.error("HandlingAgency").getText()).isEqualTo("Bắt buộc nhập mục này.");
    form.choose("Field", "Thủ tục hành chính").choose("HandlingAgency", "Thành phố Hà Nội")
        .type("ClassificationNote", "Thuộc thẩm quyền của Thành phố");
    browser.screenshots("work-step-classify");
    browser.byId("step-submit").click();

    browser.textIn("#notice", "Đã hoàn thành: Tiếp nhận và phân loại.");
    assertThat(jdbc.sql("select handling_agency from feedback_item where code = ?").param(code).query(String.class).single())
        .isEqualTo("hanoi");
    browser.assertNoConsoleErrors();
  }

  @Test
  void anInitiativeIsScreenedScoredByItsPanelAndSelectedIntoATask() {
    String code = submitInitiative();

    browser.dropAllCookies();
    browser.signIn("/lam-viec", "thuongtruc");
    openStep("Sàng lọc hồ sơ sáng kiến", code);
    assertThat(browser.find("#documents").getText()).contains("de-xuat.pdf");
    new FormJsFields(browser, "#step-form").pick("ScreeningDecision", "Đưa ra hội đồng đánh giá");
    browser.byId("step-submit").click();
    browser.textIn("#notice", "Sàng lọc hồ sơ sáng kiến");

    openStep("Chọn hội đồng chuyên gia", code);
    FormJsFields panel = new FormJsFields(browser, "#step-form");
    assertThat(panel.tags("PanelText")).as("the proposed panel, by name").hasSize(3)
        .allSatisfy(name -> assertThat(name).doesNotContain("chuyengia"));
    browser.screenshots("work-step-panel");
    browser.byId("step-submit").click();
    browser.textIn("#notice", "Chọn hội đồng chuyên gia");
    List<String> experts = jdbc.sql("""
        select m.expert from initiative_panel_member m join initiative i on i.id = m.initiative_id
        where i.case_code = ? order by m.seat""").param(code).query(String.class).list();
    assertThat(experts).hasSize(3);

    for (String expert : experts) {
      browser.dropAllCookies();
      browser.signIn("/lam-viec", expert);
      openStep("Khai báo xung đột lợi ích", code);
      browser.byId("step-submit").click();
      browser.textIn("#notice", "Khai báo xung đột lợi ích");
      openStep("Chấm điểm sáng kiến", code);
      assertThat(browser.find("#documents").getText()).contains("de-xuat.pdf");
      FormJsFields sheet = new FormJsFields(browser, "#step-form");
      for (String criterion : List.of("Novelty", "Feasibility", "Impact", "StrategicFit", "DataReuse", "Sustainability")) {
        sheet.type("Score" + criterion, "8").type("Comment" + criterion, "Đạt yêu cầu về tiêu chí này");
      }
      if (expert.equals(experts.get(0))) {
        browser.screenshots("work-step-scoring");
      }
      browser.byId("step-submit").click();
      browser.textIn("#notice", "Chấm điểm sáng kiến");
    }

    browser.dropAllCookies();
    browser.signIn("/lam-viec", "thuongtruc");
    openStep("Quyết định chọn sáng kiến", code);
    FormJsFields decision = new FormJsFields(browser, "#step-form");
    decision.pick("Decision", "Chọn").type("DecisionReason", "Giải pháp khả thi, tác động rộng")
        .choose("TaskLeadAgency", "Bộ Tư pháp").date("TaskDeadline", LocalDate.now().plusMonths(6))
        .type("TaskExpectedProduct", "Trợ lý ảo vận hành thử nghiệm tại 3 tỉnh");
    browser.byId("step-submit").click();
    browser.textIn("#notice", "Quyết định chọn sáng kiến");
    assertThat(jdbc.sql("select t.lead_agency from task t join initiative i on i.id = t.source_initiative_id where i.case_code = ?")
        .param(code).query(String.class).single()).isEqualTo("btp");
    browser.assertNoConsoleErrors();
  }

  /** Finds the case's step in "Việc của tôi" (filtered to that step, page by page) and opens it. */
  private void openStep(String stepName, String code) {
    browser.open("/lam-viec");
    new org.openqa.selenium.support.ui.Select(browser.byId("filter-step")).selectByVisibleText(stepName);
    browser.byId("filter-apply").click();
    for (int page = 0; page < 40; page++) {
      List<WebElement> rows = browser.findAll("#work-list > li[data-case='" + code + "']");
      if (!rows.isEmpty()) {
        WebElement link = rows.get(0).findElement(By.cssSelector("a.work-link"));
        assertThat(link.getText()).isEqualTo(stepName);
        link.click();
        browser.visible("#step-form .fjs-form");
        return;
      }
      browser.byId("page-next").click();
    }
    throw new AssertionError(code + " not in the list of " + stepName);
  }

  private String submitInitiative() {
    String innovator = Api.token("sangkien");
    JsonNode file = api().upload("de-xuat.pdf", SampleFiles.onePagePdf("Đề xuất sáng kiến"), "application/pdf", innovator).json();
    Map<String, Object> body = new HashMap<>();
    body.put("category", "BREAKTHROUGH");
    body.put("title", "Trợ lý ảo pháp luật cho doanh nghiệp nhỏ " + Feedback.marker());
    body.put("problem", "Doanh nghiệp nhỏ khó tiếp cận thông tin pháp luật cập nhật.");
    body.put("solution", "Trợ lý ảo dùng dữ liệu văn bản pháp luật mở, trả lời bằng tiếng Việt.");
    body.put("expectedProduct", "Ứng dụng vận hành thử nghiệm tại 3 tỉnh.");
    body.put("publishProposer", true);
    body.put("attachments", List.of(Map.of("id", file.path("id").asText(), "uploadToken", file.path("uploadToken").asText())));
    JsonNode draft = api().postJson("/api/v1/initiatives", Api.toJson(body), innovator, Map.of()).json();
    Api.Response submitted = api().postJson("/api/v1/initiatives/drafts/" + draft.path("id").asText() + "/submit", "{}",
        innovator, Map.of());
    assertThat(submitted.status()).as(submitted.raw().body()).isBetween(200, 201);
    return submitted.json().path("caseCode").asText();
  }
}
