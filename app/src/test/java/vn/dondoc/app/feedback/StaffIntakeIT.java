package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.search.CaseReindexer;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.InvalidFieldsException;
import vn.dondoc.processes.FeedbackHandling;

/**
 * Staff intake ({@link FeedbackStaffIntake}): an item received by hotline, letter or at the counter, recorded by
 * an officer. Bad input names every field at once and stores nothing; the first stage's clock counts from the
 * day the item was received; the channel is a search facet and a dimension of the feedback figures.
 */
class StaffIntakeIT extends IntegrationTest {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final Caller OFFICER = new Caller(
      "thuongtruc",
      "Trần Minh Đức",
      Set.of(Roles.STANDING_OFFICE),
      List.of("standing-office"),
      Set.of("vptw"));

  @Autowired
  FeedbackStaffIntake intake;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  MessageSource messages;

  @Autowired
  TaskService tasks;

  @Autowired
  CaseReindexer reindexer;

  @Test
  void badInputNamesEveryFieldInVietnameseAndStoresNothing() {
    String marker = Feedback.marker();
    long itemsBefore = count("select count(*) from feedback_item");
    StaffIntakeForm form = new StaffIntakeForm(
        "fax",
        intake.today().plusDays(1).toString(),
        "",
        "complaint",
        "administrative-procedures",
        "hanoi",
        "",
        "Nội dung " + marker,
        "Nguyễn Văn An",
        "khong-phai-thu",
        "",
        false,
        false);

    InvalidFieldsException refused = catchThrowableOfType(
        InvalidFieldsException.class, () -> intake.record(form, List.of(), OFFICER));

    Map<String, String> problems = refused.all().stream()
        .collect(Collectors.toMap(
            InvalidFieldException::field,
            e -> messages.getMessage(e.messageKey(), e.arguments(), VIETNAMESE),
            (a, b) -> a));
    assertThat(problems)
        .containsOnlyKeys("channel", "receivedOn", "title", "senderEmail", "senderConsent");
    assertThat(problems.get("receivedOn")).isEqualTo("không được sau ngày hôm nay");
    assertThat(problems.get("title")).isEqualTo("là bắt buộc");
    assertThat(problems.get("senderEmail")).isEqualTo("không phải địa chỉ thư điện tử hợp lệ");
    assertThat(problems.get("senderConsent")).isEqualTo("là bắt buộc: cần sự đồng ý của người gửi");
    assertThat(count("select count(*) from feedback_item")).isEqualTo(itemsBefore);
    assertThat(count("select count(*) from feedback_item where content like '%" + marker + "%'"))
        .isZero();
  }

  @Test
  void aReceiptOlderThanTheBoundIsRefused() {
    LocalDate tooOld = intake.earliestDay().minusDays(1);
    StaffIntakeForm form = form(Feedback.marker(), "letter", tooOld.toString(), "");

    InvalidFieldException refused = catchThrowableOfType(
        InvalidFieldException.class, () -> intake.record(form, List.of(), OFFICER));

    assertThat(refused.field()).isEqualTo("receivedOn");
    assertThat(messages.getMessage(refused.messageKey(), refused.arguments(), VIETNAMESE))
        .startsWith("không được trước ngày ");
  }

  @Test
  void aSenderWithoutEMailOrPhoneIsRefusedUnderTheEMailField() {
    StaffIntakeForm noContact = new StaffIntakeForm(
        "counter",
        intake.today().toString(),
        "",
        "complaint",
        "administrative-procedures",
        "hanoi",
        "Phản ánh tại bộ phận một cửa",
        "Nội dung",
        "Nguyễn Văn An",
        "",
        "",
        true,
        false);

    InvalidFieldException refused = catchThrowableOfType(
        InvalidFieldException.class, () -> intake.record(noContact, List.of(), OFFICER));

    assertThat(refused.field()).isEqualTo("senderEmail");
    assertThat(messages.getMessage(refused.messageKey(), refused.arguments(), VIETNAMESE))
        .isEqualTo(
            "là bắt buộc khi không có số điện thoại: cơ quan cần một cách để trả lời người gửi");
  }

