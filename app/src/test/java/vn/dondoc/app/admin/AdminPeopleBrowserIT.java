package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.security.KeycloakAdminApi;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;

/**
 * The people page as the admin uses it when an officer leaves: finds them, sees the step they hold, is refused the
 * deactivation until the step is handed to a colleague of the same agency, then disables the account after the
 * confirmation.
 */
class AdminPeopleBrowserIT extends BrowserTest {

  @Autowired
  KeycloakAdminApi adminRealmApi;
  @Autowired
  JdbcClient jdbc;

  RealmFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new RealmFixtures(adminRealmApi);
  }

  @AfterEach
  void cleanUp() {
    fixtures.cleanUp();
  }

  @Test
  void anOfficerLeavingHandsTheirStepToAColleagueAndTheirAccountIsDisabled() {
    String agency = fixtures.agencyCode();
    Api.Response created = api().postJson("/api/v1/admin/agencies", Api.toJson(Map.of("code", agency, "name", "Sở Bàn Giao " + agency,
        "shortName", "Sở BG", "kind", "PROVINCE", "aliases", List.of())), Api.token("quantri"), Map.of());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String leaving = fixtures.user("/agency-officer", "/agencies/" + agency);
    String colleague = fixtures.user("/agency-officer", "/agencies/" + agency);
    String caseCode = api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker()))).json().path("code").asText();
    AnsweredFeedback.complete(api(), caseCode, "ClassifyFeedback", Map.of("handlingAgency", agency, "field", "administrative-procedures"));
    String token = Api.token(leaving, RealmFixtures.PASSWORD);
    String taskId = api().get("/api/v1/work?size=100", token).json().path("items").findParents("caseCode").stream()
        .filter(item -> item.path("caseCode").asText().equals(caseCode)).findFirst().orElseThrow().path("taskId").asText();
    assertThat(api().postJson("/api/v1/work/" + taskId + "/claim", "{}", token, Map.of()).status()).isEqualTo(200);

    browser.dropAllCookies();
    browser.signIn("/quan-tri/nguoi-dung", "quantri");
    browser.byId("q").sendKeys(leaving);
    browser.byId("find").click();
    browser.visible("#people tr[data-person='" + leaving + "'] a").click();
    browser.textIn("#person-title", "Nguyễn Văn Thử");
    assertThat(browser.find("#work tr[data-case='" + caseCode + "']").getText()).contains("Tiếp nhận xử lý");

    browser.byId("deactivate").click();
    browser.textIn("#notice", "hãy bàn giao cho đồng nghiệp trước khi khóa tài khoản");
    assertThat(browser.findAll("#confirmation")).isEmpty();
    browser.assertNoConsoleErrors();
    browser.screenshots("quan-tri-nguoi-dung-ban-giao");

    new Select(browser.byId("to-" + taskId)).selectByValue(colleague);
    browser.find("#work tr[data-case='" + caseCode + "'] button[type=submit]").click();
    browser.textIn("#notice", "Đã bàn giao bước xử lý");
    browser.visible("#work-none");
    assertThat(jdbc.sql("select detail->>'to' from audit_event where case_code = ? and action = 'TASK_REASSIGNED'")
        .param(caseCode).query(String.class).single()).isEqualTo(colleague);

    browser.byId("deactivate").click();
    browser.textIn("#effect", "Bước xử lý còn mở: 0");
    browser.byId("confirm").click();
    browser.textIn("#notice", "Đã khóa tài khoản");
    assertThat(browser.byId("person-disabled").getText()).isEqualTo("Tài khoản đã bị khóa");
    assertThat(adminRealmApi.get("/users?exact=true&username=" + leaving).path(0).path("enabled").asBoolean()).isFalse();
    browser.assertNoConsoleErrors();
  }
}
