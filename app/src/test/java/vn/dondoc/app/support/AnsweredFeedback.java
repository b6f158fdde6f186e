package vn.dondoc.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A feedback item taken from submission to a published answer (as in FeedbackLifecycleIT): submitted
 * anonymously with consent, routed to Hà Nội, accepted, answered and signed off. The steps go through the
 * engine's REST API as the admin, the one person besides service accounts who may use it.
 */
public record AnsweredFeedback(String code, String secret, String title, String answer) {

  public static AnsweredFeedback publish(Api api, String marker) {
    Map<String, Object> submission = Feedback.valid(marker);
    JsonNode receipt = api.postJson("/api/v1/feedback", Api.toJson(submission)).json();
    String code = receipt.path("code").asText();
    String answer =
        "Sở Khoa học và Công nghệ Hà Nội đã tiếp nhận hồ sơ trực tuyến từ ngày 01/03/2026 "
            + marker;
    complete(
        api,
        code,
        "ClassifyFeedback",
        Map.of("handlingAgency", "hanoi", "field", "administrative-procedures"));
    complete(api, code, "AcceptFeedback", Map.of("acceptanceDecision", "accept"));
    complete(api, code, "DraftAnswer", Map.of("answerDecision", "answer", "answerText", answer));
    complete(api, code, "SignOffAnswer", Map.of("signOffDecision", "approve"));
    assertThat(api.get("/api/v1/public/answers/" + code, null).status()).isEqualTo(200);
    return new AnsweredFeedback(
        code, receipt.path("trackingSecret").asText(), (String) submission.get("title"), answer);
  }

  /** The admin, who may use the engine's REST API. */
  public static final String ENGINE_ADMIN = "quantri";

  /** Completes the case's open user task {@code taskKey} through Camunda's REST API as the admin. */
  public static void complete(Api api, String code, String taskKey, Map<String, Object> variables) {
    String token = Api.token(ENGINE_ADMIN);
    JsonNode tasks = api.get(
            "/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey="
                + taskKey,
            token)
        .json();
    assertThat(tasks).as("%s of %s", taskKey, code).hasSize(1);
    Map<String, Object> typed = new HashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    Api.Response done = api.postJson(
        "/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
        Api.toJson(Map.of("variables", typed)),
        token,
        Map.of());
    assertThat(done.status()).as(done.raw().body()).isEqualTo(204);
  }
}
