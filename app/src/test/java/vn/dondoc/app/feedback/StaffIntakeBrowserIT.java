package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.attachments.SampleFiles;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.time.HanoiTime;

/**
 * The standing office records a letter-and-call taken five days ago on the sender's behalf: a first try with
 * mistakes shows every problem under its field and keeps what was typed and the scanned letter; the second
 * prints the counter's slip; the item then waits in "Việc của tôi" due as counted from the day of the call.
 */
class StaffIntakeBrowserIT extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  CaseLabels labels;

  @Autowired
  FeedbackStaffIntake intake;

  @Test
  void aHotlineCallWithABackDatedReceiptIsDueFromTheDayOfTheCall() throws IOException {
    String marker = Feedback.marker();
    LocalDate called = intake.today().minusDays(5);

    browser.dropAllCookies();
    browser.signIn("/lam-viec/tiep-nhan", "thuongtruc");
    assertThat(browser.find("h1").getText())
        .isEqualTo("Tiếp nhận phản ánh, kiến nghị thay người gửi");
    assertThat(browser.find("#staff-nav a[aria-current=page]").getText()).isEqualTo("Tiếp nhận hộ");
    setValue("receivedOn", called.toString());
    new Select(browser.byId("field")).selectByVisibleText("Thủ tục hành chính");
    new Select(browser.byId("locality")).selectByValue("hanoi");
    browser.byId("content").sendKeys("Người gọi phản ánh phải nộp hồ sơ giấy tại Sở " + marker);
    browser.byId("senderName").sendKeys("Nguyễn Văn An");
    browser.byId("senderEmail").sendKeys("an.nv@example.vn");
    Path letter = Files.createTempFile("thu-", ".pdf");
    Files.write(letter, SampleFiles.onePagePdf("Thu phan anh"));
    browser.byId("scan").sendKeys(letter.toAbsolutePath().toString());
    browser.byId("intake-submit").click();

    assertThat(browser.visible("#channel-error").getText()).isEqualTo("Kênh tiếp nhận là bắt buộc");
    assertThat(browser.find("#title-error").getText()).isEqualTo("Tiêu đề là bắt buộc");
    assertThat(browser.find("#senderConsent-error").getText())
        .isEqualTo(
            "Người gửi đồng ý để cơ quan lưu và dùng thông tin liên hệ trên để xử lý, trả lời phản ánh là bắt buộc: cần sự đồng ý của người gửi");
    assertThat(browser.byId("content").getAttribute("value")).endsWith(marker);
    assertThat(browser.byId("receivedOn").getAttribute("value")).isEqualTo(called.toString());
    assertThat(browser.find("#scan-kept").getText())
        .as("the scanned letter is kept, not chosen again")
        .contains(letter.getFileName().toString());
    assertThat(jdbc.sql("select count(*) from feedback_item where content like ?")
            .param("%" + marker)
            .query(Long.class)
            .single())
        .as("nothing stored")
        .isZero();

    new Select(browser.byId("channel")).selectByVisibleText("Đường dây nóng");
    setValue("receivedTime", "09:30");
    browser.byId("title").sendKeys("Hồ sơ đề tài vẫn phải nộp bản giấy " + marker);
    browser.byId("senderConsent").click();
    browser.byId("intake-submit").click();

    String code = browser.visible("#slip-code").getText();
    assertThat(code).startsWith("PAKN-");
    assertThat(browser.find("#slip-secret").getText()).isNotBlank();
    assertThat(browser.find("#slip-channel").getText()).isEqualTo("Đường dây nóng");
    assertThat(browser.find("#slip-received").getText())
        .isEqualTo("09:30 " + labels.day(startOf(called)));
    browser.screenshots("tiep-nhan-ho");
    browser.assertNoConsoleErrors();

    assertThat(
            jdbc.sql("select a.filename from attachment a join feedback_item f on f.id = a.owner_id"
                    + " where a.owner_type = 'feedback' and f.code = ?")
                .param(code)
                .query(String.class)
                .list())
        .containsExactly(letter.getFileName().toString());

    int budget = jdbc.sql(
            "select budget_working_days from sla_policy where case_type = 'feedback' and stage = 'ROUTE'")
        .query(Integer.class)
        .single();
    Instant callAt = called.atTime(9, 30).atZone(HanoiTime.ZONE).toInstant();
    WebElement row = inWorkList("Tiếp nhận và phân loại", code);
    assertThat(row.findElement(By.cssSelector(".due-day")).getText())
        .isEqualTo(labels.dueDay(calendar.addWorkingDays(callAt, budget)));
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(HanoiTime.ZONE).toInstant();
  }

  /** A date or time input's value as the browser keeps it (yyyy-MM-dd, HH:mm), whatever its display format. */
  private void setValue(String id, String value) {
    browser.driver().executeScript("arguments[0].value = arguments[1]", browser.byId(id), value);
  }

  /** The case's row in "Việc của tôi" filtered on the step (earliest due first, so a back-dated item is on page 1 or soon after). */
  private WebElement inWorkList(String stepName, String code) {
    browser.open("/lam-viec");
    new Select(browser.byId("filter-step")).selectByVisibleText(stepName);
    browser.byId("filter-apply").click();
    browser.waitFor(d -> d.getCurrentUrl().contains("buoc="));
    for (int page = 1; page <= 40; page++) {
      List<WebElement> rows = browser.findAll("#work-list > li[data-case='" + code + "']");
      if (!rows.isEmpty()) {
        return rows.get(0);
      }
      browser.byId("page-next").click();
      String next = "trang=" + (page + 1);
      browser.waitFor(d -> d.getCurrentUrl().contains(next));
    }
    throw new AssertionError(code + " not in the list of " + stepName);
  }
}
