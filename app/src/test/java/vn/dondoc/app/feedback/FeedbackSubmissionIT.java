package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.attachments.SampleFiles;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.support.MovableClock;
import vn.dondoc.processes.FeedbackHandling;

class FeedbackSubmissionIT extends IntegrationTest {

  @Autowired
  MovableClock clock;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Test
  void anonymousFeedbackIsStoredStartsItsProcessAndIsFoundWithoutDiacritics() {
    String marker = Feedback.marker();

    Api.Response created = api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(marker)));

    assertThat(created.status()).isEqualTo(201);
    String code = created.json().path("code").asText();
    assertThat(code).matches("PAKN-\\d{4}-\\d{6}");
    assertThat(created.header("Location")).isEqualTo("/api/v1/feedback/" + code);
    assertThat(jdbc.sql("select status from feedback_item where code = ?")
            .param(code)
            .query(String.class)
            .single())
        .isEqualTo("RECEIVED");

    Task classify = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(classify.getTaskDefinitionKey()).isEqualTo(FeedbackHandling.TASK_CLASSIFY);
    assertThat(runtime.getVariable(classify.getProcessInstanceId(), "caseCode")).isEqualTo(code);

    String standingOffice = Api.token("thuongtruc");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode found = api()
          .get("/api/v1/search?q=" + Api.encode("thu tuc hanh chinh " + marker), standingOffice)
          .json();
      assertThat(found.path("items").findValuesAsText("code")).containsExactly(code);
    });
  }

  @Test
  void attachmentsUploadedFirstBelongToTheItemAndAreReadByWhoeverMayReadIt() {
    JsonNode upload = api()
        .upload("Ảnh chụp hồ sơ.pdf", SampleFiles.pdf(), "application/pdf", null)
        .json();
    Map<String, Object> body = new HashMap<>(Feedback.valid(Feedback.marker()));
    body.put(
        "attachments",
        List.of(Map.of(
            "id",
            upload.path("id").asText(),
            "uploadToken",
            upload.path("uploadToken").asText())));

    Api.Response created = api().postJson("/api/v1/feedback", Api.toJson(body));

    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    long id = jdbc.sql("select id from feedback_item where code = ?")
        .param(created.json().path("code").asText())
        .query(Long.class)
        .single();
    assertThat(jdbc.sql("select owner_id from attachment where id = ?::uuid")
            .param(upload.path("id").asText())
            .query(Long.class)
            .single())
        .isEqualTo(id);
    String download = "/api/v1/attachments/" + upload.path("id").asText();
    assertThat(api().get(download, Api.token("thuongtruc")).status()).isEqualTo(200);
    assertThat(api().get(download, Api.token("canbo.bkhcn")).status())
        .as("not routed to that agency")
        .isEqualTo(404);
  }

  @Test
  void aWrongUploadTokenRefusesTheWholeSubmission() {
    JsonNode upload =
        api().upload("ho-so.pdf", SampleFiles.pdf(), "application/pdf", null).json();
    Map<String, Object> body = new HashMap<>(Feedback.valid(Feedback.marker()));
    body.put(
        "attachments",
        List.of(Map.of("id", upload.path("id").asText(), "uploadToken", "someone-elses-guess")));
    long itemsBefore =
        jdbc.sql("select count(*) from feedback_item").query(Long.class).single();

    Api.Response refused = api().postJson("/api/v1/feedback", Api.toJson(body));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").findValuesAsText("field"))
        .containsExactly("attachments[0]");
    assertThat(jdbc.sql("select count(*) from feedback_item").query(Long.class).single())
        .isEqualTo(itemsBefore);
    assertThat(jdbc.sql("select owner_id from attachment where id = ?::uuid")
            .param(upload.path("id").asText())
            .query(Long.class)
            .optional())
        .isEmpty();
  }

  @Test
  void theSameIdempotencyKeyTwiceCreatesOneItem() {
    String key = "it-idempotency-" + Feedback.marker();
    String body = Api.toJson(Feedback.valid(Feedback.marker()));

    Api.Response first =
        api().postJson("/api/v1/feedback", body, null, Map.of("Idempotency-Key", key));
    Api.Response again =
        api().postJson("/api/v1/feedback", body, null, Map.of("Idempotency-Key", key));

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("code").asText())
        .isEqualTo(first.json().path("code").asText());
    assertThat(again.json().path("trackingSecret").asText())
        .isEqualTo(first.json().path("trackingSecret").asText())
        .isNotEmpty();
    assertThat(jdbc.sql("select count(*) from feedback_item where idempotency_key = ?")
            .param(key)
            .query(Long.class)
            .single())
        .isEqualTo(1);
  }

  /** Only the request that produced an answer gets it again: not another body, not another caller, not too late. */
  @Test
  void anIdempotencyKeyReplaysNothingToAnotherRequest() {
    String key = "it-idempotency-" + Feedback.marker();
    String body = Api.toJson(Feedback.valid(Feedback.marker()));
    Api.Response first =
        api().postJson("/api/v1/feedback", body, null, Map.of("Idempotency-Key", key));
    assertThat(first.status()).isEqualTo(201);
    String secret = first.json().path("trackingSecret").asText();

    String otherMarker = Feedback.marker();
    Api.Response otherBody = api()
        .postJson(
            "/api/v1/feedback",
            Api.toJson(Feedback.valid(otherMarker)),
            null,
            Map.of("Idempotency-Key", key));
    Api.Response otherCaller = api()
        .postJson("/api/v1/feedback", body, Api.token("congdan"), Map.of("Idempotency-Key", key));
    clock.moveBy(Duration.ofDays(1).plusMinutes(1));
    Api.Response tooLate;
    try {
      tooLate = api().postJson("/api/v1/feedback", body, null, Map.of("Idempotency-Key", key));
    } finally {
      clock.reset();
    }

    for (Api.Response refused : List.of(otherBody, otherCaller, tooLate)) {
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().path("title").asText()).isEqualTo("Idempotency-Key đã được dùng");
      assertThat(refused.raw().body())
          .doesNotContain(secret)
          .doesNotContain(first.json().path("code").asText());
    }
    assertThat(otherBody.json().path("detail").asText()).contains("yêu cầu khác");
    assertThat(tooLate.json().path("detail").asText()).contains("quá thời hạn");
    assertThat(jdbc.sql("select count(*) from feedback_item where title like ?")
            .param("%" + otherMarker)
            .query(Long.class)
            .single())
        .isZero();
  }

  @Test
  void aShortIdempotencyKeyIsRefused() {
    Api.Response refused = api()
        .postJson(
            "/api/v1/feedback",
            Api.toJson(Feedback.valid(Feedback.marker())),
            null,
            Map.of("Idempotency-Key", "1"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").get(0).path("field").asText())
        .isEqualTo("Idempotency-Key");
    assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("16");
  }

  static Stream<Arguments> badSubmissions() {
    List<Arguments> cases = new ArrayList<>();
    cases.add(Arguments.of("missing title", with(b -> b.remove("title")), "title"));
    cases.add(Arguments.of("missing contact", with(b -> b.remove("contact")), "contact"));
    cases.add(Arguments.of("unknown field value", with(b -> b.put("field", "weather")), "field"));
    cases.add(Arguments.of("unknown type value", with(b -> b.put("type", "petition")), "type"));
    cases.add(Arguments.of(
        "1 MB title", with(b -> b.put("title", "Đ".repeat(1024 * 1024))), "title"));
    cases.add(
        Arguments.of("unknown locality", with(b -> b.put("locality", "atlantis")), "locality"));
    cases.add(Arguments.of(
        "no way to answer", with(b -> b.put("contact", Map.of("name", "Ẩn danh"))), "contact"));
    cases.add(Arguments.of(
        "malformed e-mail",
        with(b -> b.put("contact", Map.of("name", "A", "email", "not-an-address"))),
        "contact.email"));
    cases.add(Arguments.of("invalid JSON", "{\"title\": \"Thủ tục\", ", "body"));
    cases.add(Arguments.of("empty body", "", "body"));
    cases.add(Arguments.of(
        "wrong type for title", with(b -> b.put("title", List.of(1, 2))), "title"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSubmissions")
  void badInputIsA400ProblemNamingTheFieldAndStoresNothing(String what, String body, String field) {
    long itemsBefore =
        jdbc.sql("select count(*) from feedback_item").query(Long.class).single();
    long processesBefore = runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(FeedbackHandling.PROCESS_KEY)
        .count();

    Api.Response response = api().postJson("/api/v1/feedback", body);

    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("errors").findValuesAsText("field")).contains(field);
    assertThat(response.json().path("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
    assertThat(jdbc.sql("select count(*) from feedback_item").query(Long.class).single())
        .isEqualTo(itemsBefore);
    assertThat(runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(FeedbackHandling.PROCESS_KEY)
            .count())
        .isEqualTo(processesBefore);
  }

  @Test
  void problemsSpeakEnglishWhenAskedTo() {
    Map<String, Object> body = Feedback.valid(Feedback.marker());
    body.remove("title");
    Api.Response response =
        api().postJson("/api/v1/feedback", Api.toJson(body), null, Map.of("Accept-Language", "en"));
    assertThat(response.json().path("title").asText()).isEqualTo("Invalid input");
    assertThat(response.json().path("errors").get(0).path("message").asText())
        .isEqualTo("is required");
  }

  private static String with(java.util.function.Consumer<Map<String, Object>> change) {
    Map<String, Object> body = new HashMap<>(Feedback.valid(Feedback.marker()));
    change.accept(body);
    return Api.toJson(body);
  }
}
