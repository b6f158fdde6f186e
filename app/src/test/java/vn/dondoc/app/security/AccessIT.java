package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.AnsweredFeedback;
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
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(api()
                .get("/api/v1/search?q=" + marker, Api.token("thuongtruc"))
                .json()
                .path("total")
                .asInt())
            .isOne());
    assertThat(api()
            .get("/api/v1/search?q=" + marker, Api.token("congdan"))
            .json()
            .path("total")
            .asInt())
        .isZero();
    assertThat(
            api().get("/api/v1/search?q=" + marker, null).json().path("total").asInt())
        .isZero();
  }

  @Test
  void camundaRestIsForAdminsAndRefusesStaffInVietnamese() {
    String code = submit();
    assertThat(api()
            .get("/engine-rest/task?processInstanceBusinessKey=" + code, null)
            .status())
        .isEqualTo(401);

    for (String staff : List.of(
        "thuongtruc",
        "canbo.hanoi",
        "lanhdao.bkhcn",
        "thamdinh",
        "chuyengia",
        "giamsat",
        "congdan")) {
      Api.Response refused =
          api().get("/engine-rest/task?processInstanceBusinessKey=" + code, Api.token(staff));
      assertThat(refused.status()).as(staff).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().path("title").asText())
          .isEqualTo("Không có quyền truy cập bộ máy quy trình");
    }

    JsonNode forAdmin = api()
        .get("/engine-rest/task?processInstanceBusinessKey=" + code, Api.token("quantri"))
        .json();
    assertThat(forAdmin.findValuesAsText("name")).containsExactly("Tiếp nhận và phân loại");
  }

  @Test
  void afterClassificationOnlyTheHandlingAgencySeesTheCase() {
    String marker = Feedback.marker();
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker)))
        .json()
        .path("code")
        .asText();
    AnsweredFeedback.complete(
        api(),
        code,
        "ClassifyFeedback",
        Map.of(
            "handlingAgency",
            "hanoi",
            "field",
            "administrative-procedures",
            "classificationNote",
            "Thuộc thẩm quyền UBND Thành phố Hà Nội"));

    String query = "/api/v1/search?q=" + Api.encode(marker);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(api()
                .get(query, Api.token("canbo.hanoi"))
                .json()
                .path("items")
                .findValuesAsText("code"))
            .containsExactly(code));
    assertThat(api().get(query, Api.token("canbo.bkhcn")).json().path("total").asInt())
        .isZero();
    assertThat(api().get("/api/v1/feedback/" + code, Api.token("canbo.bkhcn")).status())
        .isEqualTo(404);
    assertThat(api()
            .get("/api/v1/feedback/" + code, Api.token("canbo.hanoi"))
            .json()
            .path("handlingAgency")
            .asText())
        .isEqualTo("hanoi");
  }

  @Test
  void theAdminIsACamundaAdminInEveryWebapp() throws Exception {
    String code = submit();
    BrowserSession browser = new BrowserSession();
    String base = "http://127.0.0.1:" + port;

    assertThat(browser.loginAndOpen(base + "/camunda/app/cockpit/", "quantri").statusCode())
        .isEqualTo(200);
    JsonNode user = json(browser.camundaGet(base + "/camunda/api/admin/auth/user/default"));
    assertThat(user.path("userId").asText()).isEqualTo("quantri");
    assertThat(user.path("authorizedApps").toString()).contains("cockpit", "tasklist", "admin");

    String engine = base + "/camunda/api/engine/engine/default";
    JsonNode task = json(browser.camundaGet(engine + "/task?processInstanceBusinessKey=" + code))
        .get(0);
    assertThat(task.path("name").asText()).isEqualTo("Tiếp nhận và phân loại");
    assertThat(
            json(browser.camundaGet(engine + "/filter?resourceType=Task")).findValuesAsText("name"))
        .as("the staff's former Tasklist filter is gone")
        .doesNotContain("Việc của tôi và nhóm");
  }

  @Test
  void staffGetAVietnamese403ForTheCamundaWebappsAndTheirApi() throws Exception {
    String base = "http://127.0.0.1:" + port;
    for (String staff : List.of("thuongtruc", "chuyengia")) {
      BrowserSession browser = new BrowserSession();
      HttpResponse<String> tasklist = browser.loginAndOpen(base + "/camunda/app/tasklist/", staff);
      assertThat(tasklist.statusCode()).as(staff).isEqualTo(403);
      assertThat(tasklist.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(tasklist.body())
          .contains("Chỉ quản trị viên hệ thống được mở Cockpit, Tasklist và Admin")
          .doesNotContain("Exception", "Whitelabel");

      HttpResponse<String> api =
          browser.camundaGet(base + "/camunda/api/engine/engine/default/task");
      assertThat(api.statusCode()).isEqualTo(403);
      assertThat(api.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(new ObjectMapper().readTree(api.body()).path("title").asText())
          .isEqualTo("Không có quyền truy cập bộ máy quy trình");
      assertThat(browser.camundaGet(base + "/camunda/app/cockpit/").statusCode())
          .isEqualTo(403);
      assertThat(browser.camundaGet(base + "/camunda/app/admin/").statusCode()).isEqualTo(403);
    }
  }

  @Test
  void aCitizenCannotOpenTasklist() {
    BrowserSession browser = new BrowserSession();
    HttpResponse<String> tasklist =
        browser.loginAndOpen("http://127.0.0.1:" + port + "/camunda/app/tasklist/", "congdan");
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
    assertThat(api().get("/actuator/health", null).json().has("components"))
        .as("details are for admins")
        .isFalse();
    JsonNode health = api().get("/actuator/health", Api.token("quantri")).json();
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("elasticsearch").path("status").asText())
        .isEqualTo("UP");
    assertThat(health.path("components").path("keycloak").path("status").asText())
        .isEqualTo("UP");
  }

  private String submit() {
    Api.Response created =
        api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())));
    assertThat(created.status()).isEqualTo(201);
    return created.json().path("code").asText();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
