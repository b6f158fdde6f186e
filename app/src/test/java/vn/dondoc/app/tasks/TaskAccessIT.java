package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.processes.EvidenceReview;

/** Who sees and acts on which task, with real Keycloak users and their agency groups. */
class TaskAccessIT extends IntegrationTest {

  @Autowired
  TaskService engineTasks;

  private final String standingOffice = Api.token("thuongtruc");

  @Test
  void anAgencySeesItsOwnAndItsCooperatingTasksButNotOthers() {
    String symbol = Directives.freshSymbol();
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(
                symbol,
                List.of(
                    Directives.task("1", "bkhcn", LocalDate.now().plusMonths(3)),
                    Directives.task("2", "hanoi", LocalDate.now().plusMonths(3)),
                    Directives.task("3", "btp", LocalDate.now().plusMonths(3), "hanoi")))),
            standingOffice,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    String bkhcnTask = issued.json().path("caseCodes").get(0).asText();
    String hanoiTask = issued.json().path("caseCodes").get(1).asText();
    String cooperatingTask = issued.json().path("caseCodes").get(2).asText();
    String hanoi = Api.token("canbo.hanoi");

    assertThat(api().get("/api/v1/tasks/" + bkhcnTask, hanoi).status())
        .as("another agency's task does not exist for Hà Nội")
        .isEqualTo(404);
    assertThat(api().get("/api/v1/tasks/" + hanoiTask, hanoi).status()).isEqualTo(200);
    assertThat(api().get("/api/v1/tasks/" + cooperatingTask, hanoi).status())
        .as("co-operating")
        .isEqualTo(200);
    assertThat(api()
            .get("/api/v1/tasks?directive=" + Api.encode(symbol), hanoi)
            .json()
            .findValuesAsText("caseCode"))
        .containsExactlyInAnyOrder(hanoiTask, cooperatingTask);
    assertThat(api()
            .get("/api/v1/tasks?directive=" + Api.encode(symbol), Api.token("giamsat"))
            .json())
        .hasSize(3);

    assertThat(api()
            .postJson("/api/v1/tasks/" + bkhcnTask + "/acknowledge", "{}", hanoi, Map.of())
            .status())
        .as("cannot act on another agency's task")
        .isEqualTo(404);
    assertThat(api()
            .postJson("/api/v1/tasks/" + cooperatingTask + "/acknowledge", "{}", hanoi, Map.of())
            .status())
        .as("a co-operating agency sees but does not acknowledge")
        .isEqualTo(403);
    assertThat(api()
            .postJson("/api/v1/tasks/" + hanoiTask + "/acknowledge", "{}", hanoi, Map.of())
            .status())
        .isEqualTo(200);
  }

  @Test
  void aReviewerCannotReviewTheirOwnAgencysEvidence() {
    String standingOfficeTask = issue("vptw");
    String officerToken = Api.token("thuongtruc");
    assertThat(api()
            .postJson(
                "/api/v1/tasks/" + standingOfficeTask + "/acknowledge",
                "{}",
                officerToken,
                Map.of())
            .status())
        .isEqualTo(200);
    Api.Response report = api()
        .postJson(
            "/api/v1/tasks/" + standingOfficeTask + "/completion",
            Api.toJson(Directives.documentEvidence("01-HD/VPTW")),
            officerToken,
            Map.of());
    assertThat(report.status()).as(report.raw().body()).isEqualTo(201);

    Api.Response own = api()
        .postJson(
            "/api/v1/tasks/" + standingOfficeTask + "/review",
            "{\"reviewDecision\":\"accept\"}",
            Api.token("thamdinh"),
            Map.of());
    assertThat(own.status()).as("thamdinh belongs to vptw").isEqualTo(403);
    assertThat(own.json().path("detail").asText()).contains("không được thẩm định");

    Api.Response other = api()
        .postJson(
            "/api/v1/tasks/" + standingOfficeTask + "/review",
            "{\"reviewDecision\":\"accept\"}",
            Api.token("thamdinh.bkhcn"),
            Map.of());
    assertThat(other.status()).as(other.raw().body()).isEqualTo(200);
  }

  @Test
  void anAgencyOfficerCannotDecideExtensionsNorReviewEvidence() {
    String caseCode = issue("bkhcn");
    String officer = Api.token("canbo.bkhcn");
    assertThat(api()
            .postJson("/api/v1/tasks/" + caseCode + "/acknowledge", "{}", officer, Map.of())
            .status())
        .isEqualTo(200);
    Api.Response requested = api()
        .postJson(
            "/api/v1/tasks/" + caseCode + "/extensions",
            Api.toJson(Map.of(
                "proposedDeadline",
                LocalDate.now().plusMonths(6).toString(),
                "reason",
                "FUNDING",
                "narrative",
                "Kinh phí năm 2026 chưa được giao",
                "milestones",
                List.of(Map.of(
                    "date",
                    LocalDate.now().plusMonths(4).toString(),
                    "milestone",
                    "Được giao dự toán")))),
            officer,
            Map.of());
    assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
    String extension = requested.json().path("caseCode").asText();

    Api.Response decided = api()
        .postJson(
            "/api/v1/extensions/" + extension + "/decision",
            "{\"decision\":\"approve\"}",
            officer,
            Map.of());
    assertThat(decided.status()).isEqualTo(403);
    assertThat(api()
            .get("/api/v1/extensions/" + extension, officer)
            .json()
            .path("status")
            .asText())
        .isEqualTo("SUBMITTED");
    assertThat(api()
            .get("/api/v1/extensions/" + extension, Api.token("canbo.hanoi"))
            .status())
        .isEqualTo(404);
  }

  @Test
  void aDomainVerifierAgencyIsAskedToVerifyTheReview() {
    Map<String, Object> database = Directives.task("1", "bkhcn", LocalDate.now().plusMonths(2));
    database.put("field", "DATABASES");
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(Directives.freshSymbol(), List.of(database))),
            standingOffice,
            Map.of());
    String caseCode = issued.json().path("caseCodes").get(0).asText();
    String officer = Api.token("canbo.bkhcn");
    api().postJson("/api/v1/tasks/" + caseCode + "/acknowledge", "{}", officer, Map.of());
    assertThat(api()
            .postJson(
                "/api/v1/tasks/" + caseCode + "/completion",
                Api.toJson(Directives.documentEvidence("07/2026/TT-BKHCN")),
                officer,
                Map.of())
            .status())
        .isEqualTo(201);
    assertThat(api()
            .postJson(
                "/api/v1/tasks/" + caseCode + "/review",
                "{\"reviewDecision\":\"accept\"}",
                Api.token("thamdinh"),
                Map.of())
            .status())
        .isEqualTo(200);

    String verify = engineTasks
        .createTaskQuery()
        .processInstanceBusinessKey(caseCode)
        .taskDefinitionKey(EvidenceReview.TASK_VERIFY)
        .singleResult()
        .getId();
    assertThat(engineTasks.getIdentityLinksForTask(verify).stream()
            .map(IdentityLink::getGroupId)
            .toList())
        .as("Bộ Công an verifies databases")
        .contains("agencies/bca");
  }

  private String issue(String lead) {
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(
                Directives.freshSymbol(),
                List.of(Directives.task("1", lead, LocalDate.now().plusMonths(2))))),
            standingOffice,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.json().path("caseCodes").get(0).asText();
  }
}
