package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.notifications.NotificationService;
import vn.dondoc.app.search.CaseReindexer;
import vn.dondoc.app.search.Outbox;
import vn.dondoc.app.search.OutboxRelay;
import vn.dondoc.app.security.AnonymousRateLimit;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.TestSmtp;

/**
 * The operations page: an e-mail given up while the SMTP server (GreenMail, in this JVM) was down is
 * retried from the page and delivered; answer letters that could not be made are listed with the reason in words and
 * made at once from the page; a reindex started from the page shows its progress and ends in the last-reindex line. Its own context ({@link TestSmtp}), without outbox relay.
 */
// Closed after the class: its mail relay would otherwise go on taking the e-mails of later tests.
class OperationsPageBrowserIT extends BrowserTest {

  /** Its context stays open but stops its relay (TestSmtp.quiesce says why). */
  @AfterAll
  static void quiesce(@Autowired ApplicationContext context) {
    TestSmtp.quiesce(context);
  }

  private static final int SMTP_PORT = TestSmtp.freePort();

  @Autowired
  NotificationService notifications;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  JdbcClient jdbc;

  @MockitoBean
  OutboxRelay outboxRelay;

  @Autowired
  ManagementService jobs;

  @Autowired
  RuntimeService runtime;

  @Autowired
  CaseReindexer reindexer;

  @Autowired
  Outbox outbox;

  @Autowired
  AnonymousRateLimit rateLimit;

