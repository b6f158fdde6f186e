package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.sla.SlaPolicies;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.processes.sla.SlaStage;

/**
 * The documents a sender gets: the receipt (its due day the answer stage's, by the clocks' rule, then the clock's
 * own once the stage runs; its e-mail without the secret) and the agency's answer letter, made after the sign-off,
 * for the holder of the secret, and published without the sender's name.
 */
class FeedbackDocumentsIT extends IntegrationTest {

  private static final String SECRET = "X-Tracking-Secret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired
  JdbcClient jdbc;

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  SlaPolicies policies;

  @Autowired
  CaseLabels labels;

  @Test
  void theReceiptPromisesTheAnswerStagesDueDayAndFollowsTheClockOnceTheStageRuns()
      throws Exception {
    JsonNode submitted = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json();
    String code = submitted.path("code").asText();
    String secret = submitted.path("trackingSecret").asText();
    Instant received = jdbc.sql("select submitted_at from feedback_item where code = ?")
        .param(code)
        .query(java.sql.Timestamp.class)
        .single()
        .toInstant();
    int budget = policies.find("feedback", SlaStage.ANSWER).orElseThrow().budgetWorkingDays();
    String promised = labels.dueDay(calendar.addWorkingDays(received, budget));

    JsonNode receipt = api()
        .get("/api/v1/public/feedback/" + code + "/receipt", null, Map.of(SECRET, secret))
        .json();
    assertThat(receipt.path("answerDueDay").asText()).isEqualTo(promised);
    assertThat(receipt.path("qr").size()).isGreaterThan(20);
    String pdf =
        text(pdf("/api/v1/public/feedback/" + code + "/receipt.pdf", secret).body());
    assertThat(pdf)
        .contains(
            "PHIẾU TIẾP NHẬN",
            "Mã hồ sơ: " + code,
            "Ngày hẹn trả lời: " + promised,
            "Mã bí mật: " + secret.replace('-', ' '),
            "Nguyễn Thị Hồng Nhung");
    assertThat(pdf("/api/v1/public/feedback/" + code + "/receipt.pdf", null).statusCode())
        .isEqualTo(404);
    assertThat(
            pdf("/api/v1/public/feedback/" + code + "/receipt.pdf", "K7QM-2ZXA-B3CD-EFGH-JKMN-PQRS")
                .statusCode())
        .isEqualTo(404);

    // The e-mail of the receipt: code and due day, never the secret (it waits in table notification
    // as written).
    Map<String, Object> mail = jdbc.sql(
            "select recipient, body from notification where case_code = ? and kind like 'FB_RECEIPT:%'")
        .param(code)
        .query()
        .singleRow();
    assertThat(mail.get("recipient")).isEqualTo("nhung.nth@example.vn");
    assertThat((String) mail.get("body"))
        .contains(code, "Ngày hẹn trả lời: " + promised)
        .doesNotContain(secret);

    // Once routed and accepted, the answer stage's clock says when the answer is due.
    AnsweredFeedback.complete(
        api(),
        code,
        "ClassifyFeedback",
        Map.of("handlingAgency", "hanoi", "field", "administrative-procedures"));
    AnsweredFeedback.complete(
        api(), code, "AcceptFeedback", Map.of("acceptanceDecision", "accept"));
    Instant clockDue = jdbc.sql(
            "select due_at from sla_clock where case_code = ? and stage = 'ANSWER'")
        .param(code)
        .query(java.sql.Timestamp.class)
        .single()
        .toInstant();
    JsonNode followed = api()
        .get("/api/v1/public/feedback/" + code, null, Map.of(SECRET, secret))
        .json();
    assertThat(followed.path("answerDueDay").asText()).isEqualTo(labels.dueDay(clockDue));
    assertThat(followed.path("handlingAgency").asText()).isEqualTo("Thành phố Hà Nội");
    assertThat(followed.path("steps").findValuesAsText("step"))
        .containsExactly("RECEIVED", "CLASSIFIED", "ACCEPTED", "ANSWERED", "PUBLISHED");
    assertThat(followed.path("steps").get(2).path("at").isTextual())
        .as("accepted")
        .isTrue();
    assertThat(followed.path("steps").get(3).path("at").isTextual())
        .as("not answered yet")
        .isFalse();
  }

