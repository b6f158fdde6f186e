package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.CaseConsistency;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.TaskLifecycle;

/**
 * Issue 16's attacks, replayed with the demo users' real tokens for every role that holds tasks: what a
 * candidate or holder of a task could once write through /engine-rest (variables, local variables, assignee,
 * delegation, identity links, completion with variables of their choosing) is refused, through the app's API
 * the same intents are refused (a field the step's form does not have among them), nothing is written, and
 * afterwards every case touched is in step with its process ({@link CaseConsistency}).
 */
class EngineTrustIT extends IntegrationTest {

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  IdentityService identity;

  @Autowired
  JdbcClient jdbc;

  private final String standingOffice = Api.token("thuongtruc");
  private final List<String> touched = new ArrayList<>();

  @AfterEach
  void everyCaseTouchedIsInStepWithItsProcess() {
    CaseConsistency consistency = new CaseConsistency(jdbc, tasks);
    touched.forEach(consistency::assertInStep);
  }

  @Test
  void noRoleThatHoldsTasksMayWriteToTheEngineThroughItsApi() {
    String hanoiItem = routedFeedback("hanoi");
    String unclassified = submittedFeedback();
    String reviewed = taskWithSubmittedEvidence("bkhcn");
    String initiative = initiativeBeforeThePanel("chuyengia");
    Map<String, String> heldTask = new LinkedHashMap<>();
    heldTask.put(
        "canbo.hanoi", openTask(hanoiItem, FeedbackHandling.TASK_ACCEPT).getId());
    heldTask.put(
        "lanhdao.hanoi", openTask(hanoiItem, FeedbackHandling.TASK_ACCEPT).getId());
    heldTask.put("thamdinh", openTask(reviewed, EvidenceReview.TASK_REVIEW).getId());
    heldTask.put(
        "thuongtruc", openTask(unclassified, FeedbackHandling.TASK_CLASSIFY).getId());
    heldTask.put(
        "chuyengia",
        openTask(initiative, InitiativeSelection.TASK_DECLARE_CONFLICT).getId());
    // a supervisor's tasks exist only after a breach; theirs is refused on any task alike
    heldTask.put(
        "giamsat", openTask(unclassified, FeedbackHandling.TASK_CLASSIFY).getId());

    heldTask.forEach((user, taskId) -> {
      Snapshot before = snapshot(taskId);
      String token = Api.token(user);
      String instance = before.processInstanceId();
      String other = "canbo.bkhcn";
      for (Api.Response refused : List.of(
          api()
              .putJson(
                  "/engine-rest/task/" + taskId + "/variables/feedbackId",
                  "{\"value\":1,\"type\":\"Long\"}",
                  token),
          api()
              .postJson(
                  "/engine-rest/task/" + taskId + "/variables",
                  modifications("leadAgency", "hanoi"),
                  token,
                  Map.of()),
          api()
              .putJson(
                  "/engine-rest/task/" + taskId + "/localVariables/handlingAgency",
                  "{\"value\":\"bkhcn\"}",
                  token),
          api()
              .postJson(
                  "/engine-rest/task/" + taskId + "/localVariables",
                  modifications("verifierAgency", "bkhcn"),
                  token,
                  Map.of()),
          api()
              .putJson(
                  "/engine-rest/process-instance/" + instance + "/variables/leadAgency",
                  "{\"value\":\"hanoi\"}",
                  token),
          api()
              .postJson(
                  "/engine-rest/task/" + taskId + "/assignee",
                  "{\"userId\":\"" + other + "\"}",
                  token,
                  Map.of()),
          api()
              .postJson(
                  "/engine-rest/task/" + taskId + "/delegate",
                  "{\"userId\":\"" + other + "\"}",
                  token,
                  Map.of()),
          api()
              .postJson(
                  "/engine-rest/task/" + taskId + "/claim",
                  "{\"userId\":\"" + user + "\"}",
                  token,
                  Map.of()),
          api()
              .postJson(
                  "/engine-rest/task/" + taskId + "/identity-links",
                  "{\"groupId\":\"agencies/bkhcn\",\"type\":\"candidate\"}",
                  token,
                  Map.of()),
          api()
              .postJson(
                  "/engine-rest/task/" + taskId + "/submit-form",
                  modifications("feedbackId", 1),
                  token,
                  Map.of()),
          api()
              .postJson(
                  "/engine-rest/task/" + taskId + "/complete",
                  modifications("leadAgency", "hanoi"),
                  token,
                  Map.of()))) {
        assertThat(refused.status()).as("%s: %s", user, refused.raw().uri()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).contains("Chỉ quản trị viên");
      }
      assertThat(snapshot(taskId)).as("nothing written by %s", user).isEqualTo(before);
    });
  }

