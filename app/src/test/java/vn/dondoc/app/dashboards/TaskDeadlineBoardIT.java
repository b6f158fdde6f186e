package vn.dondoc.app.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.dashboards.DashboardFixture.Case;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.tasks.TaskProperties;
import vn.dondoc.app.tasks.TaskReportFilter;
import vn.dondoc.app.tasks.TaskScope;
import vn.dondoc.app.time.HanoiTime;

/**
 * The task deadlines on "Giám sát thời hạn" tell the same truth as the task summary and the overdue list
 * ({@code /api/v1/tasks/summary}, {@code /api/v1/tasks/overdue}) for the same filters and day, and as counting the
 * generated tasks here one by one: by agency as lead or as lead or co-operating, by field (a feedback field's code
 * standing for the task field that contains it), and the monthly reports last due.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskDeadlineBoardIT extends IntegrationTest {

  private static final List<String> AGENCIES = List.of("fxk-a", "fxk-b", "fxk-c");
  private static final List<String> FIELDS = List.of("INSTITUTIONS", "DATABASES", "PLATFORMS");

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  TaskDeadlineBoard board;

  @Autowired
  TaskProperties properties;

  @Autowired
  ReferenceData referenceData;

  @Autowired
  Clock clock;

  @Autowired
  ObjectMapper json;

  private DashboardFixture fixture;

  /** A generated task as the test knows it. */
  private record Generated(
      Case task,
      String lead,
      String field,
      String cooperating,
      LocalDate deadline,
      LocalDate completedOn) {}

  private final List<Generated> tasks = new ArrayList<>();
  private final Map<Long, Boolean> reportedOnTime = new HashMap<>();

  @BeforeAll
  void generate() {
    fixture = new DashboardFixture(jdbc, "FXK");
    AGENCIES.forEach(a -> fixture.agency(a, "Cơ quan mẫu thời hạn " + a));
    LocalDate today = LocalDate.now(HanoiTime.ZONE);
    Random random = new Random(20);
    for (int i = 0; i < 60; i++) {
      String lead = AGENCIES.get(random.nextInt(3));
      String field = FIELDS.get(random.nextInt(3));
      String cooperating = random.nextBoolean() ? AGENCIES.get(random.nextInt(3)) : null;
      LocalDate deadline = random.nextInt(8) == 0 ? null : today.plusDays(random.nextInt(120) - 60);
      LocalDate completedOn = deadline != null && random.nextInt(3) == 0
          ? today.minusDays(random.nextInt(20) + 1)
          : null;
      DashboardFixture.TaskBuilder builder =
          fixture.task(lead).field(field).due(deadline).completedOn(completedOn);
      if (cooperating != null && !cooperating.equals(lead)) {
        builder.cooperating(cooperating);
      } else {
        cooperating = null;
      }
      tasks.add(new Generated(builder.add(), lead, field, cooperating, deadline, completedOn));
    }
    // Every third open task reports monthly: of those, one in two reported the month last due, on
    // time or late.
    var period = java.time.YearMonth.from(today)
        .minusMonths(today.getDayOfMonth() < properties.reportDueDay() ? 2 : 1);
    LocalDate dueOn = period.plusMonths(1).atDay(properties.reportDueDay());
    for (int i = 0; i < tasks.size(); i += 3) {
      Generated g = tasks.get(i);
      if (g.completedOn() != null) {
        continue;
      }
      jdbc.update(
          "update task set reports_monthly = true where id = ?", g.task().id());
      if (i % 2 == 0) {
        boolean onTime = i % 4 == 0;
        LocalDate submitted = onTime ? dueOn.minusDays(1) : dueOn.plusDays(1);
        if (!submitted.isAfter(today)) {
          jdbc.update(
              "insert into progress_report (task_id, period, percent, text, submitted_by, submitted_at)"
                  + " values (?, ?, 50, 'Tiến độ', 'fixture', ?)",
              g.task().id(),
              period.toString(),
              java.sql.Timestamp.from(DashboardFixture.at(submitted, 9)));
          reportedOnTime.put(g.task().id(), onTime);
        }
      }
    }
  }

  @AfterAll
  void removeFixture() {
    jdbc.update(
        "delete from progress_report where task_id in (select id from task where case_code like 'FXK-%')");
    fixture.delete();
  }

  @Test
  void theBoardsTaskFiguresEqualTheTaskSummaryAndTheOverdueListForEveryFilter() throws Exception {
    int nearDue = properties.nearDueDays();
    LocalDate today = LocalDate.now(HanoiTime.ZONE);
    for (String agency : AGENCIES) {
      for (String role : new String[] {null, TaskReportFilter.ANY_ROLE}) {
        for (String field : new String[] {null, "INSTITUTIONS", "institutions", "DATABASES"}) {
          Map<String, String> values = new LinkedHashMap<>();
          values.put("agency", agency);
          if (role != null) {
            values.put("agencyRole", role);
          }
          if (field != null) {
            values.put("field", field);
          }
          String description = values.toString();
          TaskDeadlineBoard.Deadlines shown = board.deadlines(
              SlaBoardPage.taskFilter(values, clock, referenceData),
              new TaskScope(null, Set.of()),
              java.util.Locale.forLanguageTag("vi"),
              null);

          String query = "?agency=" + agency + (role == null ? "" : "&agencyRole=" + role)
              + (field == null ? "" : "&field=" + FieldVocabulary.boardField(field));
          JsonNode summary =
              api().get("/api/v1/tasks/summary" + query, Api.token("giamsat")).json();
          // as JSON, read back as the API's answer is
          JsonNode boardTotals =
              json.readTree(json.writeValueAsString(shown.summary().totals()));
          assertThat(boardTotals).as("summary, %s", description).isEqualTo(summary.path("totals"));
          JsonNode overdueRows = api()
              .get("/api/v1/tasks/overdue" + query, Api.token("giamsat"))
              .json()
              .path("rows");
          List<String> apiCodes = new ArrayList<>();
          overdueRows.forEach(row -> apiCodes.add(row.path("caseCode").asText()));
          assertThat(shown.overdue().stream().map(t -> t.row().caseCode()).toList())
              .as("overdue, %s", description)
              .isEqualTo(apiCodes);

          // Counted here, one generated task at a time.
          List<Generated> matching = tasks.stream()
              .filter(
                  g -> agency.equals(g.lead()) || (role != null && agency.equals(g.cooperating())))
              .filter(g -> field == null || g.field().equals(FieldVocabulary.boardField(field)))
              .toList();
          long overdue = matching.stream()
              .filter(g ->
                  g.deadline() != null && g.completedOn() == null && today.isAfter(g.deadline()))
              .count();
          long near = matching.stream()
              .filter(g -> g.deadline() != null
                  && g.completedOn() == null
                  && !today.isAfter(g.deadline())
                  && !today.isBefore(g.deadline().minusDays(nearDue)))
              .count();
          long late = matching.stream()
              .filter(g -> g.completedOn() != null && g.completedOn().isAfter(g.deadline()))
              .count();
          assertThat(shown.summary().totals().total())
              .as("total, %s", description)
              .isEqualTo(matching.size());
          assertThat(shown.summary().totals().overdue())
              .as("overdue count, %s", description)
              .isEqualTo(overdue);
          assertThat(shown.summary().totals().nearDue())
              .as("near due, %s", description)
              .isEqualTo(near);
          assertThat(shown.summary().totals().completedLate())
              .as("completed late, %s", description)
              .isEqualTo(late);
          assertThat(shown.overdue())
              .as("overdue list, %s", description)
              .hasSize((int) overdue)
              .allSatisfy(t -> assertThat(t.workingDaysOverdue())
                  .isBetween(t.row().daysOverdue() * 5 / 7 - 2, t.row().daysOverdue()));

          List<Generated> reporting = matching.stream()
              .filter(g -> g.completedOn() == null && tasks.indexOf(g) % 3 == 0)
              .toList();
          long onTime = reporting.stream()
              .filter(g -> Boolean.TRUE.equals(reportedOnTime.get(g.task().id())))
              .count();
          long lateReports = reporting.stream()
              .filter(g -> Boolean.FALSE.equals(reportedOnTime.get(g.task().id())))
              .count();
          assertThat(shown.reports())
              .as("reports, %s", description)
              .extracting(
                  TaskDeadlineBoard.PeriodicReports::due, TaskDeadlineBoard.PeriodicReports::onTime,
                  TaskDeadlineBoard.PeriodicReports::late,
                      TaskDeadlineBoard.PeriodicReports::missing)
              .containsExactly(
                  (long) reporting.size(),
                  onTime,
                  lateReports,
                  reporting.size() - onTime - lateReports);
        }
      }
    }
  }

  @Test
  void anotherCaseTypeOrAnInitiativeCategoryLeavesTheTasksOut() {
    assertThat(SlaBoardPage.taskFilter(Map.of("caseType", "feedback"), clock, referenceData))
        .isNull();
    assertThat(SlaBoardPage.taskFilter(Map.of("field", "BREAKTHROUGH"), clock, referenceData))
        .isNull();
    assertThat(SlaBoardPage.taskFilter(
                Map.of("caseType", "task", "field", "data-governance"), clock, referenceData)
            .field())
        .hasToString("DATABASES");
  }
}
