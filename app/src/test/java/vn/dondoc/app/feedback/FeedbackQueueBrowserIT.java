package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.attachments.SampleFiles;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;

/**
 * The agency's feedback queue in a real browser: an item sent anonymously and routed to Hà Nội by the
 * standing office shows in its officer's queue with the countdown of its SLA clock; the officer accepts
 * and answers it on the page (bad input first), the leader signs the answer off, and the sender rates it
 * on the public follow page.
 */
class FeedbackQueueBrowserIT extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  WorkingCalendar calendar;

  @Test
  void anOfficerAcceptsAndAnswersTheLeaderSignsOffAndTheSenderRates() {
    String marker = Feedback.marker();
    Map<String, Object> submission = Feedback.valid(marker);
    JsonNode photo = api()
        .upload("ho-so-giay.png", SampleFiles.picture(200, 120), "image/png", null)
        .json();
    submission.put(
        "attachments",
        List.of(Map.of(
            "id",
            photo.path("id").asText(),
            "uploadToken",
            photo.path("uploadToken").asText())));
    JsonNode receipt =
        api().postJson("/api/v1/feedback", Api.toJson(submission)).json();
    String code = receipt.path("code").asText();
    String secret = receipt.path("trackingSecret").asText();
    AnsweredFeedback.complete(
        api(),
        code,
        "ClassifyFeedback",
        Map.of("handlingAgency", "hanoi", "field", "administrative-procedures"));

    browser.dropAllCookies();
    Instant before = Instant.now();
    browser.signIn("/lam-viec/phan-anh", "canbo.hanoi");
    Instant after = Instant.now();
    assertThat(browser.find("h1").getText()).isEqualTo("Phản ánh, kiến nghị của cơ quan");
    WebElement row = browser.find("#feedback-queue > li[data-case='" + code + "']");
    assertThat(row.findElement(By.cssSelector("a.open-item")).getText()).contains(code, marker);
    assertThat(row.findElement(By.cssSelector(".badge.step")).getText())
        .isEqualTo("Tiếp nhận xử lý");
    // The countdown is the acceptance clock's: its due instant and the working days left to it.
    Instant due = openClockDue(code, "ACCEPT");
    assertThat(row.findElement(By.cssSelector(".sla .due")).getText())
        .isEqualTo("Hạn " + DisplayDates.DAY.format(due.minusNanos(1).atZone(HanoiTime.ZONE)));
    assertThat(row.findElement(By.cssSelector(".sla .countdown")).getText())
        .isIn(
            "còn " + workingDaysLeft(before, due) + " ngày làm việc",
            "còn " + workingDaysLeft(after, due) + " ngày làm việc");
    // Earliest due (so the longest overdue) first, as the items' open clocks say.
    List<Instant> dues = browser.findAll("#feedback-queue > li").stream()
        .map(li -> openClockDue(li.getAttribute("data-case")))
        .toList();
    assertThat(dues).isSortedAccordingTo(Comparator.nullsLast(Comparator.naturalOrder()));
    assertThat(browser.find("header nav ul").getText()).contains("Phản ánh, kiến nghị của cơ quan");
    browser.assertNoConsoleErrors();
    browser.screenshots("phan-anh-co-quan");

    row.findElement(By.cssSelector("a.open-item")).click();
    browser.textIn("#item-title", marker);
    assertThat(browser.byId("item-content").getText())
        .isEqualTo(
            "Hồ sơ đăng ký đề tài phải nộp bản giấy tại Sở dù đã có dịch vụ công trực tuyến.");
    assertThat(browser.byId("item-facts").getText())
        .contains(
            "Phản ánh",
            "Thủ tục hành chính",
            "Thành phố Hà Nội",
            "Tiếp nhận xử lý",
            "ngày làm việc");
    // The sender's photo, shown by the page's file endpoint.
    assertThat(browser.find("#item-files a").getText()).isEqualTo("ho-so-giay.png");
    WebElement image = browser.find("#item-files img");
    browser.waitFor(d -> ((Number) browser
                .driver()
                .executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0", image))
            .intValue()
        == 200);
    browser.assertNoConsoleErrors();
    browser.screenshots("phan-anh-chi-tiet");

    // Returning without a reason: the message is next to the reason, the item still waits for
    // acceptance.
    browser.find("label[for=acceptanceDecision-return]").click();
    browser.byId("accept-submit").click();
    browser.textIn("#acceptanceReason-error", "Bắt buộc nhập mục này.");
    assertThat(browser.byId("acceptanceDecision-return").isSelected()).isTrue();
    assertThat(openSteps(code)).containsExactly("AcceptFeedback");

    browser.find("label[for=acceptanceDecision-accept]").click();
    browser.byId("accept-submit").click();
    browser.textIn("#notice", "Đã tiếp nhận " + code);
    assertThat(openSteps(code)).containsExactly("DraftAnswer");
    assertThat(browser
            .find("#feedback-queue > li[data-case='" + code + "'] .badge.step")
            .getText())
        .isEqualTo("Xử lý, dự thảo trả lời");

    // Answering without text: the message is next to the answer, nothing is sent.
    browser.find("#feedback-queue > li[data-case='" + code + "'] a.open-item").click();
    browser.find("label[for=answerDecision-answer]").click();
    browser.byId("draft-submit").click();
    browser.textIn("#answerText-error", "Bắt buộc nhập mục này.");
    assertThat(openSteps(code)).containsExactly("DraftAnswer");
    String answer =
        "Sở Khoa học và Công nghệ Hà Nội đã tiếp nhận hồ sơ trực tuyến <b>từ 01/03/2026</b> "
            + marker;
    browser.byId("answerText").sendKeys(answer);
    browser.byId("draft-submit").click();
    browser.textIn("#notice", "Đã trình lãnh đạo ký duyệt trả lời " + code);
    assertThat(openSteps(code)).containsExactly("SignOffAnswer");
    // The officer sees that the leader signs off, and is offered no form for it.
    WebElement waiting = browser.find("#feedback-queue > li[data-case='" + code + "']");
    assertThat(waiting.findElement(By.cssSelector(".waits-for-leader")).getText())
        .startsWith("Chờ lãnh đạo cơ quan ký duyệt");
    waiting.findElement(By.cssSelector("a.open-item")).click();
    browser.visible("#leader-only");
    assertThat(browser.findAll("#sign-off-form")).isEmpty();
    assertThat(browser.byId("drafted-answer").getText()).isEqualTo(answer);
    browser.assertNoConsoleErrors();

    browser.dropAllCookies();
    browser.signIn("/lam-viec/phan-anh/" + code, "lanhdao.hanoi");
    assertThat(browser.byId("drafted-answer").getText()).isEqualTo(answer);
    browser.find("label[for=signOffDecision-approve]").click();
    browser.byId("sign-off-submit").click();
    browser.textIn("#notice", "Đã duyệt và gửi trả lời " + code);
    assertThat(openSteps(code)).isEmpty();
    assertThat(browser.findAll("#feedback-queue > li[data-case='" + code + "']"))
        .isEmpty();
    browser.assertNoConsoleErrors();
    browser.dropAllCookies();

    // The sender reads the answer and rates it on the public follow page.
    browser.open("/theo-doi?ma=" + code + "#bi-mat=" + secret);
    browser.textIn("#item-answer-text", answer);
    browser.visible("#rating-form");
    browser.find("label[for=rating-4]").click();
    browser.byId("rating-comment").sendKeys("Đã rõ, cảm ơn.");
    browser.find("#rating-form button[type=submit]").click();
    browser.textIn("#item-status", "Đã gửi đánh giá");
    browser.assertNoConsoleErrors();
    assertThat(jdbc.sql("select rating from feedback_item where code = ?")
            .param(code)
            .query(Integer.class)
            .single())
        .isEqualTo(4);
    JsonNode followed = api()
        .get("/api/v1/public/feedback/" + code, null, Map.of("X-Tracking-Secret", secret))
        .json();
    assertThat(followed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(followed.path("answerText").asText()).isEqualTo(answer);
  }

  private Instant openClockDue(String code, String stage) {
    return jdbc.sql(
            "select due_at from sla_clock where case_code = ? and stage = ? and state = 'RUNNING'")
        .params(code, stage)
        .query(OffsetDateTime.class)
        .single()
        .toInstant();
  }

  /** The due instant of the item's open clock (the latest started), null if none runs. */
  private Instant openClockDue(String code) {
    return jdbc.sql(
            "select due_at from sla_clock where case_code = ? and state in ('RUNNING', 'PAUSED')"
                + " order by started_at desc, id desc limit 1")
        .param(code)
        .query(OffsetDateTime.class)
        .optional()
        .map(OffsetDateTime::toInstant)
        .orElse(null);
  }

  /** Working days left from {@code now} to {@code due}, a started one counting whole. */
  private long workingDaysLeft(Instant now, Instant due) {
    Duration left = calendar.workingTimeBetween(now, due);
    return left.toDays() + (left.equals(Duration.ofDays(left.toDays())) ? 0 : 1);
  }

  /** The user tasks the item's process waits at (the engine's runtime tables). */
  private List<String> openSteps(String code) {
    return jdbc.sql(
            "select t.task_def_key_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
                + " where e.business_key_ = ? order by t.create_time_")
        .param(code)
        .query(String.class)
        .list();
  }
}
