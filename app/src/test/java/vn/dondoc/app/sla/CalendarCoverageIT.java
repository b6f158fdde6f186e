package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.support.MovableClock;
import vn.dondoc.app.time.HanoiTime;

/** The missing-year warning in the health endpoint and, once, in the admin group's inbox. */
class CalendarCoverageIT extends IntegrationTest {

  @Autowired
  MovableClock clock;

  @Autowired
  CalendarCoverage coverage;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void fromTheFirstOfOctoberBeforeAMissingYearHealthAndTheAdminsInboxWarn() {
    int lastEntered = jdbc.sql("select cast(max(extract(year from day)) as int) from calendar_day")
        .query(Integer.class)
        .single();
    int missing = lastEntered + 1;
    // Noon of 30 September of the last year entered (which may be behind or ahead of today).
    clock.moveBy(Duration.between(
        clock.instant(), LocalDate.of(lastEntered, 9, 30).atTime(12, 0).atZone(HanoiTime.ZONE)));
    assertThat(component().has("details")).as("30 September: no warning yet").isFalse();

    clock.moveBy(Duration.ofDays(1));
    assertThat(component().path("details").path("warning").asText())
        .isEqualTo("working calendar of " + missing + " not entered");
    assertThat(component().path("status").asText()).isEqualTo("UP");

    jdbc.sql("delete from notification where case_code = ?")
        .param("CALENDAR-" + missing)
        .update();
    coverage.notifyAdmins();
    coverage.notifyAdmins();
    assertThat(jdbc.sql("""
            select subject from notification where case_code = ? and recipient_kind = 'GROUP' and recipient = 'admin'""").param("CALENDAR-" + missing).query(String.class).list())
        .containsExactly("[CALENDAR-" + missing + "] Chưa nhập lịch làm việc năm " + missing
            + " / Working calendar of " + missing + " not entered");
    jdbc.sql("delete from notification where case_code = ?")
        .param("CALENDAR-" + missing)
        .update();
  }

  private JsonNode component() {
    return api()
        .get("/actuator/health", Api.token("quantri"))
        .json()
        .path("components")
        .path("calendarCoverage");
  }
}