  private GreenMail smtp;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    TestSmtp.register(registry, "opstest", SMTP_PORT);
    registry.add("dondoc.mail.max-attempts", () -> "2");
    // an answer letter that failed waits an hour for its next attempt: only the page's button makes
    // it sooner
    registry.add("dondoc.feedback.letters.retry-delay", () -> "1h");
  }

  @AfterEach
  void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  private String state(String code) {
    return jdbc.sql("select email_state from notification where case_code = ?")
        .param(code)
        .query(String.class)
        .single();
  }

  @Test
  void anEmailGivenUpWhileSmtpWasDownIsRetriedFromThePageAndDelivered() throws Exception {
    String code = "NT-" + Feedback.marker();
    String address = Feedback.marker() + "@example.vn";
    transaction.executeWithoutResult(status -> notifications.notifyEmail(
        code,
        "FEEDBACK_ANSWER",
        address,
        "[" + code + "] Đã có trả lời",
        "Phản ánh của bà đã được trả lời."));
    await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(state(code)));

    browser.dropAllCookies();
    browser.signIn("/quan-tri/van-hanh", "quantri");
    assertThat(browser.byId("ops-title").getText()).isEqualTo("Vận hành hệ thống");
    assertThat(browser.byId("mail-sending").getText())
        .isEqualTo("Đang gửi thư qua máy chủ SMTP đã cấu hình.");
    long id = jdbc.sql("select id from notification where case_code = ?")
        .param(code)
        .query(Long.class)
        .single();
    assertThat(browser.find("#failed-mails tr[data-mail='" + id + "']").getText())
        .contains(code, address);
    // SMTP was down: said in words, the mail library's text only under "Chi tiết kỹ thuật"
    assertThat(
            browser.find("#failed-mails tr[data-mail='" + id + "'] .error span").getText())
        .isEqualTo("Không kết nối được máy chủ");
    assertThat(browser
            .find("#failed-mails tr[data-mail='" + id + "'] .error details summary")
            .getText())
        .isEqualTo("Chi tiết kỹ thuật");
    browser.screenshots("quan-tri-van-hanh");
    // the outbox (its relay is off in this context: the cases submitted by these tests wait) and
    // the rate limit
    long backlog = outbox.backlog();
    assertThat(browser.byId("outbox-backlog").getText())
        .startsWith(
            backlog == 0
                ? "Không có thay đổi nào chờ cập nhật"
                : NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(backlog)
                    + " thay đổi chờ cập nhật");
    AnonymousRateLimit.Settings limit = rateLimit.current();
    assertThat(browser.byId("rate-limit-value").getText())
        .isEqualTo(
            limit.limit() == 0
                ? "Không giới hạn."
                : "Mỗi địa chỉ gửi tối đa " + limit.limit() + " lần trong "
                    + limit.window().toSeconds() + " giây.");

    smtp = TestSmtp.server(SMTP_PORT);
    smtp.start();
    browser.find("#failed-mails tr[data-mail='" + id + "'] .retry-mail").click();
    browser.textIn("#notice", "Đã đưa 1 thư trở lại hàng đợi gửi.");
    await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(state(code)));
    assertThat(smtp.getReceivedMessages())
        .anySatisfy(
            message -> assertThat(message.getSubject()).isEqualTo("[" + code + "] Đã có trả lời"));
    assertThat(jdbc.sql("""
            select detail->'before'->>'state' || '>' || (detail->'after'->>'state') from audit_event
            where case_code = ? and action = 'MAIL_RETRIED' and actor = 'quantri'""").param(code).query(String.class).single()).isEqualTo("FAILED>PENDING");
    browser.assertNoConsoleErrors();
  }

  private long failingLetter(long feedbackId, String answer) {
    long id = jdbc.sql("""
            insert into feedback_answer_letter (feedback_id, signed_by, signed_at, agency, answer_text, next_attempt_at)
            values (?, 'lanhdao.hanoi', now(), 'khong-co', ?, now()) returning id""").params(feedbackId, answer).query(Long.class).single();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jdbc.sql("select attempts from feedback_answer_letter where id = ?")
                .param(id)
                .query(Integer.class)
                .single()
            > 0);
    return id;
  }

  private boolean made(long letter) {
    return jdbc.sql(
            "select letter_attachment_id is not null from feedback_answer_letter where id = ?")
        .param(letter)
        .query(Boolean.class)
        .single();
  }

  @Test
  void answerLettersThatCouldNotBeMadeAreListedWithTheReasonAndMadeAtOnceFromThePage() {
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json()
        .path("code")
        .asText();
    long item = jdbc.sql("select id from feedback_item where code = ?")
        .param(code)
        .query(Long.class)
        .single();
    // made for an agency the table does not have: no heading can be drawn
    long first = failingLetter(item, "Trả lời thứ nhất");
    long second = failingLetter(item, "Trả lời thứ hai");

    browser.dropAllCookies();
    browser.signIn("/quan-tri/van-hanh", "quantri");
    String row = "#waiting-letters tr[data-letter='" + first + "']";
    assertThat(browser.find(row).getText()).contains(code);
    assertThat(browser.find(row + " .error").getText())
        .isEqualTo("Không tìm thấy cơ quan xử lý trong danh mục cơ quan.");
    assertThat(browser.byId("letters-summary").getText())
        .startsWith(
            jdbc.sql("""
        select count(*) from feedback_answer_letter where letter_attachment_id is null and attempts > 0""").query(Integer.class).single() + " công văn trả lời chưa tạo được");
    browser.assertNoConsoleErrors();
    // the same figure in the health endpoint, for the admins' monitoring
    JsonNode health = api()
        .get("/actuator/health", Api.token("quantri"))
        .json()
        .path("components")
        .path("answerLetters");
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("details").path("waiting").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(health.path("details").has("oldestWaitingSeconds")).isTrue();

    // the cause gone (the agency put right), the first is made now rather than in an hour
    jdbc.sql("update feedback_answer_letter set agency = 'hanoi' where id in (?, ?)")
        .params(first, second)
        .update();
    browser.find(row + " .retry-letter").click();
    browser.textIn("#notice", "Đã đưa 1 công văn vào lượt tạo ngay.");
    await().atMost(Duration.ofSeconds(30)).until(() -> made(first));
    assertThat(made(second)).as("not asked for: waits for its hour").isFalse();
    assertThat(jdbc.sql("""
            select actor || ' ' || (detail->'before'->>'failure') || ' ' || (detail->>'letter') from audit_event
            where case_code = ? and action = 'LETTER_RETRIED'""").param(code).query(String.class).single())
        .isEqualTo("quantri AGENCY " + first);

    browser.byId("retry-all-letters").click();
    browser.textIn("#notice", "công văn vào lượt tạo ngay.");
    await().atMost(Duration.ofSeconds(30)).until(() -> made(second));
    browser.open("/quan-tri/van-hanh");
    assertThat(browser.findAll("#waiting-letters tr[data-letter='" + first
            + "'], #waiting-letters tr[data-letter='" + second + "']"))
        .isEmpty();
    assertThat(jdbc.sql(
                "select count(*) from audit_event where case_code = ? and action = 'LETTER_RETRIED'")
            .param(code)
            .query(Integer.class)
            .single())
        .isEqualTo(2);
  }

  @Test
  void aJobOutOfRetriesIsListedAndGivenAnotherTryFromThePage() {
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json()
        .path("code")
        .asText();
    String instance = runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(code)
        .singleResult()
        .getId();
    // one of the case's timers, as the job executor leaves a job that failed its last try
    Job timer =
        jobs.createJobQuery().processInstanceId(instance).timers().list().get(0);
    jobs.setJobRetries(timer.getId(), 0);

    browser.dropAllCookies();
    browser.signIn("/quan-tri/van-hanh", "quantri");
    String row = "#failed-jobs tr[data-job='" + timer.getId() + "']";
    assertThat(browser.find(row).getText()).contains(code).doesNotContain(instance);
    browser.find(row + " .retry-job").click();
    browser.textIn("#notice", "Đã cho 1 tác vụ chạy lại.");
    assertThat(jobs.createJobQuery().jobId(timer.getId()).singleResult().getRetries())
        .isEqualTo(1);
    assertThat(browser.findAll(row)).isEmpty();
    assertThat(jdbc.sql("""
            select count(*) from audit_event where case_code = 'JOB-EXECUTOR' and action = 'JOB_RETRIED' and actor = 'quantri'
            and (detail->'jobs')::text like '%"' || ? || '"%'""").param(timer.getId()).query(Integer.class).single()).isEqualTo(1);
    browser.assertNoConsoleErrors();
  }

  @Test
  void theRateLimitIsChangedOnThePageAfterBadInputIsRefusedUnderItsFields() {
    AnonymousRateLimit.Settings configured = rateLimit.current();
    browser.dropAllCookies();
    browser.signIn("/quan-tri/van-hanh", "quantri");
    try {
      // both problems at once, under their fields, what was typed kept, nothing changed
      browser.byId("limit").clear();
      browser.byId("limit").sendKeys("mười");
      browser.byId("windowSeconds").clear();
      browser.byId("change-rate-limit").click();
      assertThat(browser.textIn("#limit-error", "số nguyên").getText())
          .isEqualTo("Hãy nhập một số nguyên từ 0 đến 100.000.");
      assertThat(browser.byId("windowSeconds-error").getText())
          .isEqualTo("Hãy nhập một số nguyên từ 1 đến 86.400.");
      assertThat(browser.byId("limit").getAttribute("value")).isEqualTo("mười");
      assertThat(rateLimit.current()).isEqualTo(configured);

      browser.byId("limit").clear();
      browser.byId("limit").sendKeys("5");
      browser.byId("windowSeconds").clear();
      browser.byId("windowSeconds").sendKeys("60");
      browser.byId("change-rate-limit").click();
      browser.textIn("#notice", "Đã đổi giới hạn gửi ẩn danh.");
      assertThat(browser.byId("rate-limit-value").getText())
          .isEqualTo("Mỗi địa chỉ gửi tối đa 5 lần trong 60 giây.");
      assertThat(rateLimit.current())
          .isEqualTo(new AnonymousRateLimit.Settings(5, Duration.ofSeconds(60)));
      assertThat(jdbc.sql("""
              select count(*) from audit_event where case_code = 'RATE-LIMIT' and action = 'RATE_LIMIT_CHANGED'
              and actor = 'quantri' and (detail->'after'->>'limit')::int = 5""").query(Integer.class).single()).isEqualTo(1);

      browser.byId("reset-rate-limit").click();
      browser.textIn("#notice", "Đã đưa giới hạn gửi ẩn danh về theo cấu hình.");
      assertThat(rateLimit.current()).isEqualTo(configured);
      browser.assertNoConsoleErrors();
    } finally {
      // the limit is shared by every test of this context: never leave it changed
      rateLimit.change(null, null);
    }
  }

  @Test
  void aReindexStartedFromThePageShowsItsProgressAndEnds() {
    browser.dropAllCookies();
    browser.signIn("/quan-tri/van-hanh", "quantri");
    browser.byId("start-reindex").click();
    // While it runs the page refreshes itself and counts the cases copied; then it says it is done.
    browser.waitFor(driver -> !browser.findAll("#reindex-running").isEmpty()
        || !browser.findAll("#reindex-done").isEmpty());
    browser.waitFor(driver -> !browser.findAll("#reindex-done").isEmpty());
    assertThat(browser.byId("reindex-done").getText()).startsWith("Đã dựng lại chỉ mục: chép ");
    assertThat(browser.byId("last-reindex").getText()).contains("do quantri");
    assertThat(browser.byId("search-indices").getText())
        .startsWith(browser.byId("search-alias").getText());
    assertThat(browser.byId("search-mapping").getText()).isEqualTo("phiên bản hiện hành");
    // the index's count beside PostgreSQL's
    assertThat(browser.byId("search-cases").getText())
        .startsWith(NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi"))
                .format(reindexer.casesToIndex())
            + ", ");
  }
}