  @Test
  void throughTheAppsApiUndeclaredValuesAreRefusedAndAnotherAgencysTaskCannotBeClaimed() {
    String code = issuedTask("bkhcn");
    String officer = Api.token("canbo.bkhcn");
    String instance = openTask(code, TaskLifecycle.TASK_ACKNOWLEDGE).getProcessInstanceId();
    Map<String, Object> before = runtime.getVariables(instance);

    Api.Response refused = api()
        .postJson(
            "/api/v1/tasks/" + code + "/acknowledge",
            Api.toJson(Map.of(
                "acknowledgeNote",
                "Đã giao",
                "leadAgency",
                "hanoi",
                "taskId",
                1,
                "caseCode",
                "NV-2020-000001")),
            officer,
            Map.of());
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.json().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("leadAgency", "taskId", "caseCode");
    assertThat(runtime.getVariables(instance)).as("nothing written").isEqualTo(before);
    Api.Response acknowledged = api()
        .postJson(
            "/api/v1/tasks/" + code + "/acknowledge",
            Api.toJson(Map.of("acknowledgeNote", "Đã giao")),
            officer,
            Map.of());
    assertThat(acknowledged.status()).as(acknowledged.raw().body()).isEqualTo(200);
    Map<String, Object> after = runtime.getVariables(instance);
    for (String name : List.of(
        TaskLifecycle.Var.LEAD_AGENCY, TaskLifecycle.Var.TASK_ID, TaskLifecycle.Var.CASE_CODE)) {
      assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
    }

    // Another agency's officer, leader, reviewer, the supervisor and an expert cannot take it.
    String report = openTask(code, TaskLifecycle.TASK_REPORT_COMPLETION).getId();
    for (String stranger :
        List.of("canbo.hanoi", "lanhdao.hanoi", "thamdinh", "giamsat", "chuyengia")) {
      Api.Response claim =
          api().postJson("/api/v1/work/" + report + "/claim", "{}", Api.token(stranger), Map.of());
      assertThat(claim.status()).as(stranger).isEqualTo(404);
      assertThat(claim.json().path("detail").asText())
          .isEqualTo("Không tìm thấy bước công việc này, hoặc bạn không có quyền xem.");
    }
    assertThat(tasks.createTaskQuery().taskId(report).singleResult().getAssignee())
        .isNull();

    // Its own officer claims and gives it back; both are in the audit trail.
    assertThat(api()
            .postJson("/api/v1/work/" + report + "/claim", "{}", officer, Map.of())
            .json()
            .path("assignee")
            .asText())
        .isEqualTo("canbo.bkhcn");
    Api.Response second = api()
        .postJson("/api/v1/work/" + report + "/claim", "{}", Api.token("lanhdao.bkhcn"), Map.of());
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().path("detail").asText())
        .isEqualTo("Bước này vừa được người khác nhận hoặc chuyển; hãy tải lại trang.");
    assertThat(api()
            .postJson("/api/v1/work/" + report + "/unclaim", "{}", officer, Map.of())
            .status())
        .isEqualTo(200);
    assertThat(tasks.createTaskQuery().taskId(report).singleResult().getAssignee())
        .isNull();
    assertThat(jdbc.sql(
                "select action || ':' || actor from audit_event where case_code = ? and action like 'TASK_%CLAIMED'"
                    + " order by id")
            .param(code)
            .query(String.class)
            .list())
        .containsExactly("TASK_CLAIMED:canbo.bkhcn", "TASK_UNCLAIMED:canbo.bkhcn");
  }

  @Test
  void theStandingOfficeAndAnExpertCannotSetWhoTheProposerOrTheExpertIsThroughTheApi() {
    String code = initiativeBeforeThePanel("chuyengia2");
    Task declaration = openTask(code, InitiativeSelection.TASK_DECLARE_CONFLICT);
    String instance = declaration.getProcessInstanceId();
    Object proposer = runtime.getVariable(instance, InitiativeSelection.Var.PROPOSER);

    // The expert declares no conflict and sends undeclared values naming someone else and another
    // case: refused.
    Api.Response refused = api()
        .postJson(
            "/api/v1/initiatives/" + code + "/conflict",
            Api.toJson(Map.of(
                "conflictDeclared",
                false,
                "expert",
                "chuyengia3",
                "proposer",
                "chuyengia2",
                "initiativeId",
                1)),
            Api.token("chuyengia2"),
            Map.of());
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.json().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("expert", "proposer", "initiativeId");
    assertThat(openTask(code, InitiativeSelection.TASK_DECLARE_CONFLICT).getId())
        .as("still waiting")
        .isEqualTo(declaration.getId());
    Api.Response declared = api()
        .postJson(
            "/api/v1/initiatives/" + code + "/conflict",
            Api.toJson(Map.of("conflictDeclared", false)),
            Api.token("chuyengia2"),
            Map.of());
    assertThat(declared.status()).as(declared.raw().body()).isEqualTo(200);
    Task scoring = openTask(code, InitiativeSelection.TASK_SCORE);
    assertThat(scoring.getAssignee()).isEqualTo("chuyengia2");
    assertThat(runtime.getVariable(instance, InitiativeSelection.Var.PROPOSER)).isEqualTo(proposer);
    assertThat(tasks.getVariable(scoring.getId(), InitiativeSelection.Var.EXPERT))
        .isEqualTo("chuyengia2");

    // Neither the standing office nor another expert may take the expert's seat.
    for (String other : List.of("thuongtruc", "chuyengia3", "canbo.hanoi")) {
      assertThat(api()
              .postJson(
                  "/api/v1/work/" + scoring.getId() + "/claim", "{}", Api.token(other), Map.of())
              .status())
          .as(other)
          .isEqualTo(404);
      assertThat(api()
              .postJson(
                  "/api/v1/work/" + scoring.getId() + "/assignee",
                  Api.toJson(Map.of("assignee", other, "reason", "Thay chuyên gia")),
                  Api.token(other),
                  Map.of())
              .status())
          .as(other)
          .isIn(403, 404);
    }
    assertThat(tasks.createTaskQuery().taskId(scoring.getId()).singleResult().getAssignee())
        .isEqualTo("chuyengia2");
  }

  /** Issue 16: "an agency officer set feedbackId on his own acceptance task to another agency's item". */
  @Test
  void aSwappedFeedbackIdNeitherAnswersNorPublishesAnotherAgencysItem() {
    String hanoiItem = routedFeedback("hanoi");
    String bkhcnItem = routedFeedback("bkhcn");
    long bkhcnId = feedbackId(bkhcnItem);
    Task accept = openTask(hanoiItem, FeedbackHandling.TASK_ACCEPT);

    Api.Response swap = api()
        .putJson(
            "/engine-rest/task/" + accept.getId() + "/variables/feedbackId",
            "{\"value\":" + bkhcnId + ",\"type\":\"Long\"}",
            Api.token("canbo.hanoi"));
    assertThat(swap.status()).isEqualTo(403);

    // Were the variable swapped after all (by whatever means), the steps still act on the process's
    // own case.
    runtime.setVariable(accept.getProcessInstanceId(), FeedbackHandling.Var.FEEDBACK_ID, bkhcnId);
    String hanoiAnswer = "Sở Khoa học và Công nghệ Hà Nội trả lời " + Feedback.marker();
    AnsweredFeedback.complete(
        api(), hanoiItem, FeedbackHandling.TASK_ACCEPT, Map.of("acceptanceDecision", "accept"));
    AnsweredFeedback.complete(
        api(),
        hanoiItem,
        FeedbackHandling.TASK_DRAFT_ANSWER,
        Map.of("answerDecision", "answer", "answerText", hanoiAnswer));
    AnsweredFeedback.complete(
        api(), hanoiItem, FeedbackHandling.TASK_SIGN_OFF, Map.of("signOffDecision", "approve"));

    Map<String, Object> bkhcn = jdbc.sql(
            "select status, answer_text, handling_agency from feedback_item where code = ?")
        .param(bkhcnItem)
        .query()
        .singleRow();
    assertThat(bkhcn).containsEntry("status", "ROUTED").containsEntry("handling_agency", "bkhcn");
    assertThat(bkhcn.get("answer_text")).isNull();
    assertThat(api().get("/api/v1/public/answers/" + bkhcnItem, null).status()).isEqualTo(404);
    assertThat(jdbc.sql("select status, answer_text from feedback_item where code = ?")
            .param(hanoiItem)
            .query()
            .singleRow())
        .containsEntry("status", "ANSWERED")
        .containsEntry("answer_text", hanoiAnswer);
  }

  /** Issue 16: "a reviewer set leadAgency and then accepted his own agency's evidence". */
  @Test
  void aReviewerCannotAcceptHisOwnAgencysEvidenceWhateverLeadAgencySays() {
    String code = taskWithSubmittedEvidence("bkhcn");
    String ownAgencyReviewer = Api.token("thamdinh.bkhcn");
    Task review = openTask(code, EvidenceReview.TASK_REVIEW);

    assertThat(api()
            .putJson(
                "/engine-rest/process-instance/" + review.getProcessInstanceId()
                    + "/variables/leadAgency",
                "{\"value\":\"hanoi\"}",
                ownAgencyReviewer)
            .status())
        .isEqualTo(403);
    Api.Response throughApi = api()
        .postJson(
            "/api/v1/tasks/" + code + "/review",
            "{\"reviewDecision\":\"accept\",\"leadAgency\":\"hanoi\"}",
            ownAgencyReviewer,
            Map.of());
    assertThat(throughApi.status()).isEqualTo(403);

    // Were leadAgency changed after all, the review's listener reads the submitting agency from the
    // database.
    runtime.setVariable(review.getProcessInstanceId(), TaskLifecycle.Var.LEAD_AGENCY, "hanoi");
    assertThat(api()
            .postJson(
                "/api/v1/tasks/" + code + "/review",
                "{\"reviewDecision\":\"accept\"}",
                ownAgencyReviewer,
                Map.of())
            .status())
        .isEqualTo(403);
    identity.setAuthentication("thamdinh.bkhcn", List.of("reviewer", "agencies/bkhcn"));
    try {
      assertThatThrownBy(() ->
              tasks.complete(review.getId(), Map.of(EvidenceReview.Var.REVIEW_OUTCOME, "accept")))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("không được thẩm định minh chứng của chính cơ quan mình");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(jdbc.sql("select status from task where case_code = ?")
            .param(code)
            .query(String.class)
            .single())
        .isEqualTo("COMPLETION_SUBMITTED");
    assertThat(jdbc.sql(
                "select s.status from evidence_submission s join task t on t.id = s.task_id where t.case_code = ?")
            .param(code)
            .query(String.class)
            .list())
        .containsExactly("SUBMITTED");

    // A reviewer of another agency accepts it.
    assertThat(api()
            .postJson(
                "/api/v1/tasks/" + code + "/review",
                "{\"reviewDecision\":\"accept\"}",
                Api.token("thamdinh"),
                Map.of())
            .status())
        .isEqualTo(200);
    assertThat(jdbc.sql("select status from task where case_code = ?")
            .param(code)
            .query(String.class)
            .single())
        .isEqualTo("COMPLETED");
  }

  /** Issue 16: "an officer reassigned his task to another agency's officer, who then completed it". */
  @Test
  void onlyTheAgencysLeaderHandsItsTaskOnAndOnlyWithinTheAgencyWithAReason() {
    String item = routedFeedback("hanoi");
    String accept = openTask(item, FeedbackHandling.TASK_ACCEPT).getId();
    String toOtherAgency = Api.toJson(Map.of("assignee", "canbo.bkhcn", "reason", "Chuyển giúp"));

    assertThat(api()
            .postJson(
                "/engine-rest/task/" + accept + "/assignee",
                "{\"userId\":\"canbo.bkhcn\"}",
                Api.token("canbo.hanoi"),
                Map.of())
            .status())
        .isEqualTo(403);
    Api.Response byOfficer = api()
        .postJson(
            "/api/v1/work/" + accept + "/assignee",
            toOtherAgency,
            Api.token("canbo.hanoi"),
            Map.of());
    assertThat(byOfficer.status()).isEqualTo(403);
    assertThat(byOfficer.json().path("detail").asText())
        .startsWith("Chỉ lãnh đạo cơ quan mới chuyển được việc");
    for (String other : List.of("lanhdao.hanoi", "thuongtruc", "giamsat")) {
      assertThat(api()
              .postJson(
                  "/api/v1/work/" + accept + "/assignee", toOtherAgency, Api.token(other), Map.of())
              .status())
          .as(other)
          .isIn(403, 404);
    }
    assertThat(api()
            .postJson(
                "/api/v1/work/" + accept + "/assignee",
                toOtherAgency,
                Api.token("lanhdao.bkhcn"),
                Map.of())
            .status())
        .as("another agency's leader")
        .isEqualTo(404);
    assertThat(tasks.createTaskQuery().taskId(accept).singleResult().getAssignee())
        .isNull();

    // Hà Nội's leader hands it to Hà Nội's officer; a reason is required and kept.
    Api.Response noReason = api()
        .postJson(
            "/api/v1/work/" + accept + "/assignee",
            "{\"assignee\":\"canbo.hanoi\"}",
            Api.token("lanhdao.hanoi"),
            Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    Api.Response handed = api()
        .postJson(
            "/api/v1/work/" + accept + "/assignee",
            Api.toJson(Map.of(
                "assignee",
                "canbo.hanoi",
                "reason",
                "Cán bộ phụ trách lĩnh vực thủ tục hành chính")),
            Api.token("lanhdao.hanoi"),
            Map.of());
    assertThat(handed.status()).as(handed.raw().body()).isEqualTo(200);
    assertThat(tasks.createTaskQuery().taskId(accept).singleResult().getAssignee())
        .isEqualTo("canbo.hanoi");
    Map<String, Object> audit = jdbc.sql(
            "select actor, detail::text as detail, occurred_at from audit_event"
                + " where case_code = ? and action = 'TASK_REASSIGNED'")
        .param(item)
        .query()
        .singleRow();
    assertThat(audit.get("actor")).isEqualTo("lanhdao.hanoi");
    assertThat(audit.get("occurred_at")).isNotNull();
    assertThat((String) audit.get("detail"))
        .contains(
            "\"to\": \"canbo.hanoi\"",
            "Cán bộ phụ trách lĩnh vực thủ tục hành chính",
            FeedbackHandling.TASK_ACCEPT);

    // The other agency's officer still cannot act on it, and Hà Nội's leader cannot hand a leaders'
    // step to an officer.
    assertThat(api()
            .postJson(
                "/engine-rest/task/" + accept + "/complete",
                modifications("acceptanceDecision", "accept"),
                Api.token("canbo.bkhcn"),
                Map.of())
            .status())
        .isEqualTo(403);
    AnsweredFeedback.complete(
        api(), item, FeedbackHandling.TASK_ACCEPT, Map.of("acceptanceDecision", "accept"));
    AnsweredFeedback.complete(
        api(),
        item,
        FeedbackHandling.TASK_DRAFT_ANSWER,
        Map.of("answerDecision", "answer", "answerText", "Trả lời " + Feedback.marker()));
    String signOff = openTask(item, FeedbackHandling.TASK_SIGN_OFF).getId();
    assertThat(api()
            .postJson(
                "/api/v1/work/" + signOff + "/assignee",
                Api.toJson(Map.of("assignee", "canbo.hanoi", "reason", "Ký thay")),
                Api.token("lanhdao.hanoi"),
                Map.of())
            .status())
        .isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(signOff).singleResult().getAssignee())
        .isNull();
  }

  // ------------------------------------------------------------------ cases and helpers

  /** What an attack could change of a task and its process. */
  record Snapshot(
      String processInstanceId,
      String assignee,
      String owner,
      List<String> links,
      Map<String, Object> variables,
      Map<String, Object> localVariables) {}

  private Snapshot snapshot(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).active().singleResult();
    assertThat(task).as("task %s is still open", taskId).isNotNull();
    List<String> links = tasks.getIdentityLinksForTask(taskId).stream()
        .map(link -> link.getType() + ":" + link.getGroupId() + ":" + link.getUserId())
        .sorted()
        .toList();
    return new Snapshot(
        task.getProcessInstanceId(),
        task.getAssignee(),
        task.getOwner(),
        links,
        new HashMap<>(runtime.getVariables(task.getProcessInstanceId())),
        new HashMap<>(tasks.getVariablesLocal(taskId)));
  }

  private Task openTask(String code, String taskKey) {
    List<Task> found = tasks
        .createTaskQuery()
        .processInstanceBusinessKey(code)
        .taskDefinitionKey(taskKey)
        .active()
        .list();
    assertThat(found).as("%s of %s", taskKey, code).hasSize(1);
    return found.get(0);
  }

  private String submittedFeedback() {
    Api.Response created =
        api().postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())));
    assertThat(created.status()).isEqualTo(201);
    String code = created.json().path("code").asText();
    touched.add(code);
    return code;
  }

  private String routedFeedback(String agency) {
    String code = submittedFeedback();
    AnsweredFeedback.complete(
        api(),
        code,
        FeedbackHandling.TASK_CLASSIFY,
        Map.of("handlingAgency", agency, "field", "administrative-procedures"));
    return code;
  }

  private long feedbackId(String code) {
    return jdbc.sql("select id from feedback_item where code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }

  private String issuedTask(String lead) {
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(
                Directives.freshSymbol(),
                List.of(Directives.task("1", lead, LocalDate.now().plusMonths(2))))),
            standingOffice,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    String code = issued.json().path("caseCodes").get(0).asText();
    touched.add(code);
    return code;
  }

  private String taskWithSubmittedEvidence(String lead) {
    String code = issuedTask(lead);
    String officer = Api.token("canbo." + lead);
    assertThat(api()
            .postJson("/api/v1/tasks/" + code + "/acknowledge", "{}", officer, Map.of())
            .status())
        .isEqualTo(200);
    Api.Response submitted = api()
        .postJson(
            "/api/v1/tasks/" + code + "/completion",
            Api.toJson(Directives.documentEvidence("07/2026/TT-BKHCN")),
            officer,
            Map.of());
    assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(201);
    return code;
  }

  /** An initiative screened for evaluation with a panel of one expert, who is asked to declare conflicts. */
  private String initiativeBeforeThePanel(String expert) {
    Map<String, Object> draft = new HashMap<>();
    draft.put("category", "BREAKTHROUGH");
    draft.put("title", "Trợ lý pháp luật cho doanh nghiệp nhỏ " + Feedback.marker());
    draft.put("problem", "Doanh nghiệp nhỏ khó tiếp cận thông tin pháp luật cập nhật.");
    draft.put("solution", "Trợ lý ảo dùng dữ liệu văn bản pháp luật mở, trả lời bằng tiếng Việt.");
    draft.put("expectedProduct", "Ứng dụng vận hành thử nghiệm tại 3 tỉnh.");
    draft.put("publishProposer", true);
    String innovator = Api.token("sangkien");
    JsonNode created = api()
        .postJson("/api/v1/initiatives", Api.toJson(draft), innovator, Map.of())
        .json();
    Api.Response submitted = api()
        .postJson(
            "/api/v1/initiatives/drafts/" + created.path("id").asText() + "/submit",
            "{}",
            innovator,
            Map.of());
    assertThat(submitted.status()).as(submitted.raw().body()).isIn(200, 201);
    String code = submitted.json().path("caseCode").asText();
    touched.add(code);
    assertThat(api()
            .postJson(
                "/api/v1/initiatives/" + code + "/screening",
                "{\"screeningDecision\":\"evaluate\"}",
                standingOffice,
                Map.of())
            .status())
        .isBetween(200, 201);
    assertThat(api()
            .postJson(
                "/api/v1/initiatives/" + code + "/panel",
                "{\"panelText\":[\"" + expert + "\"]}",
                standingOffice,
                Map.of())
            .status())
        .isBetween(200, 201);
    return code;
  }

  private static String modifications(String name, Object value) {
    return Api.toJson(Map.of(
        "modifications",
        Map.of(name, Map.of("value", value)),
        "variables",
        Map.of(name, Map.of("value", value))));
  }
}
