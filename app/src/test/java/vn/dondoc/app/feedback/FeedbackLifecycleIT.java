package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;

/**
 * One feedback item from submission to rating: the sender through the public API with the tracking secret,
 * the steps of staff through Camunda's REST API as the admin (staff themselves may not use it: their work is
 * the workspace's), and what staff see through Dondoc's API with their own tokens.
 */
class FeedbackLifecycleIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  private static final String SECRET = "X-Tracking-Secret";

  private String taskId(String code, String taskKey) {
    JsonNode tasks = api()
        .get(
            "/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey="
                + taskKey,
            Api.token(AnsweredFeedback.ENGINE_ADMIN))
        .json();
    assertThat(tasks).as("task %s of %s", taskKey, code).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private Api.Response complete(String taskId, Map<String, Object> variables) {
    return complete(taskId, Api.token(AnsweredFeedback.ENGINE_ADMIN), variables);
  }

  private Api.Response complete(String taskId, String token, Map<String, Object> variables) {
    Map<String, Object> typed = new java.util.HashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return api()
        .postJson(
            "/engine-rest/task/" + taskId + "/complete",
            Api.toJson(Map.of("variables", typed)),
            token,
            Map.of());
  }

  private JsonNode follow(String code, String secret) {
    Api.Response response =
        api().get("/api/v1/public/feedback/" + code, null, Map.of(SECRET, secret));
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json();
  }

  @Test
  void fromSubmissionToRatingAsEachPersonDoesIt() {
    String hanoiOfficer = Api.token("canbo.hanoi");
    String otherAgency = Api.token("canbo.bkhcn");

    // The sender submits anonymously and keeps code and secret.
    String marker = Feedback.marker();
    JsonNode receipt =
        api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker))).json();
    String code = receipt.path("code").asText();
    String secret = receipt.path("trackingSecret").asText();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(20);
    assertThat(follow(code, secret).path("statusLabel").asText()).isEqualTo("Đã tiếp nhận");
    assertThat(api()
            .get(
                "/api/v1/public/feedback/" + code,
                null,
                Map.of(SECRET, secret, "Accept-Language", "en"))
            .json()
            .path("statusLabel")
            .asText())
        .isEqualTo("Received");

    // The routing table proposed Hà Nội; the classification confirms.
    assertThat(complete(
                taskId(code, "ClassifyFeedback"),
                Map.of("handlingAgency", "hanoi", "field", "administrative-procedures"))
            .status())
        .isEqualTo(204);

    // Another agency neither sees nor can act on the case; no staff member reaches the engine's
    // API.
    String accept = taskId(code, "AcceptFeedback");
    assertThat(api()
            .get("/engine-rest/task?processInstanceBusinessKey=" + code, otherAgency)
            .status())
        .isEqualTo(403);
    assertThat(complete(accept, hanoiOfficer, Map.of("acceptanceDecision", "accept"))
            .status())
        .isEqualTo(403);
    assertThat(api().get("/api/v1/feedback/" + code, otherAgency).status()).isEqualTo(404);
    assertThat(api()
            .get("/api/v1/feedback/" + code, hanoiOfficer)
            .json()
            .path("handlingAgency")
            .asText())
        .isEqualTo("hanoi");

    // Hà Nội accepts, then asks the sender for the dossier number.
    assertThat(complete(accept, Map.of("acceptanceDecision", "accept")).status())
        .isEqualTo(204);
    String draft = taskId(code, "DraftAnswer");
    assertThat(complete(
                draft,
                Map.of(
                    "answerDecision",
                    "ask-sender",
                    "questionToSender",
                    "Đề nghị cho biết số hồ sơ đã nộp."))
            .status())
        .isEqualTo(204);

    // A wrong secret shows nothing; the right one shows the question.
    assertThat(api()
            .get("/api/v1/public/feedback/" + code, null, Map.of(SECRET, "not-the-secret"))
            .status())
        .isEqualTo(404);
    assertThat(api().get("/api/v1/public/feedback/" + code, null, Map.of()).status())
        .isEqualTo(404);
    JsonNode waiting = follow(code, secret);
    assertThat(waiting.path("status").asText()).isEqualTo("WAITING_FOR_SENDER");
    assertThat(waiting.path("questionToSender").asText())
        .isEqualTo("Đề nghị cho biết số hồ sơ đã nộp.");
    assertThat(waiting.path("mayReply").asBoolean()).isTrue();

    Api.Response replied = api()
        .postJson(
            "/api/v1/public/feedback/" + code + "/reply",
            Api.toJson(Map.of("text", "Số hồ sơ 000.00.12.H26-260301-0001")),
            null,
            Map.of(SECRET, secret));
    assertThat(replied.status()).as(replied.raw().body()).isEqualTo(200);
    assertThat(replied.json().path("status").asText()).isEqualTo("IN_PROGRESS");
    Api.Response again = api()
        .postJson(
            "/api/v1/public/feedback/" + code + "/reply",
            Api.toJson(Map.of("text", "lần nữa")),
            null,
            Map.of(SECRET, secret));
    assertThat(again.status()).isEqualTo(409);

    // The answer is drafted, then signed off.
    draft = taskId(code, "DraftAnswer");
    assertThat(complete(
                draft,
                Map.of(
                    "answerDecision",
                    "answer",
                    "answerText",
                    "Sở đã giải quyết hồ sơ trong 3 ngày làm việc."))
            .status())
        .isEqualTo(204);
    String signOff = taskId(code, "SignOffAnswer");
    assertThat(complete(signOff, Map.of("signOffDecision", "approve")).status()).isEqualTo(204);

    // Answered and published (the sender consented): anyone can read and find it.
    JsonNode answered = follow(code, secret);
    assertThat(answered.path("status").asText()).isEqualTo("ANSWERED");
    assertThat(answered.path("answerText").asText())
        .isEqualTo("Sở đã giải quyết hồ sơ trong 3 ngày làm việc.");
    assertThat(answered.path("mayRate").asBoolean()).isTrue();
    JsonNode published = api().get("/api/v1/public/answers/" + code, null).json();
    assertThat(published.path("answerText").asText()).startsWith("Sở đã giải quyết");
    assertThat(published.has("contact")).isFalse();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(api()
                .get("/api/v1/search?q=" + marker, null)
                .json()
                .path("items")
                .findValuesAsText("code"))
            .containsExactly(code));

    // The sender rates; a second rating is refused.
    Api.Response rated = api()
        .postJson(
            "/api/v1/public/feedback/" + code + "/rating",
            Api.toJson(Map.of("rating", 5, "comment", "Cảm ơn", "reopen", false)),
            null,
            Map.of(SECRET, secret));
    assertThat(rated.status()).as(rated.raw().body()).isEqualTo(200);
    assertThat(rated.json().path("status").asText()).isEqualTo("CLOSED");
    assertThat(api()
            .postJson(
                "/api/v1/public/feedback/" + code + "/rating",
                Api.toJson(Map.of("rating", 1, "reopen", true)),
                null,
                Map.of(SECRET, secret))
            .status())
        .isEqualTo(409);

    // Every decision is in the audit log, with who made it.
    List<String> actions = jdbc.sql(
            "select action || ':' || coalesce(actor, '-') from audit_event where case_code = ? order by id")
        .param(code)
        .query(String.class)
        .list();
    assertThat(actions)
        .containsExactly(
            "SUBMITTED:-",
            "CLASSIFIED:quantri",
            "HANDLING_STARTED:quantri",
            "ASKED_SENDER:quantri",
            "SENDER_REPLIED:-",
            "ANSWER_DRAFTED:quantri",
            "ANSWERED:quantri",
            "RATED:-");
  }

  @Test
  void theSenderMayReopenOnceAndTheCaseGoesBackToTheAgency() {
    JsonNode receipt = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json();
    String code = receipt.path("code").asText();
    String secret = receipt.path("trackingSecret").asText();
    complete(taskId(code, "ClassifyFeedback"), Map.of("handlingAgency", "hanoi"));
    complete(taskId(code, "AcceptFeedback"), Map.of("acceptanceDecision", "accept"));
    complete(
        taskId(code, "DraftAnswer"),
        Map.of("answerDecision", "answer", "answerText", "Trả lời lần 1"));
    complete(taskId(code, "SignOffAnswer"), Map.of("signOffDecision", "approve"));

    Api.Response reopened = api()
        .postJson(
            "/api/v1/public/feedback/" + code + "/rating",
            Api.toJson(Map.of("rating", 2, "comment", "Chưa giải quyết được", "reopen", true)),
            null,
            Map.of(SECRET, secret));

    assertThat(reopened.json().path("status").asText()).isEqualTo("IN_PROGRESS");
    taskId(code, "DraftAnswer");
  }

  @Test
  void theClassifierSeesOpenItemsFromTheSameSender() {
    String email = Feedback.marker() + "@example.vn";
    Map<String, Object> first = Feedback.valid(Feedback.marker());
    first.put("contact", Map.of("name", "Trần Văn Lặp", "email", email));
    String firstCode = api()
        .postJson("/api/v1/feedback", Api.toJson(first))
        .json()
        .path("code")
        .asText();
    Map<String, Object> second = Feedback.valid(Feedback.marker());
    second.put("contact", Map.of("name", "Trần Văn Lặp", "email", email));
    String secondCode = api()
        .postJson("/api/v1/feedback", Api.toJson(second))
        .json()
        .path("code")
        .asText();

    String taskId = taskId(secondCode, "ClassifyFeedback");
    JsonNode variables = api()
        .get(
            "/engine-rest/task/" + taskId + "/form-variables",
            Api.token(AnsweredFeedback.ENGINE_ADMIN))
        .json();

    assertThat(variables.path("possibleDuplicates").path("value").asText())
        .contains(firstCode, "cùng người gửi");
  }

  @Test
  void theClassifierSeesSimilarItemsOfTheFieldOnceTheSubmissionHasCommitted() {
    String marker = Feedback.marker();
    String standingOffice = Api.token("thuongtruc");
    Map<String, Object> first =
        similar(marker, "Trạm quan trắc môi trường " + marker + " chưa chia sẻ dữ liệu mở");
    String firstCode = api()
        .postJson("/api/v1/feedback", Api.toJson(first))
        .json()
        .path("code")
        .asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> api()
            .get("/api/v1/search?q=" + marker, standingOffice)
            .json()
            .path("items")
            .findValuesAsText("code")
            .contains(firstCode));

    Map<String, Object> second =
        similar(marker, "Dữ liệu trạm quan trắc môi trường " + marker + " chưa được chia sẻ mở");
    String secondCode = api()
        .postJson("/api/v1/feedback", Api.toJson(second))
        .json()
        .path("code")
        .asText();

    // looked up after the submission committed, on the task before anyone opens it
    String taskId = taskId(secondCode, "ClassifyFeedback");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(api()
                .get("/api/v1/work/" + taskId, standingOffice)
                .json()
                .path("data")
                .path("possibleDuplicates")
                .asText())
            .contains(firstCode, "nội dung tương tự"));
    String listed = api()
        .get("/api/v1/work/" + taskId, standingOffice)
        .json()
        .path("data")
        .path("possibleDuplicates")
        .asText();
    assertThat(java.util.regex.Pattern.compile("trùng (\\d+) % từ ngữ")
            .matcher(listed)
            .results()
            .map(m -> Integer.parseInt(m.group(1))))
        .as("only items sharing enough of their words: %s", listed)
        .isNotEmpty()
        .allSatisfy(share -> assertThat(share).isGreaterThanOrEqualTo(30));
  }

  /** A submission of the data-governance field by a sender of its own, with this title. */
  private static Map<String, Object> similar(String marker, String title) {
    Map<String, Object> body = Feedback.valid(marker);
    body.put("field", "data-governance");
    body.put("title", title);
    body.put(
        "content",
        "Số liệu quan trắc " + marker
            + " của trạm chỉ công bố bản giấy, chưa có dữ liệu mở để tra cứu.");
    body.put("contact", Map.of("name", "Lê Văn Quan", "email", Feedback.marker() + "@example.vn"));
    return body;
  }

  @Test
  void scriptInContentIsReturnedAsInertData() {
    Map<String, Object> body = Feedback.valid(Feedback.marker());
    body.put("content", "<script>alert('xss')</script> Nội dung");
    JsonNode receipt = api().postJson("/api/v1/feedback", Api.toJson(body)).json();

    Api.Response staffView =
        api().get("/api/v1/feedback/" + receipt.path("code").asText(), Api.token("thuongtruc"));

    assertThat(staffView.contentType()).startsWith("application/json");
    assertThat(staffView.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(staffView.json().path("content").asText())
        .isEqualTo("<script>alert('xss')</script> Nội dung");
  }
}
