package vn.dondoc.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.processes.FeedbackHandling;

/**
 * A step done through the workspace's API as the standing office would on its page: only the people it
 * is offered to see it, a bad submission names every field to correct and changes nothing, a good one
 * writes only what the form declares, and a second completion is a conflict.
 */
class WorkspaceIT extends IntegrationTest {

  @Autowired
  TaskService tasks;

  @Autowired
  RuntimeService runtime;

  @Autowired
  JdbcClient jdbc;

  private final String standingOffice = Api.token("thuongtruc");
  private final String officer = Api.token("canbo.bkhcn");

  @Test
  void theStandingOfficeClassifiesFeedbackInTheWorkspace() {
    String code = submit();
    Task classify = waitingAt(code, FeedbackHandling.TASK_CLASSIFY);

    Api.Response view = api().get("/api/v1/work/" + classify.getId(), standingOffice);
    assertThat(view.status()).as(view.raw().body()).isEqualTo(200);
    assertThat(view.json().path("caseCode").asText()).isEqualTo(code);
    assertThat(view.json().path("writable"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("field", "handlingAgency", "classificationNote");
    assertThat(view.json().path("schema").toString())
        .as("agencies come from the agency table")
        .contains("Bộ Khoa học và Công nghệ");
    assertThat(api().get("/api/v1/work/" + classify.getId(), officer).status())
        .as("not offered to an agency")
        .isEqualTo(404);

    Api.Response bad = api()
        .postJson(
            "/api/v1/work/" + classify.getId(),
            Api.toJson(Map.of("field", "weather", "classificationNote", "x".repeat(2001))),
            standingOffice,
            Map.of());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad))
        .containsExactlyInAnyOrder("field", "handlingAgency", "classificationNote");
    assertThat(bad.raw().body()).contains("Tối đa 2.000 ký tự").doesNotContain("Exception");
    assertThat(tasks.createTaskQuery().taskId(classify.getId()).count())
        .as("nothing changed")
        .isOne();

    Object feedbackId =
        runtime.getVariable(classify.getProcessInstanceId(), FeedbackHandling.Var.FEEDBACK_ID);
    Api.Response done = api()
        .postJson(
            "/api/v1/work/" + classify.getId(),
            Api.toJson(Map.of(
                "field",
                "institutions",
                "handlingAgency",
                "bkhcn",
                "classificationNote",
                "Chuyển Bộ KH&CN",
                "feedbackId",
                1,
                "title",
                "Khác",
                "leadAgency",
                "bca")),
            standingOffice,
            Map.of());
    assertThat(done.status()).as(done.raw().body()).isEqualTo(204);
    assertThat(
            runtime.getVariable(classify.getProcessInstanceId(), FeedbackHandling.Var.FEEDBACK_ID))
        .isEqualTo(feedbackId);
    assertThat(runtime.getVariable(classify.getProcessInstanceId(), "leadAgency"))
        .as("undeclared: never written")
        .isNull();
    assertThat(jdbc.sql("select handling_agency from feedback_item where code = ?")
            .param(code)
            .query(String.class)
            .single())
        .isEqualTo("bkhcn");
    assertThat(jdbc.sql("select title from feedback_item where code = ?")
            .param(code)
            .query(String.class)
            .single())
        .doesNotContain("Khác");

    Api.Response again = api()
        .postJson(
            "/api/v1/work/" + classify.getId(),
            Api.toJson(Map.of("field", "institutions", "handlingAgency", "bkhcn")),
            standingOffice,
            Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("detail").asText()).contains("vừa được hoàn thành");

    Task accept = waitingAt(code, FeedbackHandling.TASK_ACCEPT);
    assertThat(codesInWork(officer, FeedbackHandling.TASK_ACCEPT)).contains(code);
    assertThat(codesInWork(Api.token("canbo.hanoi"), FeedbackHandling.TASK_ACCEPT))
        .doesNotContain(code);
    assertThat(api().get("/api/v1/work/" + accept.getId(), officer).status()).isEqualTo(200);
  }

  @Test
  void aStepIsClaimedByOnePersonOfTheGroup() {
    String code = submit();
    Task classify = waitingAt(code, FeedbackHandling.TASK_CLASSIFY);
    assertThat(api()
            .postJson("/api/v1/work/" + classify.getId() + "/claim", "", standingOffice, Map.of())
            .status())
        .isEqualTo(200);
    assertThat(tasks.createTaskQuery().taskId(classify.getId()).singleResult().getAssignee())
        .isEqualTo("thuongtruc");
    assertThat(api()
            .postJson("/api/v1/work/" + classify.getId() + "/claim", "", officer, Map.of())
            .status())
        .as("not offered to the officer")
        .isEqualTo(404);
    assertThat(api()
            .postJson("/api/v1/work/" + classify.getId() + "/unclaim", "", standingOffice, Map.of())
            .status())
        .isEqualTo(200);
    assertThat(tasks.createTaskQuery().taskId(classify.getId()).singleResult().getAssignee())
        .isNull();
  }

  private List<String> codesInWork(String token, String step) {
    Api.Response list = api().get("/api/v1/work?size=100&step=" + step, token);
    assertThat(list.status()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    list.json().path("items").forEach(item -> codes.add(item.path("caseCode").asText()));
    return codes;
  }

  private static List<String> fields(Api.Response problem) {
    List<String> fields = new ArrayList<>();
    problem.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  private Task waitingAt(String code, String step) {
    Task task = tasks
        .createTaskQuery()
        .processInstanceBusinessKey(code)
        .taskDefinitionKey(step)
        .singleResult();
    assertThat(task).as("%s waits at %s", code, step).isNotNull();
    return task;
  }

  private String submit() {
    Api.Response receipt =
        api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())));
    assertThat(receipt.status()).isEqualTo(201);
    return receipt.json().path("code").asText();
  }
}
