package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.sla.CalendarDay;
import vn.dondoc.app.sla.CalendarEditor;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.MovableClock;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;

/**
 * The working calendar page: the admin imports the first year the calendar does not have yet, sees in the
 * preview that a running clock's due date moves, saves with a reason, and the case's due date moves; bad
 * input is refused under its field; other roles get the Vietnamese 403 page.
 */
class CalendarPageBrowserIT extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  CalendarEditor editor;

  @Autowired
  MovableClock clock;

  private int importedYear;

  @AfterEach
  void removeImportedYear() {
    clock.reset();
    if (importedYear != 0) {
      editor.apply(
          new CalendarEditor.Edit(
              List.of(),
              editor.year(importedYear).stream().map(CalendarDay::day).toList()),
          "kiểm thử xong",
          "test");
    }
    jdbc.sql(
            "update sla_policy set budget_working_days = 1 where case_type = 'feedback' and stage = 'ROUTE'")
        .update();
  }

  @Test
  void fromTheFirstOfOctoberThePageSaysTheNextYearIsMissing() {
    int lastEntered = jdbc.sql("select cast(max(extract(year from day)) as int) from calendar_day")
        .query(Integer.class)
        .single();
    clock.moveBy(Duration.between(
        clock.instant(), LocalDate.of(lastEntered, 9, 30).atTime(12, 0).atZone(HanoiTime.ZONE)));
    browser.dropAllCookies();
    browser.signIn("/quan-tri/lich-lam-viec", "quantri");
    assertThat(browser.findAll("#year-missing"))
        .as("30 September: no warning yet")
        .isEmpty();

    clock.moveBy(Duration.ofDays(1));
    browser.open("/quan-tri/lich-lam-viec");
    assertThat(browser.byId("year-missing").getText())
        .startsWith("Chưa nhập lịch làm việc năm " + (lastEntered + 1) + ".");
  }

  @Test
  void importingNextYearsHolidaysMovesARunningClocksDueDate() throws IOException {
    importedYear = jdbc.sql("select cast(max(extract(year from day)) as int) + 1 from calendar_day")
        .query(Integer.class)
        .single();
    LocalDate today = LocalDate.now(HanoiTime.ZONE);
    // A routing budget that reaches into the new year: its due date is after the two holidays
    // imported below.
    int budget = (int) today
        .plusDays(1)
        .datesUntil(LocalDate.of(importedYear, 3, 1))
        .filter(calendar::isWorkingDay)
        .count();
    jdbc.sql(
            "update sla_policy set budget_working_days = ? where case_type = 'feedback' and stage = 'ROUTE'")
        .param(budget)
        .update();
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json()
        .path("code")
        .asText();
    Instant due = routeDue(code);
    LocalDate lastDay = due.minusNanos(1).atZone(HanoiTime.ZONE).toLocalDate();
    assertThat(lastDay.getYear()).isEqualTo(importedYear);

    List<LocalDate> holidays = LocalDate.of(importedYear, 1, 1)
        .datesUntil(LocalDate.of(importedYear, 1, 10))
        .filter(calendar::isWorkingDay)
        .limit(2)
        .toList();
    List<CalendarDay> added = holidays.stream()
        .map(day -> new CalendarDay(day, CalendarDay.Kind.HOLIDAY, "Nghỉ lễ thử nghiệm", null))
        .toList();
    List<CalendarDay> edited = new ArrayList<>(editor.year(importedYear - 1));
    edited.addAll(added);
    WorkingCalendar next = new WorkingCalendar(() -> edited);
    LocalDate expectedLastDay = lastDay;
    for (int moved = 0; moved < 2; ) {
      expectedLastDay = expectedLastDay.plusDays(1);
      moved += next.isWorkingDay(expectedLastDay) ? 1 : 0;
    }
    Path csv = Files.createTempFile("lich-", ".csv");
    Files.writeString(
        csv,
        "day,kind,name,note\n"
            + String.join(
                "\n",
                holidays.stream()
                    .map(day -> DisplayDates.DAY.format(day) + ",HOLIDAY,Nghỉ lễ thử nghiệm,")
                    .toList())
            + "\n",
        StandardCharsets.UTF_8);

    browser.dropAllCookies();
    browser.signIn("/quan-tri/lich-lam-viec?nam=" + importedYear, "quantri");
    assertThat(browser.byId("calendar-title").getText())
        .isEqualTo("Lịch làm việc năm " + importedYear);
    assertThat(browser.byId("year-empty").getText()).contains("Chưa có ngày đặc biệt nào");
    assertThat(browser.find("header nav ul").getText()).contains("Lịch làm việc");

    browser.byId("file").sendKeys(csv.toAbsolutePath().toString());
    browser.byId("preview-import").click();
    browser.textIn("#preview-summary", "Nhập 2 ngày của năm " + importedYear);
    WebElement row = browser.find("#preview-clocks tr[data-case='" + code + "']");
    assertThat(row.findElement(By.cssSelector(".due-before")).getText())
        .isEqualTo(DisplayDates.DAY.format(lastDay));
    assertThat(row.findElement(By.cssSelector(".due-after")).getText())
        .isEqualTo(DisplayDates.DAY.format(expectedLastDay));
    assertThat(routeDue(code)).as("a preview changes nothing").isEqualTo(due);

    // No reason: refused under the field, the preview stays, nothing saved.
    browser.byId("confirm").click();
    browser.textIn("#reason-error", "Lý do thay đổi là bắt buộc");
    assertThat(editor.year(importedYear)).isEmpty();
    browser.byId("reason").sendKeys("Quyết định của Thủ tướng về nghỉ Tết năm " + importedYear);
    browser.byId("confirm").click();
    browser.textIn("#notice", "Đã lưu 2 ngày");
    assertThat(browser.findAll("#calendar-days tbody tr")).hasSize(2);
    assertThat(routeDue(code).minusNanos(1).atZone(HanoiTime.ZONE).toLocalDate())
        .isEqualTo(expectedLastDay);
    assertThat(jdbc.sql("""
            select detail->>'reason' from audit_event where case_code = ? and action = 'SLA_DUE_MOVED'""").param(code).query(String.class).single())
        .isEqualTo("Quyết định của Thủ tướng về nghỉ Tết năm " + importedYear);
    browser.assertNoConsoleErrors();
    browser.screenshots("quan-tri-lich-lam-viec");

    // The case page shows the moved due date once search has the case again.
    String movedDay = DisplayDates.DAY.format(expectedLastDay);
    browser.open("/ho-so/" + code);
    browser.waitFor(driver -> {
      if (browser.byId("case-due").getText().contains(movedDay)) {
        return true;
      }
      driver.navigate().refresh();
      return false;
    });
    assertThat(browser.find("#main").getText())
        .contains("Thời hạn được tính lại theo lịch làm việc mới");
  }

  @Test
  void badInputIsRefusedUnderItsFieldAndSavesNothing() {
    long mark = jdbc.sql("select coalesce(max(id), 0) from audit_event")
        .query(Long.class)
        .single();
    browser.dropAllCookies();
    browser.signIn("/quan-tri/lich-lam-viec?nam=2031", "quantri");

    browser.byId("preview-day").click();
    browser.textIn("#day-error", "Ngày là bắt buộc");
    browser.byId("day").clear();
    browser.byId("day").sendKeys("30/02/2031");
    browser.byId("name").sendKeys("Nghỉ");
    browser.byId("preview-day").click();
    browser.textIn("#day-error", "phải là ngày có thật");
    assertThat(browser.byId("name").getAttribute("value")).isEqualTo("Nghỉ");
    browser.byId("day").clear();
    browser.byId("day").sendKeys("12/03/2031");
    new Select(browser.byId("kind")).selectByValue("WORKING_DAY");
    browser.byId("preview-day").click();
    browser.textIn("#kind-error", "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật");
    browser.byId("name").clear();
    new Select(browser.byId("kind")).selectByValue("HOLIDAY");
    browser.byId("preview-day").click();
    browser.textIn("#name-error", "Tên là bắt buộc");

    assertThat(editor.year(2031)).noneMatch(day -> day.day().equals(LocalDate.parse("2031-03-12")));
    assertThat(jdbc.sql("select count(*) from audit_event where id > ?")
            .param(mark)
            .query(Long.class)
            .single())
        .isZero();
  }

  @Test
  void otherRolesGetTheVietnameseForbiddenPage() {
    browser.dropAllCookies();
    browser.signIn("/quan-tri/lich-lam-viec", "canbo.bkhcn");
    assertThat(browser.byId("error-message").getText())
        .isEqualTo("Trang này chỉ dành cho quản trị hệ thống. Công việc của bạn ở Trang làm việc.");
    assertThat(browser.find("header nav ul").getText()).doesNotContain("Lịch làm việc");
    // The page itself answers 403: the one console error expected.
    browser.assertNoConsoleErrors("status of 403");
  }

  private Instant routeDue(String code) {
    return jdbc.sql("select due_at from sla_clock where case_code = ? and stage = 'ROUTE'")
        .param(code)
        .query(Timestamp.class)
        .single()
        .toInstant();
  }
}
