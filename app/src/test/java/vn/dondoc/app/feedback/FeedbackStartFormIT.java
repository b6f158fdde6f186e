package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;

/**
 * A feedback case started with the start form, as Tasklist does (submit-form of the engine's REST API with the
 * form's values, as the admin: nobody else may use that API): the record is made, the personal values leave
 * the process, bad values are refused with the form's labels and store nothing.
 */
class FeedbackStartFormIT extends IntegrationTest {

  private static final String SUBMIT =
      "/engine-rest/process-definition/key/" + FeedbackHandling.PROCESS_KEY + "/submit-form";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Test
  void tasklistGetsThePortalsFormForTheStartEvent() {
    String token = Api.token(AnsweredFeedback.ENGINE_ADMIN);
    String definition = "/engine-rest/process-definition/key/" + FeedbackHandling.PROCESS_KEY;
    // what Tasklist asks before it shows "Start process": the form, then the form's JSON
    assertThat(api()
            .get(definition + "/startForm", token)
            .json()
            .path("camundaFormRef")
            .path("key")
            .asText())
        .isEqualTo(FeedbackHandling.START_FORM);
    Api.Response deployed = api().get(definition + "/deployed-start-form", token);
    assertThat(deployed.status()).isEqualTo(200);
    assertThat(deployed.json().path("id").asText()).isEqualTo(FeedbackHandling.START_FORM);
    assertThat(deployed.json().path("components").findValuesAsText("key"))
        .containsExactlyElementsOf(FeedbackStartForm.API_FIELDS.keySet());
  }

  @Test
  void anAdminTypesInFeedbackReceivedByLetter() {
    String marker = Feedback.marker();
    Map<String, Object> form = formValues("Đề nghị mở rộng dịch vụ công trực tuyến " + marker);
    Api.Response started =
        api().postJson(SUBMIT, variables(form), Api.token(AnsweredFeedback.ENGINE_ADMIN), Map.of());
    assertThat(started.status()).as(started.raw().body()).isEqualTo(200);

    String code = started.json().path("businessKey").asText();
    assertThat(code).matches("PAKN-\\d{4}-\\d{6}");
    Map<String, Object> row = jdbc.sql(
            "select title, content, contact_name, contact_phone, consent_to_publish, submitted_by,"
                + " type, field, locality, process_instance_id from feedback_item where code = ?")
        .param(code)
        .query()
        .singleRow();
    assertThat(row)
        .containsEntry("title", form.get(Var.TITLE))
        .containsEntry("content", form.get(Var.CONTENT))
        .containsEntry("contact_name", "Phạm Thị Lụa")
        .containsEntry("contact_phone", "0243 123 4567")
        .containsEntry("consent_to_publish", true)
        .containsEntry("submitted_by", AnsweredFeedback.ENGINE_ADMIN)
        .containsEntry("type", "recommendation")
        .containsEntry("field", "digital-infrastructure")
        .containsEntry("locality", "hue")
        .containsEntry("process_instance_id", started.json().path("id").asText());

    String instance = started.json().path("id").asText();
    Map<String, Object> variables = runtime.getVariables(instance);
    assertThat(variables)
        .containsEntry(Var.CASE_CODE, code)
        .containsEntry(Var.LOCALITY_NAME, "Thành phố Huế")
        .containsKey(Var.FEEDBACK_ID)
        .containsEntry(Var.CONTENT_EXCERPT, form.get(Var.CONTENT));
    assertThat(variables)
        .doesNotContainKeys(
            Var.CONTENT,
            Var.SENDER_NAME,
            Var.SENDER_EMAIL,
            Var.SENDER_PHONE,
            Var.CONSENT_TO_PUBLISH);
    assertThat(tasks
            .createTaskQuery()
            .processInstanceBusinessKey(code)
            .singleResult()
            .getTaskDefinitionKey())
        .isEqualTo(FeedbackHandling.TASK_CLASSIFY);
    assertThat(jdbc.sql(
                "select count(*) from audit_event where case_code = ? and action = 'SUBMITTED'")
            .param(code)
            .query(Integer.class)
            .single())
        .isEqualTo(1);
  }

  @Test
  void badValuesAreRefusedWithTheFormsLabelsAndStoreNothing() {
    String marker = Feedback.marker();
    Map<String, Object> form = formValues("");
    form.put(Var.SENDER_PHONE, null);
    form.put(Var.CONTENT, "Nội dung " + marker);
    int before =
        jdbc.sql("select count(*) from feedback_item").query(Integer.class).single();

    Api.Response refused =
        api().postJson(SUBMIT, variables(form), Api.token(AnsweredFeedback.ENGINE_ADMIN), Map.of());

    assertThat(refused.status()).isEqualTo(500);
    assertThat(refused.json().path("message").asText()).contains("Tiêu đề là bắt buộc");
    assertThat(
            jdbc.sql("select count(*) from feedback_item").query(Integer.class).single())
        .isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from feedback_item where content like ?")
            .param("%" + marker)
            .query(Integer.class)
            .single())
        .isZero();

    // with a title, the missing way to reach the sender is what is left
    form.put(Var.TITLE, "Tiêu đề " + marker);
    Api.Response unreachable =
        api().postJson(SUBMIT, variables(form), Api.token(AnsweredFeedback.ENGINE_ADMIN), Map.of());
    assertThat(unreachable.status()).isEqualTo(500);
    assertThat(unreachable.json().path("message").asText())
        .contains("Hãy cung cấp thư điện tử hoặc số điện thoại để cơ quan trả lời");
    assertThat(
            jdbc.sql("select count(*) from feedback_item").query(Integer.class).single())
        .isEqualTo(before);
  }

  @Test
  void onlyTheStandingOfficeMayStartACase() {
    Api.Response refused = api()
        .postJson(
            SUBMIT,
            variables(formValues("Không được phép " + Feedback.marker())),
            Api.token("canbo.bkhcn"),
            Map.of());
    assertThat(refused.status()).isEqualTo(403);
  }

  private static Map<String, Object> formValues(String title) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(Var.FEEDBACK_TYPE, "recommendation");
    form.put(Var.FIELD, "digital-infrastructure");
    form.put(Var.LOCALITY, "hue");
    form.put(Var.TITLE, title);
    form.put(
        Var.CONTENT,
        "Thư gửi qua đường bưu điện: đề nghị mở rộng dịch vụ công trực tuyến toàn trình.");
    form.put(Var.SENDER_NAME, "Phạm Thị Lụa");
    form.put(Var.SENDER_EMAIL, null);
    form.put(Var.SENDER_PHONE, "0243 123 4567");
    form.put(Var.CONSENT_TO_PUBLISH, true);
    return form;
  }

  /** The body Tasklist sends: every form value as a typed variable. */
  private static String variables(Map<String, Object> form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((name, value) -> {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("value", value);
      variable.put(
          "type", value instanceof Boolean ? "Boolean" : value == null ? "Null" : "String");
      variables.put(name, variable);
    });
    return Api.toJson(Map.of("variables", variables));
  }
}