  @Test
  void theSignedOffAnswerBecomesALetterForTheSenderAndAPublicOneWithoutTheirName()
      throws Exception {
    AnsweredFeedback answered = AnsweredFeedback.publish(api(), Feedback.marker());
    String code = answered.code();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pdf("/api/v1/public/feedback/" + code + "/letter.pdf", answered.secret())
                .statusCode()
            == 200);
    String letter = text(pdf("/api/v1/public/feedback/" + code + "/letter.pdf", answered.secret())
        .body());
    assertThat(letter)
        .contains(
            "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "V/v trả lời phản ánh, kiến nghị của ông/bà Nguyễn Thị Hồng Nhung",
            answered.answer(),
            "Nơi nhận:",
            "LÃNH ĐẠO CƠ QUAN",
            "Đặng Quang Minh");
    assertThat(pdf("/api/v1/public/feedback/" + code + "/letter.pdf", null).statusCode())
        .isEqualTo(404);
    assertThat(pdf("/api/v1/public/feedback/" + code + "/letter.pdf", "not-the-secret")
            .statusCode())
        .isEqualTo(404);

    JsonNode followed = api()
        .get("/api/v1/public/feedback/" + code, null, Map.of(SECRET, answered.secret()))
        .json();
    assertThat(followed.path("letter").asBoolean()).isTrue();
    followed
        .path("steps")
        .forEach(
            step -> assertThat(step.path("at").isTextual()).as(step.toString()).isTrue());

    assertThat(api()
            .get("/api/v1/public/answers/" + code, null)
            .json()
            .path("letter")
            .asBoolean())
        .isTrue();
    HttpResponse<byte[]> published = pdf("/api/v1/public/answers/" + code + "/letter.pdf", null);
    assertThat(published.statusCode()).isEqualTo(200);
    assertThat(text(published.body()))
        .contains(answered.answer(), "hồ sơ " + code, "Đặng Quang Minh")
        .doesNotContain("Nhung", "nhung.nth@example.vn");
    assertThat(jdbc.sql(
                "select count(*) from attachment a join feedback_item f on a.owner_id = f.id and a.owner_type = 'feedback' "
                    + "where f.code = ? and a.filename like 'cong-van-tra-loi-%'")
            .param(code)
            .query(Integer.class)
            .single())
        .isEqualTo(2);
  }

  @Test
  void aLetterThatCannotBeMadeIsTriedAgainAndTheSignOffStands() throws Exception {
    AnsweredFeedback answered = AnsweredFeedback.publish(api(), Feedback.marker());
    long id = jdbc.sql("select id from feedback_item where code = ?")
        .param(answered.code())
        .query(Long.class)
        .single();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jdbc.sql(
                    "select count(*) from feedback_answer_letter where feedback_id = ? and letter_attachment_id is not null")
                .param(id)
                .query(Integer.class)
                .single()
            == 1);

    // A second letter, signed by Hà Nội's leader, whose agency is unknown (a heading cannot be
    // made): it waits, counted
    // and explained.
    jdbc.sql("""
            insert into feedback_answer_letter (feedback_id, signed_by, signed_at, agency, answer_text, next_attempt_at)
            values (?, 'lanhdao.hanoi', now(), 'khong-co', 'Trả lời lần hai', now())""").param(id).update();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jdbc.sql(
                    "select attempts from feedback_answer_letter where feedback_id = ? and agency = 'khong-co'")
                .param(id)
                .query(Integer.class)
                .single()
            > 0);
    Map<String, Object> waiting = jdbc.sql("""
            select last_error, last_failure, next_attempt_at > now() as later, letter_attachment_id from feedback_answer_letter
            where feedback_id = ? and agency = 'khong-co'""").param(id).query().singleRow();
    assertThat((String) waiting.get("last_error")).contains("khong-co");
    assertThat(waiting.get("last_failure")).isEqualTo("AGENCY");
    assertThat(waiting.get("later")).isEqualTo(true);
    assertThat(waiting.get("letter_attachment_id")).isNull();
    assertThat(api()
            .get(
                "/api/v1/public/feedback/" + answered.code(),
                null,
                Map.of(SECRET, answered.secret()))
            .json()
            .path("status")
            .asText())
        .isEqualTo("ANSWERED");

    // Once the cause is gone, the next attempt makes it.
    jdbc.sql(
            "update feedback_answer_letter set agency = 'hanoi', next_attempt_at = now() where feedback_id = ? and agency = 'khong-co'")
        .param(id)
        .update();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jdbc.sql(
                    "select count(*) from feedback_answer_letter where feedback_id = ? and letter_attachment_id is not null")
                .param(id)
                .query(Integer.class)
                .single()
            == 2);

    // The leader's title from the realm (jobTitle) above their name, in Decree 30's capitals.
    String letter =
        text(pdf("/api/v1/public/feedback/" + answered.code() + "/letter.pdf", answered.secret())
            .body());
    assertThat(letter)
        .contains("Trả lời lần hai", "PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN Trịnh Thị Hạnh")
        .doesNotContain("LÃNH ĐẠO CƠ QUAN");
  }

  private HttpResponse<byte[]> pdf(String path, String secret) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (secret != null) {
      request.header(SECRET, secret);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(byte[] pdf) throws Exception {
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
