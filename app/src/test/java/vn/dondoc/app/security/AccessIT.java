package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserSession;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;

/** Who may do what, with real tokens and logins of the demo users from the Keycloak realm. */
class AccessIT extends IntegrationTest {

  @Test
  void aStaffEndpointWithoutATokenIsRefusedWith401() {
    Api.Response response = api().get("/api/v1/feedback/" + submit(), null);
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("title").asText()).isEqualTo("Cần đăng nhập");
  }

  @Test
  void aForgedTokenIsRefusedWith401() {
    String token = Api.token("thuongtruc");
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
    assertThat(api().get("/api/v1/feedback/" + submit(), forged).status()).isEqualTo(401);
  }

  @Test
  void aCitizenMayNotReadStaffCases() {
    Api.Response response = api().get("/api/v1/feedback/" + submit(), Api.token("congdan"));
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().path("status").asInt()).isEqualTo(403);
  }

  @Test
  void theCitizenAndTheAnonymousFindOnlyPublishedCasesWhenTheySearch() {
    String marker = Feedback.marker();
    api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker)));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(api().get("/api/v1/search?q=" + marker, Api.token("thuongtruc")).json().path("total").asInt()).isOne());
    assertThat(api().get("/api/v1/search?q=" + marker, Api.token("congdan")).json().path("total").asInt()).isZero();
    assertThat(api().get("/api/v1/search?q=" + marker, null).json().path("total").asInt()).isZero();
  }

  @Test
  void camundaRestNeedsATokenAndShowsTasksByCandidateGroup() {
    String code = submit();
    assertThat(api().get("/engine-rest/task?processInstanceBusinessKey=" + code, null).status()).isEqualTo(401);

    JsonNode forStandingOffice = api().get("/engine-rest/task?processInstanceBusinessKey=" + code, Api.token("thuongtruc")).json();
    assertThat(forStandingOffice.findValuesAsText("name")).containsExactly("Tiếp nhận và phân loại");

    JsonNode forAgencyOfficer = api().get("/engine-rest/task?processInstanceBusinessKey=" + code, Api.token("canbo.hanoi")).json();
    assertThat(forAgencyOfficer).isEmpty();
  }

  @Test
  void afterClassificationOnlyTheHandlingAgencySeesTheCase() {
    String marker = Feedback.marker();
    String code = api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker))).json().path("code").asText();
    String standingOffice = Api.token("thuongtruc");
    String taskId = api().get("/engine-rest/task?processInstanceBusinessKey=" + code, standingOffice).json().get(0).path("id").asText();

    Api.Response completed = api().postJson("/engine-rest/task/" + taskId + "/complete", Api.toJson(Map.of("variables", Map.of(
        "handlingAgency", Map.of("value", "hanoi"),
        "field", Map.of("value", "administrative-procedures"),
        "classificationNote", Map.of("value", "Thuộc thẩm quyền UBND Thành phố Hà Nội")))), standingOffice, Map.of());
    assertThat(completed.status()).as(completed.raw().body()).isEqualTo(204);

    String query = "/api/v1/search?q=" + Api.encode(marker);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(api().get(query, Api.token("canbo.hanoi")).json().path("items").findValuesAsText("code")).containsExactly(code));
    assertThat(api().get(query, Api.token("canbo.bkhcn")).json().path("total").asInt()).isZero();
    assertThat(api().get("/api/v1/feedback/" + code, Api.token("canbo.bkhcn")).status()).isEqualTo(404);
    assertThat(api().get("/api/v1/feedback/" + code, Api.token("canbo.hanoi")).json().path("handlingAgency").asText()).isEqualTo("hanoi");
  }

  @Test
  void theStandingOfficeLogsIntoTasklistAndGetsTheClassificationForm() throws Exception {
    String code = submit();
    BrowserSession browser = new BrowserSession();
    String base = "http://127.0.0.1:" + port;

    HttpResponse<String> tasklist = browser.loginAndOpen(base + "/camunda/app/tasklist/", "thuongtruc");
    assertThat(tasklist.statusCode()).isEqualTo(200);

    JsonNode user = json(browser.camundaGet(base + "/camunda/api/admin/auth/user/default"));
    assertThat(user.path("userId").asText()).isEqualTo("thuongtruc");
    assertThat(user.path("authorizedApps").toString()).contains("tasklist");

    String engine = base + "/camunda/api/engine/engine/default";
    JsonNode task = json(browser.camundaGet(engine + "/task?processInstanceBusinessKey=" + code)).get(0);
    JsonNode formRef = json(browser.camundaGet(engine + "/task/" + task.path("id").asText() + "/form"));
    assertThat(formRef.path("camundaFormRef").path("key").asText()).isEqualTo("feedback-classification");
    JsonNode form = json(browser.camundaGet(engine + "/task/" + task.path("id").asText() + "/deployed-form"));
    assertThat(form.path("components").findValuesAsText("key")).contains("handlingAgency", "field", "title");

    JsonNode filter = json(browser.camundaGet(engine + "/filter?resourceType=Task")).get(0);
    assertThat(filter.path("name").asText()).isEqualTo("Việc của tôi và nhóm");
    JsonNode listed = json(browser.camundaGet(engine + "/filter/" + filter.path("id").asText() + "/list?maxResults=200",
        "application/hal+json"));
    List<String> shown = new ArrayList<>();
    listed.path("_embedded").path("task").forEach(t -> shown.addAll(t.path("_embedded").path("variable").findValuesAsText("value")));
    assertThat(shown).as("case codes shown in the task list").contains(code);
  }

  @Test
  void aCitizenCannotOpenTasklist() {
    BrowserSession browser = new BrowserSession();
    HttpResponse<String> tasklist = browser.loginAndOpen("http://127.0.0.1:" + port + "/camunda/app/tasklist/", "congdan");
    assertThat(tasklist.statusCode()).isEqualTo(403);
  }

  @Test
  void theLandingPageIsPublicAndInVietnamese() {
    Api.Response landing = api().get("/", null);
    assertThat(landing.status()).isEqualTo(200);
    assertThat(landing.raw().body()).contains("lang=\"vi\"", "Nghị quyết 57-NQ/TW");
  }

  @Test
  void healthReportsDatabaseSearchAndIdentity() {
    assertThat(api().get("/actuator/health", null).json().has("components")).as("details are for admins").isFalse();
    JsonNode health = api().get("/actuator/health", Api.token("quantri")).json();
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("elasticsearch").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("keycloak").path("status").asText()).isEqualTo("UP");
  }

  private String submit() {
    Api.Response created = api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())));
    assertThat(created.status()).isEqualTo(201);
    return created.json().path("code").asText();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
