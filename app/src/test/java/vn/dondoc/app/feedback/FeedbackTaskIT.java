package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;

/** The standing office turns a feedback item into a task for an agency; each links to the other. */
class FeedbackTaskIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  private final String standingOffice = Api.token("thuongtruc");

  @Test
  void aFeedbackItemBecomesATaskLinkedBothWays() {
    String code = submit();
    Api.Response created = api()
        .postJson(
            "/api/v1/feedback/" + code + "/task",
            Api.toJson(Map.of(
                "leadAgency",
                "bkhcn",
                "deadline",
                LocalDate.now().plusMonths(2).toString(),
                "field",
                "ONLINE_SERVICES",
                "evidenceLevel",
                "L3",
                "expectedProduct",
                "Dịch vụ công trực tuyến toàn trình cho đăng ký đề tài")),
            standingOffice,
            Map.of());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String task = created.json().path("task").asText();
    assertThat(task).startsWith("NV-");

    assertThat(api()
            .get("/api/v1/feedback/" + code, standingOffice)
            .json()
            .path("task")
            .asText())
        .isEqualTo(task);
    var detail = api().get("/api/v1/tasks/" + task, Api.token("canbo.bkhcn")).json();
    assertThat(detail.path("sourceFeedback").asText()).isEqualTo(code);
    assertThat(detail.path("summary").path("taskCode").asText()).isEqualTo(code);
    assertThat(detail.path("content").asText()).contains("Thủ tục hành chính đăng ký đề tài");

    assertThat(api()
            .postJson(
                "/api/v1/feedback/" + code + "/task",
                Api.toJson(Map.of(
                    "leadAgency",
                    "hanoi",
                    "recurring",
                    true,
                    "field",
                    "ONLINE_SERVICES",
                    "evidenceLevel",
                    "L1")),
                standingOffice,
                Map.of())
            .status())
        .as("once only")
        .isEqualTo(409);
  }

  @Test
  void onlyTheStandingOfficeDoesItAndBadInputStoresNothing() {
    String code = submit();
    assertThat(api()
            .postJson(
                "/api/v1/feedback/" + code + "/task",
                Api.toJson(Map.of(
                    "leadAgency",
                    "bkhcn",
                    "recurring",
                    true,
                    "field",
                    "FINANCE",
                    "evidenceLevel",
                    "L1")),
                Api.token("lanhdao.bkhcn"),
                Map.of())
            .status())
        .isEqualTo(403);

    Api.Response bad = api()
        .postJson(
            "/api/v1/feedback/" + code + "/task",
            Api.toJson(Map.of(
                "leadAgency",
                "khong-co",
                "recurring",
                true,
                "field",
                "FINANCE",
                "evidenceLevel",
                "L1")),
            standingOffice,
            Map.of());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("leadAgency");
    assertThat(jdbc.sql("select count(*) from task where task_code = ?")
            .param(code)
            .query(Integer.class)
            .single())
        .isZero();
    assertThat(jdbc.sql("select task_id from feedback_item where code = ?")
            .param(code)
            .query(Long.class)
            .optional())
        .isEmpty();
  }

  private String submit() {
    Api.Response receipt =
        api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())));
    assertThat(receipt.status()).isEqualTo(201);
    return receipt.json().path("code").asText();
  }
}
