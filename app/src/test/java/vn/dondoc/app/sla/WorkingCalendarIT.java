package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.time.HanoiTime;

/** The seeded calendar, its admin API and the calendar bean seeing admins' edits. */
class WorkingCalendarIT extends IntegrationTest {

  private static final String CALENDAR = "/api/v1/admin/calendar/";
  /** Far enough ahead that no shipped data or other test uses it. */
  private static final String WEDNESDAY = "2031-03-12";

  private static final String ANOTHER_WEDNESDAY = "2031-03-19";

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  JdbcClient jdbc;

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(HanoiTime.ZONE).toInstant();
  }

  private long lastAuditId() {
    return jdbc.sql("select coalesce(max(id), 0) from audit_event")
        .query(Long.class)
        .single();
  }

  private static Map<String, Object> edit(Object kind, Object name, Object note) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", kind);
    body.put("name", name);
    body.put("note", note);
    return body;
  }

  @Test
  void anAdminReadsTheYearAndSeesTet() {
    Api.Response response = api().get(CALENDAR + "2026", Api.token("quantri"));
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    JsonNode mung1 = null;
    for (JsonNode day : response.json()) {
      if (day.path("day").asText().equals("2026-02-17")) {
        mung1 = day;
      }
    }
    assertThat(mung1).as("17/02/2026 listed").isNotNull();
    assertThat(mung1.path("display").asText()).isEqualTo("17/02/2026");
    assertThat(mung1.path("kind").asText()).isEqualTo("HOLIDAY");
    assertThat(mung1.path("name").asText()).isEqualTo("Tết Nguyên đán Bính Ngọ");
    assertThat(response.json().findValuesAsText("day"))
        .contains("2026-01-10", "2026-04-27", "2026-09-02")
        .allMatch(day -> day.startsWith("2026-"));
  }

  @Test
  void anAgencyOfficerMayNotReadOrEditTheCalendar() {
    Api.Response read = api().get(CALENDAR + "2026", Api.token("canbo.bkhcn"));
    assertThat(read.status()).isEqualTo(403);
    assertThat(read.contentType()).startsWith("application/problem+json");
    Api.Response write = api()
        .putJson(
            CALENDAR + WEDNESDAY,
            Api.toJson(edit("HOLIDAY", "Ngày nghỉ", null)),
            Api.token("canbo.bkhcn"));
    assertThat(write.status()).isEqualTo(403);
  }

  @Test
  void aNewHolidayMovesTheDueDateByOneDayAndIsAudited() {
    String admin = Api.token("quantri");
    api().delete(CALENDAR + WEDNESDAY, admin);
    Instant tuesday = at("2031-03-11T10:00");
    assertThat(calendar.addWorkingDays(tuesday, 1)).isEqualTo(at("2031-03-13T00:00"));
    long mark = lastAuditId();

    try {
      Api.Response put = api()
          .putJson(
              CALENDAR + WEDNESDAY,
              Api.toJson(edit("HOLIDAY", "Ngày nghỉ đột xuất thử nghiệm", "Kiểm thử tích hợp")),
              admin);
      assertThat(put.status()).as(put.raw().body()).isEqualTo(201);
      assertThat(put.json().path("display").asText()).isEqualTo("12/03/2031");
      assertThat(calendar.addWorkingDays(tuesday, 1)).isEqualTo(at("2031-03-14T00:00"));

      Map<String, Object> audit = jdbc.sql("""
              select actor, detail->'before' is null or detail->'before' = 'null'::jsonb as no_before,
                detail->'after'->>'kind' as kind, detail->'after'->>'name' as name
              from audit_event where id > ? and case_code = 'CALENDAR-2031' and action = 'CALENDAR_EDITED'""").param(mark).query().singleRow();
      assertThat(audit)
          .containsEntry("actor", "quantri")
          .containsEntry("no_before", true)
          .containsEntry("kind", "HOLIDAY")
          .containsEntry("name", "Ngày nghỉ đột xuất thử nghiệm");
    } finally {
      assertThat(api().delete(CALENDAR + WEDNESDAY, admin).status()).isEqualTo(204);
    }
    assertThat(calendar.addWorkingDays(tuesday, 1)).isEqualTo(at("2031-03-13T00:00"));
    assertThat(jdbc.sql(
                "select count(*) from audit_event where id > ? and case_code = 'CALENDAR-2031'")
            .param(mark)
            .query(Long.class)
            .single())
        .as("put and delete")
        .isEqualTo(2);
  }

  @Test
  void badEditsAreRefusedNamingTheFieldAndChangeNothing() {
    String admin = Api.token("quantri");
    long mark = lastAuditId();

    assertRefused(
        api()
            .putJson(
                CALENDAR + ANOTHER_WEDNESDAY, Api.toJson(edit("VACATION", "Nghỉ", null)), admin),
        "kind");
    assertRefused(
        api().putJson(CALENDAR + ANOTHER_WEDNESDAY, Api.toJson(edit(null, "Nghỉ", null)), admin),
        "kind");
    assertRefused(
        api()
            .putJson(CALENDAR + ANOTHER_WEDNESDAY, Api.toJson(edit("HOLIDAY", "   ", null)), admin),
        "name");
    assertRefused(
        api()
            .putJson(
                CALENDAR + ANOTHER_WEDNESDAY,
                Api.toJson(edit("HOLIDAY", "N".repeat(201), null)),
                admin),
        "name");
    assertRefused(
        api().putJson(CALENDAR + "2031-02-30", Api.toJson(edit("HOLIDAY", "Nghỉ", null)), admin),
        "day");
    assertRefused(
        api().putJson(CALENDAR + "19-03-2031", Api.toJson(edit("HOLIDAY", "Nghỉ", null)), admin),
        "day");
    assertRefused(api().delete(CALENDAR + "mai", admin), "day");
    assertRefused(api().get(CALENDAR + "hai-nghin", admin), "year");

    assertThat(api().get(CALENDAR + "2031", admin).json().findValuesAsText("day"))
        .doesNotContain(ANOTHER_WEDNESDAY);
    assertThat(jdbc.sql(
                "select count(*) from audit_event where id > ? and case_code like 'CALENDAR-%'")
            .param(mark)
            .query(Long.class)
            .single())
        .isZero();
  }

  private static void assertRefused(Api.Response response, String field) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly(field);
  }
}
