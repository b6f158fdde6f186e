package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * confirmation. When an officer becomes the agency's leader (the leader box), they sign in, find the answer waiting
 * for their sign-off and sign it; a leader's job title set on the page is printed in the letters they sign.
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
  void anOfficerMadeLeaderSignsInAndSignsOffTheAgencysAnswer() throws Exception {
    String agency = agency("Sở Lãnh Đạo ");
    String officer = fixtures.user("/agency-officer", "/agencies/" + agency);
    JsonNode submitted = drafted(agency);
    String caseCode = submitted.path("code").asText();

    browser.dropAllCookies();
    browser.signIn("/quan-tri/nguoi-dung/" + officer, "quantri");
    assertThat(browser.findAll("#job-title-missing")).as("not a leader yet").isEmpty();
    browser.byId("leader").click();
    browser.byId("save-agency").click();
    browser.textIn("#notice", "Đã lưu cơ quan");
    assertThat(browser.byId("leader").isSelected()).isTrue();
    assertThat(browser.byId("role-agency-leader").isSelected()).isTrue();
    assertThat(browser.byId("role-agency-officer").isSelected())
        .as("a leader, not an officer as well")
        .isFalse();
    assertThat(browser.byId("job-title-missing").getText()).contains("LÃNH ĐẠO CƠ QUAN");
    browser.open("/quan-tri/nguoi-dung");
    assertThat(browser.findAll("#untitled-leaders li[data-person='" + officer + "']"))
        .hasSize(1);
    browser.assertNoConsoleErrors();
    browser.screenshots("quan-tri-nguoi-dung-lanh-dao");

    // The new leader signs in and finds the answer waiting for their sign-off.
    signOff(officer, caseCode);
    // Without a job title, the letter's signature block says the generic line above their name.
    assertThat(letter(submitted)).contains("LÃNH ĐẠO CƠ QUAN Nguyễn Văn Thử");
  }

  @Test
  void aLeadersJobTitleSetOnThePageIsPrintedUnderTheirNameInTheLetterTheySign() throws Exception {
    String agency = agency("Sở Chức Vụ ");
    String leader =
        fixtures.user("/agency-leader", "/agencies/" + agency, "/agencies/" + agency + "/leaders");
    JsonNode submitted = drafted(agency);

    browser.dropAllCookies();
    browser.signIn("/quan-tri/nguoi-dung", "quantri");
    browser.find("#untitled-leaders li[data-person='" + leader + "'] a").click();
    browser.visible("#job-title-missing");
    browser.byId("jobTitle").sendKeys("Phó Giám đốc Sở");
    browser.byId("save-job-title").click();
    browser.textIn("#notice", "Đã lưu chức vụ.");
    assertThat(browser.byId("jobTitle").getAttribute("value")).isEqualTo("Phó Giám đốc Sở");
    assertThat(browser.findAll("#job-title-missing")).isEmpty();
    browser.open("/quan-tri/nguoi-dung");
    assertThat(browser.findAll("#untitled-leaders li[data-person='" + leader + "']"))
        .isEmpty();
    browser.assertNoConsoleErrors();

    signOff(leader, submitted.path("code").asText());
    assertThat(letter(submitted))
        .contains("PHÓ GIÁM ĐỐC SỞ Nguyễn Văn Thử")
        .doesNotContain("LÃNH ĐẠO CƠ QUAN");
  }

  /** A ministry-like agency of the test. */
  private String agency(String name) {
    String agency = fixtures.agencyCode();
    Api.Response created = api()
        .postJson(
            "/api/v1/admin/agencies",
            Api.toJson(Map.of(
                "code",
                agency,
                "name",
                name + agency,
                "shortName",
                "Sở TN",
                "kind",
                "MINISTRY",
                "aliases",
                List.of())),
            Api.token("quantri"),
            Map.of());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return agency;
  }

  /** A feedback item of the agency whose drafted answer waits for its leaders' sign-off; the receipt. */
  private JsonNode drafted(String agency) {
    JsonNode submitted = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json();
    String caseCode = submitted.path("code").asText();
    AnsweredFeedback.complete(
        api(),
        caseCode,
        "ClassifyFeedback",
        Map.of("handlingAgency", agency, "field", "administrative-procedures"));
    AnsweredFeedback.complete(
        api(), caseCode, "AcceptFeedback", Map.of("acceptanceDecision", "accept"));
    AnsweredFeedback.complete(
        api(),
        caseCode,
        "DraftAnswer",
        Map.of("answerDecision", "answer", "answerText", "Sở đã xử lý xong."));
    return submitted;
  }

  /** The leader signs in, finds the step in "Việc của tôi" and approves the answer. */
  private void signOff(String leader, String caseCode) {
    browser.dropAllCookies();
    browser.open("/lam-viec");
    browser.logInAtKeycloak(leader, RealmFixtures.PASSWORD);
    browser
        .visible(
            "#work-list li[data-step='SignOffAnswer'][data-case='" + caseCode + "'] a.work-link")
        .click();
    browser.find("label[for=signOffDecision-approve]").click();
    browser.byId("sign-off-submit").click();
    browser.textIn("#notice", "Đã duyệt và gửi trả lời " + caseCode);
    browser.assertNoConsoleErrors();
  }

  /** The answer letter's text, once made, as the sender downloads it. */
  private String letter(JsonNode receipt) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/v1/public/feedback/" + receipt.path("code").asText() + "/letter.pdf"))
        .header("X-Tracking-Secret", receipt.path("trackingSecret").asText())
        .GET()
        .build();
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    try (PDDocument letter = Loader.loadPDF(
        http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body())) {
      return new PDFTextStripper().getText(letter).replaceAll("\\s+", " ");
    }
  }

  @Test
  void anOfficerLeavingHandsTheirStepToAColleagueAndTheirAccountIsDisabled() {
    String agency = fixtures.agencyCode();
    Api.Response created = api()
        .postJson(
            "/api/v1/admin/agencies",
            Api.toJson(Map.of(
                "code",
                agency,
                "name",
                "Sở Bàn Giao " + agency,
                "shortName",
                "Sở BG",
                "kind",
                "PROVINCE",
                "aliases",
                List.of())),
            Api.token("quantri"),
            Map.of());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String leaving = fixtures.user("/agency-officer", "/agencies/" + agency);
    String colleague = fixtures.user("/agency-officer", "/agencies/" + agency);
    String caseCode = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json()
        .path("code")
        .asText();
    AnsweredFeedback.complete(
        api(),
        caseCode,
        "ClassifyFeedback",
        Map.of("handlingAgency", agency, "field", "administrative-procedures"));
    String token = Api.token(leaving, RealmFixtures.PASSWORD);
    String taskId =
        api()
            .get("/api/v1/work?size=100", token)
            .json()
            .path("items")
            .findParents("caseCode")
            .stream()
            .filter(item -> item.path("caseCode").asText().equals(caseCode))
            .findFirst()
            .orElseThrow()
            .path("taskId")
            .asText();
    assertThat(api()
            .postJson("/api/v1/work/" + taskId + "/claim", "{}", token, Map.of())
            .status())
        .isEqualTo(200);

    browser.dropAllCookies();
    browser.signIn("/quan-tri/nguoi-dung", "quantri");
    browser.byId("q").sendKeys(leaving);
    browser.byId("find").click();
    browser.visible("#people tr[data-person='" + leaving + "'] a").click();
    browser.textIn("#person-title", "Nguyễn Văn Thử");
    assertThat(browser.find("#work tr[data-case='" + caseCode + "']").getText())
        .contains("Tiếp nhận xử lý");

    browser.byId("deactivate").click();
    browser.textIn("#notice", "hãy bàn giao cho đồng nghiệp trước khi khóa tài khoản");
    assertThat(browser.findAll("#confirmation")).isEmpty();
    browser.assertNoConsoleErrors();
    browser.screenshots("quan-tri-nguoi-dung-ban-giao");

    new Select(browser.byId("to-" + taskId)).selectByValue(colleague);
    browser.find("#work tr[data-case='" + caseCode + "'] button[type=submit]").click();
    browser.textIn("#notice", "Đã bàn giao bước xử lý");
    browser.visible("#work-none");
    assertThat(jdbc.sql(
                "select detail->>'to' from audit_event where case_code = ? and action = 'TASK_REASSIGNED'")
            .param(caseCode)
            .query(String.class)
            .single())
        .isEqualTo(colleague);

    browser.byId("deactivate").click();
    browser.textIn("#effect", "Bước xử lý còn mở: 0");
    browser.byId("confirm").click();
    browser.textIn("#notice", "Đã khóa tài khoản");
    assertThat(browser.byId("person-disabled").getText()).isEqualTo("Tài khoản đã bị khóa");
    assertThat(adminRealmApi
            .get("/users?exact=true&username=" + leaving)
            .path(0)
            .path("enabled")
            .asBoolean())
        .isFalse();
    browser.assertNoConsoleErrors();
  }
}