  @Test
  void aBackDatedHotlineCallIsDueFromTheDayItWasReceived() {
    String marker = Feedback.marker();
    LocalDate received = intake.today().minusDays(6);
    Instant receivedAt = received.atTime(9, 30).atZone(HanoiTime.ZONE).toInstant();

    FeedbackReceipt receipt =
        intake.record(form(marker, "hotline", received.toString(), "09:30"), List.of(), OFFICER);

    assertThat(receipt.trackingSecret()).isNotBlank();
    assertThat(receipt.submittedAt().toInstant()).isEqualTo(receivedAt);
    int budget = jdbc.sql(
            "select budget_working_days from sla_policy where case_type = 'feedback' and stage = 'ROUTE'")
        .query(Integer.class)
        .single();
    Map<String, Object> clock = jdbc.sql(
            "select started_at, due_at from sla_clock where case_code = ? and stage = 'ROUTE'")
        .param(receipt.code())
        .query()
        .singleRow();
    Instant due = ((Timestamp) clock.get("due_at")).toInstant();
    assertThat(((Timestamp) clock.get("started_at")).toInstant()).isEqualTo(receivedAt);
    assertThat(due)
        .isEqualTo(calendar.addWorkingDays(receivedAt, budget))
        .isBefore(calendar.addWorkingDays(Instant.now(), budget));
    assertThat(tasks
            .createTaskQuery()
            .processInstanceBusinessKey(receipt.code())
            .taskDefinitionKey(FeedbackHandling.TASK_CLASSIFY)
            .singleResult()
            .getDueDate()
            .toInstant())
        .as("the classification step is listed with the clock's due date")
        .isEqualTo(due);

    Map<String, Object> item = jdbc.sql(
            "select channel, submitted_by, submitted_at, entered_at from feedback_item where code = ?")
        .param(receipt.code())
        .query()
        .singleRow();
    assertThat(item.get("channel")).isEqualTo("hotline");
    assertThat(item.get("submitted_by")).isEqualTo("thuongtruc");
    assertThat(((Timestamp) item.get("entered_at")).toInstant()).isAfter(receivedAt);
    String audit = jdbc.sql(
            "select detail::text from audit_event where case_code = ? and action = 'SUBMITTED'")
        .param(receipt.code())
        .query(String.class)
        .single();
    assertThat(audit).contains("\"channel\": \"hotline\"").contains("Trần Minh Đức");
    assertThat(
            count(
                "select count(*) from notification where case_code = '" + receipt.code()
                    + "' and recipient = 'an.nv@example.vn' and email_state = 'PENDING' and body like '%Mã bí mật%'"))
        .as("code and secret go to the sender's address")
        .isEqualTo(1);
  }

  @Test
  void theChannelIsASearchFacetAndAFigure() throws IOException {
    String marker = Feedback.marker();
    LocalDate received = intake.today().minusDays(1);
    String period = "from=" + received + "&to=" + received;
    String supervisor = Api.token("giamsat");
    long lettersBefore = api()
        .get("/api/v1/feedback/sla?" + period, supervisor)
        .json()
        .path("receivedByChannel")
        .path("letter")
        .asLong();

    String letter = intake
        .record(form(marker, "letter", received.toString(), ""), List.of(), OFFICER)
        .code();
    intake.record(form(marker, "counter", received.toString(), ""), List.of(), OFFICER);

    String standingOffice = Api.token("thuongtruc");
    JsonNode all = await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> api().get("/api/v1/search?q=" + marker, standingOffice).json(),
            r -> r.path("total").asLong() == 2);
    assertThat(all.path("facets").path("channel").path("letter").asLong()).isEqualTo(1);
    assertThat(all.path("facets").path("channel").path("counter").asLong()).isEqualTo(1);
    JsonNode letters = api()
        .get("/api/v1/search?q=" + marker + "&channel=letter", standingOffice)
        .json();
    assertThat(letters.path("items").findValuesAsText("code")).containsExactly(letter);
    assertThat(letters.path("items").get(0).path("channel").asText()).isEqualTo("letter");
    reindexer.reindex();
    assertThat(api()
            .get("/api/v1/search?q=" + marker + "&channel=letter", standingOffice)
            .json()
            .path("items")
            .findValuesAsText("code"))
        .as("rebuilt from PostgreSQL, the index still knows the channel")
        .containsExactly(letter);

    JsonNode figures =
        api().get("/api/v1/feedback/sla?" + period, supervisor).json().path("receivedByChannel");
    assertThat(figures.path("letter").asLong()).isEqualTo(lettersBefore + 1);
    assertThat(figures.properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("web", "hotline", "letter", "email", "counter");
  }

  private static StaffIntakeForm form(
      String marker, String channel, String receivedOn, String receivedTime) {
    return new StaffIntakeForm(
        channel,
        receivedOn,
        receivedTime,
        "complaint",
        "administrative-procedures",
        "hanoi",
        "Đường dây nóng: hồ sơ đề tài nộp giấy " + marker,
        "Người gọi phản ánh phải nộp hồ sơ giấy tại Sở " + marker,
        "Nguyễn Văn An",
        "an.nv@example.vn",
        "0912345678",
        true,
        false);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
