package vn.dondoc.app.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.support.Registration;

/**
 * An initiative from self-registration to a task, with real Keycloak users: who sees what, experts'
 * conflicts and replacement, scores hidden until one's own are in, immutable scores, bad input.
 */
class InitiativeSelectionIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  private final String standingOffice = Api.token("thuongtruc");
  private final String innovator = Api.token("sangkien");

  @Test
  void aSelfRegisteredInnovatorSubmitsAndSeesOnlyTheirOwn() {
    String username = "sk" + Feedback.marker();
    assertThat(Registration.register(username, "Đại học Bách khoa Hà Nội", "0101234567-001"))
        .isEqualTo(302);
    String newcomer = Api.token(username, "Demo-pass-123");

    JsonNode draft = api()
        .postJson(
            "/api/v1/initiatives",
            Api.toJson(draft("Nền tảng bản đồ số dùng chung")),
            newcomer,
            Map.of())
        .json();
    assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
    assertThat(draft.path("organisation").asText())
        .as("from the registration form")
        .isEqualTo("Đại học Bách khoa Hà Nội");
    JsonNode submitted = api()
        .postJson(
            "/api/v1/initiatives/drafts/" + draft.path("id").asText() + "/submit",
            "{}",
            newcomer,
            Map.of())
        .json();
    String code = submitted.path("caseCode").asText();
    assertThat(code).startsWith("SK-");
    assertThat(submitted.path("submittedAt").asText()).isNotBlank();

    assertThat(api().get("/api/v1/initiatives", newcomer).json().findValuesAsText("caseCode"))
        .containsExactly(code);
    assertThat(api().get("/api/v1/initiatives/" + code, innovator).status())
        .as("another innovator's")
        .isEqualTo(404);
    assertThat(api().get("/api/v1/initiatives/" + code, Api.token("chuyengia")).status())
        .as("not on its panel")
        .isEqualTo(404);
    assertThat(api().get("/api/v1/initiatives/" + code, standingOffice).status())
        .isEqualTo(200);
  }

  @Test
  void screenedScoredByAPanelWithAConflictReplacedAndSelectedIntoATask() {
    String code = submit(innovator, draft("Trợ lý ảo pháp luật cho doanh nghiệp nhỏ"));
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/screening",
            "{\"screeningDecision\":\"evaluate\"}",
            standingOffice,
            Map.of()));
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/panel",
            Api.toJson(Map.of("panelText", List.of("chuyengia", "chuyengia2", "chuyengia3"))),
            standingOffice,
            Map.of()));

    assertThat(api().get("/api/v1/initiatives/" + code, Api.token("chuyengia4")).status())
        .as("not asked yet")
        .isEqualTo(404);
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/conflict",
            "{\"conflictDeclared\":true,\"conflictNote\":\"Tôi từng tư vấn cho doanh nghiệp đề xuất\"}",
            Api.token("chuyengia"),
            Map.of()));
    assertThat(api().get("/api/v1/initiatives/" + code, Api.token("chuyengia")).status())
        .as("out of the panel")
        .isEqualTo(404);
    assertThat(api().get("/api/v1/initiatives/" + code, Api.token("chuyengia4")).status())
        .as("the replacement")
        .isEqualTo(200);

    for (String expert : List.of("chuyengia2", "chuyengia3", "chuyengia4")) {
      ok(api()
          .postJson(
              "/api/v1/initiatives/" + code + "/conflict",
              "{\"conflictDeclared\":false}",
              Api.token(expert),
              Map.of()));
    }
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/scores",
            sheet(8),
            Api.token("chuyengia2"),
            Map.of()));
    assertThat(api()
            .get("/api/v1/initiatives/" + code + "/scores", Api.token("chuyengia3"))
            .json())
        .as("no one else's scores before one's own")
        .isEmpty();
    assertThat(api()
            .get("/api/v1/initiatives/" + code + "/scores", Api.token("chuyengia2"))
            .json())
        .hasSize(6);
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/scores",
            sheet(9),
            Api.token("chuyengia3"),
            Map.of()));
    assertThat(api()
            .get("/api/v1/initiatives/" + code + "/scores", Api.token("chuyengia3"))
            .json())
        .hasSize(12);
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/scores",
            sheet(8),
            Api.token("chuyengia4"),
            Map.of()));

    JsonNode scored = api().get("/api/v1/initiatives/" + code, standingOffice).json();
    assertThat(scored.path("status").asText()).isEqualTo("SHORTLISTED");
    assertThat(scored.path("meanScore").asDouble()).isEqualTo(8.33);

    Api.Response decided = api()
        .postJson(
            "/api/v1/initiatives/" + code + "/decision",
            Api.toJson(Map.of(
                "decision",
                "selected",
                "reason",
                "Giải pháp khả thi, tác động rộng",
                "tasks",
                List.of(Map.of(
                    "leadAgency",
                    "btp",
                    "deadline",
                    LocalDate.now().plusMonths(6).toString(),
                    "expectedProduct",
                    "Trợ lý ảo vận hành thử nghiệm")))),
            standingOffice,
            Map.of());
    assertThat(decided.status()).as(decided.raw().body()).isEqualTo(200);
    assertThat(decided.json().path("status").asText()).isEqualTo("SELECTED");
    String task = jdbc.sql(
            "select t.case_code from task t join initiative i on i.id = t.source_initiative_id where i.case_code = ?")
        .param(code)
        .query(String.class)
        .single();
    assertThat(api().get("/api/v1/tasks/" + task, Api.token("canbo.bkhcn")).status())
        .as("Bộ Tư pháp's task")
        .isEqualTo(404);
    assertThat(api().get("/api/v1/public/initiatives", null).json().findValuesAsText("caseCode"))
        .contains(code);
  }

  @Test
  void returnedForCompletionThenTurnedIntoFeedbackLinkedBothWays() {
    String code =
        submit(innovator, draft("Đề xuất bổ sung ưu đãi thuế cho doanh nghiệp khởi nghiệp"));
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/screening",
            "{\"screeningDecision\":\"return\",\"screeningNote\":\"Cần nêu rõ sản phẩm dự kiến\"}",
            standingOffice,
            Map.of()));
    assertThat(api()
            .get("/api/v1/initiatives/" + code, innovator)
            .json()
            .path("status")
            .asText())
        .isEqualTo("RETURNED");
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/completion",
            "{\"completionReply\":\"Sản phẩm: đề xuất sửa thông tư\"}",
            innovator,
            Map.of()));
    assertThat(api()
            .get("/api/v1/initiatives/" + code, innovator)
            .json()
            .path("status")
            .asText())
        .isEqualTo("SUBMITTED");

    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/screening",
            "{\"screeningDecision\":\"to-feedback\",\"screeningNote\":\"Là kiến nghị chính sách, không phải sáng kiến\"}",
            standingOffice,
            Map.of()));
    JsonNode initiative = api().get("/api/v1/initiatives/" + code, innovator).json();
    assertThat(initiative.path("status").asText()).isEqualTo("TO_FEEDBACK");
    String feedback = jdbc.sql("select code from feedback_item where id = ?")
        .param(initiative.path("feedbackId").asLong())
        .query(String.class)
        .single();
    assertThat(api()
            .get("/api/v1/feedback/" + feedback, standingOffice)
            .json()
            .path("initiative")
            .asText())
        .isEqualTo(code);
  }

  @Test
  void aScoreIsNeverChangedOnlyCorrectedByANewAuditedRow() {
    String code = submit(innovator, draft("Cổng dữ liệu mở về khoa học"));
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/screening",
            "{\"screeningDecision\":\"evaluate\"}",
            standingOffice,
            Map.of()));
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/panel",
            "{\"panelText\":[\"chuyengia2\",\"chuyengia4\"]}",
            standingOffice,
            Map.of()));
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/conflict",
            "{\"conflictDeclared\":false}",
            Api.token("chuyengia2"),
            Map.of()));
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/scores",
            sheet(6),
            Api.token("chuyengia2"),
            Map.of()));

    Api.Response again = api()
        .postJson(
            "/api/v1/initiatives/" + code + "/scores", sheet(9), Api.token("chuyengia2"), Map.of());
    assertThat(again.status()).as("a second sheet").isEqualTo(409);
    Api.Response corrected = api()
        .postJson(
            "/api/v1/initiatives/" + code + "/scores/corrections",
            Api.toJson(Map.of(
                "criterion",
                "NOVELTY",
                "score",
                7,
                "comment",
                "Đánh giá lại sau khi đọc phụ lục",
                "reason",
                "Nhập nhầm")),
            Api.token("chuyengia2"),
            Map.of());
    assertThat(corrected.status()).as(corrected.raw().body()).isEqualTo(201);
    assertThat(corrected.json()).hasSize(7);
    assertThat(jdbc.sql(
                "select count(*) from audit_event where case_code = ? and action = 'SCORE_CORRECTED'")
            .param(code)
            .query(Integer.class)
            .single())
        .isEqualTo(1);
    assertThatThrownBy(
            () -> jdbc.sql("update initiative_score set score = 10 where initiative_id = "
                    + "(select id from initiative where case_code = ?)")
                .param(code)
                .update())
        .as("the database refuses")
        .hasMessageContaining("immutable");
  }

  @Test
  void badInputIsRefusedAndNothingIsStored() {
    int before =
        jdbc.sql("select count(*) from initiative").query(Integer.class).single();
    Map<String, Object> badTax = draft("Mã số thuế sai");
    badTax.put("taxCode", "12345");
    Api.Response refused =
        api().postJson("/api/v1/initiatives", Api.toJson(badTax), innovator, Map.of());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("taxCode");
    assertThat(jdbc.sql("select count(*) from initiative").query(Integer.class).single())
        .isEqualTo(before);

    Map<String, Object> incomplete = draft("Chưa đủ nội dung");
    incomplete.remove("problem");
    JsonNode draft = api()
        .postJson("/api/v1/initiatives", Api.toJson(incomplete), innovator, Map.of())
        .json();
    Api.Response submit = api()
        .postJson(
            "/api/v1/initiatives/drafts/" + draft.path("id").asText() + "/submit",
            "{}",
            innovator,
            Map.of());
    assertThat(submit.status()).isEqualTo(400);
    assertThat(submit.json().path("errors").get(0).path("field").asText()).isEqualTo("problem");
    assertThat(api()
            .get("/api/v1/initiatives/drafts/" + draft.path("id").asText(), innovator)
            .json()
            .path("status")
            .asText())
        .isEqualTo("DRAFT");

    assertThat(api()
            .postJson(
                "/api/v1/initiatives",
                Api.toJson(draft("Không phải nhà sáng chế")),
                Api.token("canbo.hanoi"),
                Map.of())
            .status())
        .as("only innovators submit")
        .isEqualTo(403);

    String code = submit(innovator, draft("Chấm điểm sai thang"));
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/screening",
            "{\"screeningDecision\":\"evaluate\"}",
            standingOffice,
            Map.of()));
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/panel",
            "{\"panelText\":[\"chuyengia4\"]}",
            standingOffice,
            Map.of()));
    ok(api()
        .postJson(
            "/api/v1/initiatives/" + code + "/conflict",
            "{\"conflictDeclared\":false}",
            Api.token("chuyengia4"),
            Map.of()));
    Api.Response outOfRange = api()
        .postJson(
            "/api/v1/initiatives/" + code + "/scores",
            sheet(11),
            Api.token("chuyengia4"),
            Map.of());
    assertThat(outOfRange.status()).isEqualTo(400);
    assertThat(outOfRange.json().path("errors").findValuesAsText("field"))
        .as("every score at once")
        .containsExactlyInAnyOrder(
            "scoreNovelty",
            "scoreFeasibility",
            "scoreImpact",
            "scoreStrategicFit",
            "scoreDataReuse",
            "scoreSustainability");
    assertThat(jdbc.sql(
                "select count(*) from initiative_score s join initiative i on i.id = s.initiative_id where i.case_code = ?")
            .param(code)
            .query(Integer.class)
            .single())
        .isZero();
    assertThat(api()
            .postJson(
                "/api/v1/initiatives/" + code + "/panel",
                "{\"panelText\":[\"canbo.hanoi\"]}",
                standingOffice,
                Map.of())
            .status())
        .as("the panel is already chosen")
        .isEqualTo(409);
  }

  private static Map<String, Object> draft(String title) {
    Map<String, Object> body = new HashMap<>();
    body.put("category", "BREAKTHROUGH");
    body.put("title", title + " " + Feedback.marker());
    body.put("problem", "Doanh nghiệp nhỏ khó tiếp cận thông tin pháp luật cập nhật.");
    body.put("solution", "Trợ lý ảo dùng dữ liệu văn bản pháp luật mở, trả lời bằng tiếng Việt.");
    body.put("expectedProduct", "Ứng dụng vận hành thử nghiệm tại 3 tỉnh.");
    body.put("publishProposer", true);
    return body;
  }

  private String submit(String token, Map<String, Object> body) {
    JsonNode draft =
        api().postJson("/api/v1/initiatives", Api.toJson(body), token, Map.of()).json();
    Api.Response submitted = api()
        .postJson(
            "/api/v1/initiatives/drafts/" + draft.path("id").asText() + "/submit",
            "{}",
            token,
            Map.of());
    ok(submitted);
    return submitted.json().path("caseCode").asText();
  }

  /** A sheet as the form initiative-scoring names it: scoreNovelty, commentNovelty, … */
  private static String sheet(int score) {
    Map<String, Object> sheet = new HashMap<>();
    for (String criterion : List.of(
        "Novelty", "Feasibility", "Impact", "StrategicFit", "DataReuse", "Sustainability")) {
      sheet.put("score" + criterion, score);
      sheet.put("comment" + criterion, "Nhận xét về tiêu chí " + criterion);
    }
    return Api.toJson(sheet);
  }

  private static void ok(Api.Response response) {
    assertThat(response.status()).as(response.raw().body()).isBetween(200, 201);
  }
}
