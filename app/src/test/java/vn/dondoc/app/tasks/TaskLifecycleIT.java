package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.directives.DirectiveIssuing;
import vn.dondoc.app.directives.DirectiveIssuing.IssueRequest;
import vn.dondoc.app.directives.DirectiveType;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.processes.TaskLifecycle;

/** A task from issue to recognised completion, and an extension that moves its timers, as the people involved do it. */
class TaskLifecycleIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ManagementService management;

  @Autowired
  DirectiveIssuing directives;

  private final String standingOffice = Api.token("thuongtruc");
  private final String officer = Api.token("canbo.bkhcn");

  @Test
  void issuedAcknowledgedReportedReviewedCompletedOnTime() {
    String caseCode = issueOne("bkhcn", LocalDate.now().plusMonths(2));
    assertThat(api()
            .get("/api/v1/tasks/" + caseCode, officer)
            .json()
            .path("waitingAt")
            .toString())
        .contains("Tiếp nhận");

    // the body is the step's form: a field it does not have, or a note over its limit, is refused
    // and nothing moves
    Api.Response unknown = api()
        .postJson(
            "/api/v1/tasks/" + caseCode + "/acknowledge",
            "{\"note\":\"Đã giao\",\"leadAgency\":\"bca\"}",
            officer,
            Map.of());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.raw().body())
        .contains("\"note\"", "\"leadAgency\"", "Bước này không có mục này.");
    Api.Response tooLong = api()
        .postJson(
            "/api/v1/tasks/" + caseCode + "/acknowledge",
            Api.toJson(Map.of("acknowledgeNote", "x".repeat(2001))),
            officer,
            Map.of());
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.raw().body())
        .contains("acknowledgeNote", "Tối đa 2.000 ký tự (hiện có 2.001).");
    assertThat(status(caseCode)).isEqualTo("ASSIGNED");
    assertThat(api()
            .postJson(
                "/api/v1/tasks/" + caseCode + "/acknowledge",
                "{\"acknowledgeNote\":\"Đã giao Vụ Pháp chế\"}",
                officer,
                Map.of())
            .status())
        .isEqualTo(200);
    Api.Response report = api()
        .postJson(
            "/api/v1/tasks/" + caseCode + "/completion",
            Api.toJson(Directives.documentEvidence("12/2026/TT-BKHCN")),
            officer,
            Map.of());
    assertThat(report.status()).as(report.raw().body()).isEqualTo(201);
    assertThat(status(caseCode)).isEqualTo("COMPLETION_SUBMITTED");

    Api.Response review = api()
        .postJson(
            "/api/v1/tasks/" + caseCode + "/review",
            "{\"reviewDecision\":\"accept\"}",
            Api.token("thamdinh"),
            Map.of());
    assertThat(review.status()).as(review.raw().body()).isEqualTo(200);

    JsonNode task = api().get("/api/v1/tasks/" + caseCode, officer).json();
    assertThat(task.path("summary").path("status").path("code").asText()).isEqualTo("COMPLETED");
    assertThat(task.path("summary").path("timeliness").path("code").asText())
        .isEqualTo("COMPLETED_ON_TIME");
    assertThat(task.path("summary").path("timeliness").path("label").asText())
        .isEqualTo("Hoàn thành đúng hạn");
    assertThat(task.path("completedOn").asText())
        .isEqualTo(LocalDate.now(HanoiTime.ZONE).toString());
    assertThat(jdbc.sql("select count(*) from act_ru_execution where business_key_ = ?")
            .param(caseCode)
            .query(Integer.class)
            .single())
        .as("the task's processes have ended")
        .isZero();
  }

  @Test
  void evidenceReturnedIsReportedAgainWithWhatWasMissing() {
    String caseCode = issueAndAcknowledge("bkhcn");
    report(caseCode);
    Api.Response returned = api()
        .postJson(
            "/api/v1/tasks/" + caseCode + "/review",
            "{\"reviewDecision\":\"return\",\"reviewNote\":\"Thiếu bản ký số của thông tư\"}",
            Api.token("thamdinh"),
            Map.of());
    assertThat(returned.status()).as(returned.raw().body()).isEqualTo(200);
    assertThat(status(caseCode)).isEqualTo("IN_PROGRESS");
    assertThat(api()
            .get("/api/v1/tasks/" + caseCode + "/submissions", officer)
            .json()
            .get(0)
            .path("submission")
            .path("status")
            .asText())
        .isEqualTo("RETURNED");

    report(caseCode);
    assertThat(status(caseCode)).isEqualTo("COMPLETION_SUBMITTED");
  }

  @Test
  void anApprovedExtensionMovesTheDeadlineTimersAndKeepsTheOriginalDeadline() {
    LocalDate deadline = LocalDate.now().plusDays(20);
    String caseCode = issueAndAcknowledge("bkhcn", deadline);
    String instance = jdbc.sql("select process_instance_id from task where case_code = ?")
        .param(caseCode)
        .query(String.class)
        .single();
    Job before = deadlineJob(instance);

    LocalDate proposed = deadline.plusMonths(2);
    Api.Response requested = api()
        .postJson(
            "/api/v1/tasks/" + caseCode + "/extensions",
            Api.toJson(Map.of(
                "proposedDeadline",
                proposed.toString(),
                "reason",
                "PROCUREMENT",
                "narrative",
                "Gói thầu thuê dịch vụ đang chờ phê duyệt kết quả lựa chọn nhà thầu",
                "milestones",
                List.of(Map.of(
                    "date", deadline.plusMonths(1).toString(), "milestone", "Ký hợp đồng")))),
            officer,
            Map.of());
    assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
    String extension = requested.json().path("caseCode").asText();
    assertThat(extension).startsWith("GH-");
    assertThat(requested.json().path("late").asBoolean()).isFalse();

    Api.Response decided = api()
        .postJson(
            "/api/v1/extensions/" + extension + "/decision",
            "{\"decision\":\"approve\"}",
            standingOffice,
            Map.of());
    assertThat(decided.status()).as(decided.raw().body()).isEqualTo(200);
    assertThat(decided.json().path("status").asText()).isEqualTo("APPROVED");

    JsonNode task = api().get("/api/v1/tasks/" + caseCode, officer).json();
    assertThat(task.path("summary").path("originalDeadline").asText())
        .isEqualTo(deadline.toString());
    assertThat(task.path("summary").path("currentDeadline").asText())
        .isEqualTo(proposed.toString());
    assertThat(task.path("deadlineVersions")).hasSize(2);
    Job after = deadlineJob(instance);
    assertThat(after.getId()).as("the same timer, moved").isEqualTo(before.getId());
    assertThat(after.getDuedate()).isAfter(before.getDuedate());
    assertThat(jdbc.sql("select process_instance_id from task where case_code = ?")
            .param(caseCode)
            .query(String.class)
            .single())
        .as("no restart")
        .isEqualTo(instance);
  }

  @Test
  void anOverdueTaskAsksLateAndAnApprovalWatchesTheNewDeadline() {
    LocalDate passed = LocalDate.now(HanoiTime.ZONE).minusDays(10);
    String symbol = Directives.freshSymbol();
    String caseCode = directives
        .takeOver(
            new IssueRequest(
                DirectiveType.CONCLUSION_NOTICE,
                symbol,
                passed.minusMonths(2),
                "Cơ quan Thường trực Ban Chỉ đạo Trung ương",
                "Văn bản ban hành trước khi có Dondoc",
                List.of(new TaskSpec(
                    "1",
                    null,
                    TaskField.FINANCE,
                    "Ban hành hướng dẫn khoán chi đến sản phẩm cuối cùng",
                    false,
                    null,
                    "bkhcn",
                    List.of(),
                    null,
                    passed,
                    null,
                    EvidenceLevel.L1))),
            "thuongtruc")
        .tasks()
        .get(0)
        .caseCode();
    assertThat(api()
            .postJson("/api/v1/tasks/" + caseCode + "/acknowledge", "{}", officer, Map.of())
            .status())
        .isEqualTo(200);
    String instance = jdbc.sql("select process_instance_id from task where case_code = ?")
        .param(caseCode)
        .query(String.class)
        .single();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(jdbc.sql(
                    "select count(*) from audit_event where case_code = ? and action = 'TASK_OVERDUE'")
                .param(caseCode)
                .query(Integer.class)
                .single())
            .as("the past deadline fired its escalation")
            .isEqualTo(1));
    assertThat(api()
            .get("/api/v1/tasks/" + caseCode, officer)
            .json()
            .path("summary")
            .path("timeliness")
            .path("code")
            .asText())
        .isEqualTo("OVERDUE");

    LocalDate proposed = LocalDate.now(HanoiTime.ZONE).plusMonths(3);
    Api.Response requested = api()
        .postJson(
            "/api/v1/tasks/" + caseCode + "/extensions",
            Api.toJson(Map.of(
                "proposedDeadline",
                proposed.toString(),
                "reason",
                "WAITING_FOR_GUIDANCE",
                "narrative",
                "Chờ nghị định hướng dẫn",
                "milestones",
                List.of(Map.of(
                    "date", proposed.minusMonths(1).toString(), "milestone", "Trình dự thảo")))),
            officer,
            Map.of());
    assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
    assertThat(requested.json().path("late").asBoolean())
        .as("asked after the deadline")
        .isTrue();
    String extension = requested.json().path("caseCode").asText();
    assertThat(api()
            .postJson(
                "/api/v1/extensions/" + extension + "/decision",
                "{\"decision\":\"approve\"}",
                standingOffice,
                Map.of())
            .status())
        .isEqualTo(200);

    Job watch = deadlineJob(instance);
    assertThat(watch).as("the watch starts again for the new deadline").isNotNull();
    assertThat(watch.getDuedate().toInstant())
        .isEqualTo(proposed.minusDays(7).atTime(8, 0).atZone(HanoiTime.ZONE).toInstant());
    assertThat(api()
            .get("/api/v1/tasks/" + caseCode, officer)
            .json()
            .path("summary")
            .path("timeliness")
            .path("code")
            .asText())
        .as("judged by the original deadline")
        .isEqualTo("OVERDUE");
  }

  private Job deadlineJob(String instance) {
    return management
        .createJobQuery()
        .processInstanceId(instance)
        .timers()
        .activityId(TaskLifecycle.TIMER_DEADLINE_APPROACHING)
        .singleResult();
  }

  private String issueOne(String lead, LocalDate deadline) {
    String symbol = Directives.freshSymbol();
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(symbol, List.of(Directives.task("3.a", lead, deadline)))),
            standingOffice,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.json().path("caseCodes").get(0).asText();
  }

  private String issueAndAcknowledge(String lead) {
    return issueAndAcknowledge(lead, LocalDate.now().plusMonths(2));
  }

  private String issueAndAcknowledge(String lead, LocalDate deadline) {
    String caseCode = issueOne(lead, deadline);
    assertThat(api()
            .postJson("/api/v1/tasks/" + caseCode + "/acknowledge", "{}", officer, Map.of())
            .status())
        .isEqualTo(200);
    return caseCode;
  }

  private void report(String caseCode) {
    Api.Response report = api()
        .postJson(
            "/api/v1/tasks/" + caseCode + "/completion",
            Api.toJson(Directives.documentEvidence("12/2026/TT-BKHCN")),
            officer,
            Map.of());
    assertThat(report.status()).as(report.raw().body()).isEqualTo(201);
  }

  private String status(String caseCode) {
    return jdbc.sql("select status from task where case_code = ?")
        .param(caseCode)
        .query(String.class)
        .single();
  }
}
