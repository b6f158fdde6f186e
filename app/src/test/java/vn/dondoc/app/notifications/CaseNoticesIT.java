package vn.dondoc.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.time.HanoiTime;

/**
 * The other words that come back, end to end through the API: a draft answer sent back by the leader, and the
 * standing office's question about an extension and then its approval. Each is on the case's record with its note
 * and writer, badges the step it concerns in "Việc của tôi" (API /api/v1/work), and stands until the case records
 * the answer.
 */
class CaseNoticesIT extends IntegrationTest {

  @Autowired
  CaseNotices notices;

  /** The caller's open step {@code step} of the case, as "Việc của tôi" lists it; null when it is not there. */
  private JsonNode workItem(String token, String step, String code) {
    for (int page = 0; page < 50; page++) {
      JsonNode items = api()
          .get("/api/v1/work?size=100&step=" + step + "&page=" + page, token)
          .json()
          .path("items");
      for (JsonNode item : items) {
        if (code.equals(item.path("caseCode").asText())) {
          return item;
        }
      }
      if (items.size() < 100) {
        return null;
      }
    }
    return null;
  }

  private void complete(String token, JsonNode item, Map<String, Object> values) {
    Api.Response done = api()
        .postJson(
            "/api/v1/work/" + item.path("taskId").asText(), Api.toJson(values), token, Map.of());
    assertThat(done.status()).as(done.raw().body()).isEqualTo(204);
  }

  @Test
  void aDraftSentBackByTheLeaderStandsUntilTheNextDraft() {
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json()
        .path("code")
        .asText();
    AnsweredFeedback.complete(
        api(),
        code,
        "ClassifyFeedback",
        Map.of("handlingAgency", "hanoi", "field", "administrative-procedures"));
    AnsweredFeedback.complete(
        api(), code, "AcceptFeedback", Map.of("acceptanceDecision", "accept"));
    String officer = Api.token("canbo.hanoi");
    String leader = Api.token("lanhdao.hanoi");
    complete(
        officer,
        workItem(officer, "DraftAnswer", code),
        Map.of("answerDecision", "answer", "answerText", "Sở đã tiếp nhận hồ sơ."));
    complete(
        leader,
        workItem(leader, "SignOffAnswer", code),
        Map.of(
            "signOffDecision",
            "revise",
            "signOffNote",
            "Nêu rõ căn cứ pháp lý và thời hạn giải quyết."));

    assertThat(notices.of(code)).hasValueSatisfying(notice -> {
      assertThat(notice.kind()).isEqualTo(CaseNotices.Kind.ANSWER_SENT_BACK);
      assertThat(notice.note()).isEqualTo("Nêu rõ căn cứ pháp lý và thời hạn giải quyết.");
      assertThat(notice.author()).isEqualTo("lanhdao.hanoi");
    });
    JsonNode draft = workItem(officer, "DraftAnswer", code);
    assertThat(draft.path("returned").asBoolean()).isTrue();
    assertThat(draft.path("noticeKind").asText()).isEqualTo("ANSWER_SENT_BACK");
    assertThat(draft.path("returnNote").asText())
        .isEqualTo("Nêu rõ căn cứ pháp lý và thời hạn giải quyết.");

    complete(
        officer,
        draft,
        Map.of(
            "answerDecision",
            "answer",
            "answerText",
            "Căn cứ Nghị định 61/2018/NĐ-CP, Sở đã giải quyết hồ sơ trong 3 ngày làm việc."));
    assertThat(notices.of(code)).as("the new draft answers it").isEmpty();
  }

  @Test
  void aQuestionAboutAnExtensionThenItsApprovalReachTheAgency() {
    String officerToken = Api.token("canbo.bkhcn");
    String standingOffice = Api.token("thuongtruc");
    LocalDate deadline = LocalDate.now(HanoiTime.ZONE).plusMonths(1);
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(
                Directives.freshSymbol(), List.of(Directives.task("1", "bkhcn", deadline)))),
            standingOffice,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    String task = issued.json().path("caseCodes").get(0).asText();
    assertThat(api()
            .postJson("/api/v1/tasks/" + task + "/acknowledge", "{}", officerToken, Map.of())
            .status())
        .isEqualTo(200);
    LocalDate proposed = deadline.plusMonths(2);
    Api.Response requested = api()
        .postJson(
            "/api/v1/tasks/" + task + "/extensions",
            Api.toJson(Map.of(
                "proposedDeadline",
                proposed.toString(),
                "reason",
                "PROCUREMENT",
                "narrative",
                "Gói thầu đang chờ phê duyệt kết quả lựa chọn nhà thầu",
                "milestones",
                List.of(Map.of(
                    "date", deadline.plusMonths(1).toString(), "milestone", "Ký hợp đồng")))),
            officerToken,
            Map.of());
    assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
    String extension = requested.json().path("caseCode").asText();

    Api.Response asked = api()
        .postJson(
            "/api/v1/extensions/" + extension + "/decision",
            Api.toJson(Map.of(
                "decision", "ask-info", "decisionNote", "Cho biết ngày dự kiến ký hợp đồng.")),
            standingOffice,
            Map.of());
    assertThat(asked.status()).as(asked.raw().body()).isEqualTo(200);
    for (String code : List.of(extension, task)) {
      assertThat(notices.of(code)).as(code).hasValueSatisfying(notice -> {
        assertThat(notice.kind()).isEqualTo(CaseNotices.Kind.EXTENSION_QUESTION);
        assertThat(notice.note()).isEqualTo("Cho biết ngày dự kiến ký hợp đồng.");
        assertThat(notice.author()).isEqualTo("thuongtruc");
      });
    }
    JsonNode provide = workItem(officerToken, "ProvideExtensionInfo", extension);
    assertThat(provide.path("noticeKind").asText()).isEqualTo("EXTENSION_QUESTION");
    assertThat(workItem(officerToken, "ReportCompletion", task).path("returned").asBoolean())
        .as("the question is the extension step's business")
        .isFalse();

    Api.Response replied = api()
        .postJson(
            "/api/v1/extensions/" + extension + "/info",
            Api.toJson(Map.of("infoReply", "Dự kiến ký hợp đồng ngày 15 tháng sau.")),
            officerToken,
            Map.of());
    assertThat(replied.status()).as(replied.raw().body()).isEqualTo(200);
    assertThat(notices.of(extension)).as("the reply answers it").isEmpty();
    assertThat(notices.of(task)).isEmpty();

    Api.Response approved = api()
        .postJson(
            "/api/v1/extensions/" + extension + "/decision",
            Api.toJson(Map.of("decision", "approve")),
            standingOffice,
            Map.of());
    assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
    assertThat(notices.of(task)).hasValueSatisfying(notice -> {
      assertThat(notice.kind()).isEqualTo(CaseNotices.Kind.EXTENSION_APPROVED);
      assertThat(notice.deadline()).isEqualTo(proposed.toString());
      assertThat(notice.note()).as("an approval has no note on its form").isNullOrEmpty();
    });
    JsonNode completion = workItem(officerToken, "ReportCompletion", task);
    assertThat(completion.path("noticeKind").asText()).isEqualTo("EXTENSION_APPROVED");

    Api.Response reported = api()
        .postJson(
            "/api/v1/tasks/" + task + "/progress",
            Api.toJson(Map.of("progressPercent", 40, "progressText", "Đã ký hợp đồng.")),
            officerToken,
            Map.of());
    assertThat(reported.status()).as(reported.raw().body()).isBetween(200, 201);
    assertThat(notices.of(task)).as("the agency's next report answers it").isEmpty();
  }
}
