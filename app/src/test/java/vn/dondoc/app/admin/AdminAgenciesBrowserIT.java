package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.security.KeycloakAdminApi;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;

/**
 * The agencies and people pages as the admin uses them: adds an agency (bad input first) and an officer to it, who then
 * signs in and sees the agency's work; merges that agency into another after the confirmation shows the effect.
 */
class AdminAgenciesBrowserIT extends BrowserTest {

  private static final String NEW_PASSWORD = "Mat-khau-moi-2026";

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
  void anAdminAddsAnAgencyAndAnOfficerWhoSeesItsWorkThenMergesItIntoAnother() {
    String code = fixtures.agencyCode();
    String name = "Sở Thử Nghiệm " + code;
    browser.dropAllCookies();
    browser.signIn("/quan-tri/co-quan", "quantri");
    assertThat(browser.byId("agencies-title").getText()).isEqualTo("Cơ quan, đơn vị");

    browser.byId("code").sendKeys("Sở Mới");
    browser.byId("name").sendKeys(name);
    browser.byId("add-agency").click();
    browser.textIn("#code-error", "Mã cơ quan chỉ gồm chữ thường không dấu");
    assertThat(browser.byId("name").getAttribute("value")).isEqualTo(name);
    browser.byId("code").clear();
    browser.byId("code").sendKeys(code);
    browser.byId("add-agency").click();
    browser.textIn("#shortName-error", "Tên viết tắt là bắt buộc");
    assertThat(jdbc.sql("select count(*) from agency where code = ?")
            .param(code)
            .query(Integer.class)
            .single())
        .isZero();

    browser.byId("shortName").sendKeys("Sở TN");
    new Select(browser.byId("kind")).selectByValue("PROVINCE");
    browser.byId("aliases").sendKeys("Sở Thử Nghiệm tỉnh\nSTN " + code);
    browser.byId("add-agency").click();
    browser.textIn("#notice", "Đã thêm cơ quan " + name);
    assertThat(browser.find("#agencies tr[data-agency='" + code + "'] .aliases").getText())
        .isEqualTo("Sở Thử Nghiệm tỉnh; STN " + code);
    assertThat(browser.findAll("#drift-table tr[data-agency='" + code + "']"))
        .as("the realm has its group")
        .isEmpty();
    assertThat(fixtures.groupExists("agencies/" + code + "/leaders")).isTrue();
    browser.assertNoConsoleErrors();
    browser.screenshots("quan-tri-co-quan");

    String caseCode = routedFeedback(code);
    String officer = "it-" + Feedback.marker();
    browser.open("/quan-tri/nguoi-dung");
    browser.byId("username").sendKeys(officer);
    browser.byId("firstName").sendKeys("Lê Văn");
    browser.byId("lastName").sendKeys("Hùng");
    browser.byId("email").sendKeys("khong-phai-thu");
    new Select(browser.byId("role")).selectByValue("agency-officer");
    new Select(browser.byId("agency")).selectByValue(code);
    browser.byId("temporaryPassword").sendKeys(RealmFixtures.PASSWORD);
    browser.byId("create-person").click();
    browser.textIn("#email-error", "Thư điện tử không phải địa chỉ thư điện tử hợp lệ");
    browser.byId("email").clear();
    browser.byId("email").sendKeys(officer + "@thu-nghiem.dondoc.vn");
    browser.byId("temporaryPassword").sendKeys(RealmFixtures.PASSWORD);
    browser.byId("create-person").click();
    browser.textIn("#notice", "Đã tạo người dùng " + officer + " với mật khẩu tạm thời");
    fixtures.track(officer);
    assertThat(new Select(browser.byId("agency")).getFirstSelectedOption().getText())
        .isEqualTo(name);
    assertThat(browser.byId("role-agency-officer").isSelected()).isTrue();
    browser.assertNoConsoleErrors();
    browser.screenshots("quan-tri-nguoi-dung");

    // The officer signs in (changing the temporary password, as Keycloak asks) and finds the
    // agency's case.
    browser.dropAllCookies();
    browser.open("/lam-viec");
    browser.visible("#username").sendKeys(officer);
    browser.byId("password").sendKeys(RealmFixtures.PASSWORD);
    browser.byId("kc-login").click();
    browser.visible("#password-new").sendKeys(NEW_PASSWORD);
    browser.byId("password-confirm").sendKeys(NEW_PASSWORD);
    browser.find("#kc-passwd-update-form [type=submit]").click();
    browser.textIn("main", caseCode);

    String into = fixtures.agencyCode();
    Api.Response created = api()
        .postJson(
            "/api/v1/admin/agencies",
            Api.toJson(Map.of(
                "code",
                into,
                "name",
                "Sở Hợp Nhất " + into,
                "shortName",
                "Sở HN",
                "kind",
                "PROVINCE",
                "aliases",
                List.of())),
            Api.token("quantri"),
            Map.of());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    browser.dropAllCookies();
    browser.signIn("/quan-tri/co-quan/" + code, "quantri");
    browser.byId("merge").click();
    browser.textIn("#into-error", "Hợp nhất vào là bắt buộc");
    new Select(browser.byId("into")).selectByValue(into);
    browser.byId("merge").click();
    browser.textIn("#confirmation-heading", "Hợp nhất " + name + " vào Sở Hợp Nhất " + into + "?");
    assertThat(browser.byId("effect-steps").getText()).isEqualTo("Bước xử lý đang mở: 1");
    assertThat(browser.byId("effect-people").getText()).endsWith(": 1");
    assertThat(jdbc.sql("select handling_agency from feedback_item where code = ?")
            .param(caseCode)
            .query(String.class)
            .single())
        .as("nothing moves before the confirmation")
        .isEqualTo(code);
    browser.assertNoConsoleErrors();
    browser.screenshots("quan-tri-co-quan-hop-nhat");

    browser.byId("confirm").click();
    browser.textIn("#notice", "Đã hợp nhất " + name + " vào Sở Hợp Nhất " + into);
    assertThat(browser.byId("agency-state").getText()).isEqualTo("Đã hợp nhất vào " + into);
    assertThat(jdbc.sql("select handling_agency from feedback_item where code = ?")
            .param(caseCode)
            .query(String.class)
            .single())
        .isEqualTo(into);
    assertThat(fixtures.groupsOf(officer))
        .contains("/agencies/" + into)
        .doesNotContain("/agencies/" + code);
    browser.open("/quan-tri/co-quan");
    WebElement row = browser.find("#agencies tr[data-agency='" + into + "']");
    assertThat(row.findElement(By.cssSelector(".aliases")).getText()).contains(name, "STN " + code);
    assertThat(browser.find("#agencies tr[data-agency='" + code + "'] .state").getText())
        .isEqualTo("Đã hợp nhất vào " + into);
    browser.assertNoConsoleErrors();

    // The audit trail of the agency: its case's events and the merge, nothing of other agencies.
    browser.open("/quan-tri/nhat-ky");
    new Select(browser.byId("co-quan")).selectByValue(into);
    browser.byId("filter").click();
    browser.textIn("#audit-rows", "Hợp nhất cơ quan");
    List<String> cases = browser.findAll("#audit-rows .case").stream()
        .map(WebElement::getText)
        .distinct()
        .toList();
    assertThat(cases)
        .contains(caseCode, "AGENCY")
        .allMatch(c -> c.equals(caseCode) || c.equals("AGENCY") || c.equals("PERSON"));
  }

  @Test
  void otherRolesGetTheVietnameseForbiddenPage() {
    browser.dropAllCookies();
    browser.signIn("/quan-tri/nguoi-dung", "lanhdao.bkhcn");
    assertThat(browser.byId("error-message").getText())
        .startsWith("Trang này chỉ dành cho quản trị hệ thống.");
    browser.assertNoConsoleErrors("status of 403");
  }

  /** A feedback item classified to the agency: its acceptance step is offered to the agency's group. */
  private String routedFeedback(String agency) {
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json()
        .path("code")
        .asText();
    AnsweredFeedback.complete(
        api(),
        code,
        "ClassifyFeedback",
        Map.of("handlingAgency", agency, "field", "administrative-procedures"));
    return code;
  }
}
