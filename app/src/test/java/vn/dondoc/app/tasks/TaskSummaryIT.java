package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;

/**
 * The source's task figures (DOMAIN.md §3.1: "1.937 nhiệm vụ = 468 thường xuyên + 1.469 có thời hạn; đã hoàn
 * thành 1.245/1.469 (84,8%); đang triển khai trong hạn 168; quá hạn 56", to 29/6/2026) reproduced through the
 * summary API from a fixture written straight into the tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskSummaryIT extends IntegrationTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 29);
  private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

  @Autowired
  JdbcTemplate jdbc;

  private TaskFixture fixture;

  @BeforeAll
  void fixture() {
    fixture = new TaskFixture(jdbc, "9917-TB/CQTTBCĐ", LocalDate.of(2025, 12, 29), "FXS")
        .batch(468)
        .recurring()
        .section("I. Nhiệm vụ thường xuyên")
        .add()
        // completed: 1,000 on time and 245 late, all due at the end of the first quarter
        .batch(1000)
        .due(MARCH_31)
        .completedOn(LocalDate.of(2026, 3, 20))
        .section("II. Thể chế")
        .add()
        .batch(245)
        .due(MARCH_31)
        .completedOn(LocalDate.of(2026, 4, 15))
        .section("II. Thể chế")
        .add()
        // open within the deadline: 128 due in September, 40 near due (within 7 days of 29/6)
        .batch(128)
        .due(LocalDate.of(2026, 9, 30))
        .section("III. Hạ tầng số")
        .add()
        .batch(40)
        .due(LocalDate.of(2026, 7, 3))
        .status(TaskStatus.ASSIGNED)
        .section("III. Hạ tầng số")
        .add()
        // open past the deadline
        .batch(56)
        .due(LocalDate.of(2026, 5, 31))
        .section("III. Hạ tầng số")
        .add()
        // withdrawn: not counted anywhere
        .batch(3)
        .due(LocalDate.of(2026, 5, 31))
        .status(TaskStatus.WITHDRAWN)
        .add()
        .insert();
  }

  @AfterAll
  void removeFixture() {
    fixture.delete();
  }

  private JsonNode summary(String query, String user) {
    Api.Response response = api()
        .get(
            "/api/v1/tasks/summary?directive=" + Api.encode(fixture.symbol()) + "&" + query,
            Api.token(user));
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json();
  }

  @Test
  void reproducesTheSourcesFigures() {
    JsonNode totals = summary("asOf=" + AS_OF, "giamsat").path("totals");

    assertThat(totals.path("total").asLong()).isEqualTo(1937);
    assertThat(totals.path("recurring").asLong()).isEqualTo(468);
    assertThat(totals.path("withDeadline").asLong()).isEqualTo(1469);
    assertThat(totals.path("completed").asLong()).isEqualTo(1245);
    assertThat(totals.path("completedOnTime").asLong()).isEqualTo(1000);
    assertThat(totals.path("completedLate").asLong()).isEqualTo(245);
    assertThat(totals.path("completionRate").decimalValue()).isEqualByComparingTo("84.8");
    assertThat(totals.path("onTimeRate").decimalValue()).isEqualByComparingTo("68.1");
    assertThat(totals.path("inProgressOnTime").asLong()).isEqualTo(168);
    assertThat(totals.path("nearDue").asLong()).isEqualTo(40);
    assertThat(totals.path("overdue").asLong()).isEqualTo(56);
  }

  @Test
  void agencyGroupsAddUpToTheTotals() {
    JsonNode body = summary("asOf=" + AS_OF + "&groupBy=agency", "thuongtruc");
    JsonNode groups = body.path("groups");

    assertThat(body.path("groupBy").asText()).isEqualTo("agency");
    assertThat(groups.findValuesAsText("key"))
        .containsExactlyInAnyOrderElementsOf(TaskFixture.LEADS);
    assertThat(groups.findValuesAsText("label"))
        .contains("Thành phố Hà Nội", "Bộ Khoa học và Công nghệ");
    for (String figure : new String[] {
      "total",
      "recurring",
      "withDeadline",
      "completed",
      "completedOnTime",
      "completedLate",
      "inProgressOnTime",
      "nearDue",
      "overdue"
    }) {
      long sum = 0;
      for (JsonNode group : groups) {
        sum += group.path(figure).asLong();
      }
      assertThat(sum).as(figure).isEqualTo(body.path("totals").path(figure).asLong());
    }
  }

  @Test
  void anAgencyOfficerSeesOnlyTasksTheirAgencyLeadsOrCoOperatesOn() {
    long involved = fixture.tasks().stream()
        .filter(t -> t.status() != TaskStatus.WITHDRAWN && t.involves("hanoi"))
        .count();
    long overdue = fixture.tasks().stream()
        .filter(t -> t.status() != TaskStatus.WITHDRAWN && t.involves("hanoi"))
        .filter(t -> Timeliness.of(t.status(), t.deadline(), t.completedOn(), AS_OF, 7)
            == Timeliness.OVERDUE)
        .count();

    JsonNode body = summary("asOf=" + AS_OF + "&groupBy=agency", "canbo.hanoi");

    assertThat(involved).isBetween(1L, 1936L);
    assertThat(body.path("totals").path("total").asLong()).isEqualTo(involved);
    assertThat(body.path("totals").path("overdue").asLong()).isEqualTo(overdue);
    // co-operation makes other agencies' tasks visible, but only those
    long otherLeads = body.path("groups").findValuesAsText("key").stream()
        .filter(key -> !key.equals("hanoi"))
        .count();
    assertThat(otherLeads).isPositive();
    assertThat(body.path("totals").path("total").asLong())
        .isLessThan(
            summary("asOf=" + AS_OF, "giamsat").path("totals").path("total").asLong());
  }

  @Test
  void anEarlierDayCountsLaterCompletionsAsOpenAndLaterTasksAsNotYetThere() {
    JsonNode april = summary("asOf=2026-04-10", "giamsat").path("totals");

    assertThat(april.path("total").asLong()).isEqualTo(1937);
    assertThat(april.path("completed").asLong()).isEqualTo(1000);
    assertThat(april.path("completedLate").asLong()).isZero();
    // the 245 completed on 15/4 were open and past 31/3 on 10/4
    assertThat(april.path("overdue").asLong()).isEqualTo(245);
    assertThat(april.path("inProgressOnTime").asLong()).isEqualTo(128 + 40 + 56);

    JsonNode beforeCreation = summary("asOf=2026-01-04", "giamsat").path("totals");
    assertThat(beforeCreation.path("total").asLong()).isZero();
    assertThat(beforeCreation.has("completionRate")).isFalse();
  }

  @Test
  void aPeriodOfTheOriginalDeadlineLeavesRecurringTasksOut() {
    JsonNode totals =
        summary("asOf=" + AS_OF + "&from=2026-03-01&to=2026-03-31", "giamsat").path("totals");

    assertThat(totals.path("total").asLong()).isEqualTo(1245);
    assertThat(totals.path("recurring").asLong()).isZero();
    assertThat(totals.path("completionRate").decimalValue()).isEqualByComparingTo("100.0");
  }

  @Test
  void quartersAreLabelledInTheCallersLanguage() {
    JsonNode vi = summary("asOf=" + AS_OF + "&groupBy=quarter", "giamsat").path("groups");
    assertThat(vi.findValuesAsText("key"))
        .containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "RECURRING");
    assertThat(vi.findValuesAsText("label"))
        .containsExactly("Quý I/2026", "Quý II/2026", "Quý III/2026", "Nhiệm vụ thường xuyên");
    assertThat(vi.get(0).path("withDeadline").asLong()).isEqualTo(1245);

    JsonNode en = api()
        .get(
            "/api/v1/tasks/summary?groupBy=quarter&asOf=" + AS_OF + "&directive="
                + Api.encode(fixture.symbol()),
            Api.token("giamsat"),
            Map.of("Accept-Language", "en"))
        .json()
        .path("groups");
    assertThat(en.findValuesAsText("label"))
        .containsExactly("Q1/2026", "Q2/2026", "Q3/2026", "Recurring tasks");

    JsonNode sections = summary("asOf=" + AS_OF + "&groupBy=section", "giamsat").path("groups");
    assertThat(sections.findValuesAsText("label"))
        .containsExactly("I. Nhiệm vụ thường xuyên", "II. Thể chế", "III. Hạ tầng số");
  }

  @Test
  void badParametersAreRefusedNamingThem() {
    for (String[] bad : new String[][] {
      {"groupBy=weekday", "groupBy"},
      {"asOf=29/06/2026", "asOf"},
      {"from=2026-13-01", "from"},
      {"from=2026-06-01&to=2026-05-01", "to"},
      {"agency=atlantis", "agency"}
    }) {
      Api.Response response = api().get("/api/v1/tasks/summary?" + bad[0], Api.token("giamsat"));
      assertThat(response.status()).as(bad[0]).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().path("errors").get(0).path("field").asText())
          .as(bad[0])
          .isEqualTo(bad[1]);
    }
    assertThat(api()
            .get("/api/v1/tasks/summary?groupBy=weekday", Api.token("giamsat"))
            .json()
            .path("errors")
            .get(0)
            .path("message")
            .asText())
        .contains("directive, agency, section, quarter");
  }
}
