package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.app.support.IntegrationTest;

/**
 * The timeliness rule in SQL ({@link Timeliness#sqlOn}, what the reports count and the task list filters by) gives
 * exactly the label of the rule in Java ({@link Timeliness#of}) for every status, and for deadlines and completion
 * days on and around the day and the edges of the near-due window, in PostgreSQL itself.
 */
class TimelinessSqlIT extends IntegrationTest {

  @Autowired
  JdbcTemplate jdbc;

  record Facts(TaskStatus status, LocalDate deadline, LocalDate completedOn) {}

  @ParameterizedTest
  @CsvSource({"2026-06-29, 7", "2026-12-31, 0", "2027-01-01, 30"})
  void theDatabaseLabelsEveryTaskAsJavaDoes(LocalDate day, int nearDueDays) {
    List<LocalDate> deadlines = new ArrayList<>();
    deadlines.add(null);
    for (int offset :
        new int[] {-40, -1, 0, 1, nearDueDays - 1, nearDueDays, nearDueDays + 1, 90}) {
      deadlines.add(day.plusDays(offset));
    }
    List<Facts> grid = new ArrayList<>();
    for (TaskStatus status : TaskStatus.values()) {
      for (LocalDate deadline : deadlines) {
        for (Integer completed : new Integer[] {null, -50, -2, -1, 0, 1, 2}) {
          LocalDate completedOn =
              completed == null ? null : (deadline == null ? day : deadline).plusDays(completed);
          grid.add(new Facts(status, deadline, completedOn));
        }
      }
    }
    StringBuilder sql = new StringBuilder("select n");
    for (Timeliness label : Timeliness.values()) {
      sql.append(", ").append(label.sqlOn(day, nearDueDays)).append(" as ").append(label.name());
    }
    sql.append(" from (values ");
    for (int n = 0; n < grid.size(); n++) {
      Facts facts = grid.get(n);
      sql.append(n == 0 ? "" : ", ")
          .append("(")
          .append(n)
          .append(", '")
          .append(facts.status().name())
          .append("', ")
          .append(literal(facts.deadline()))
          .append(", ")
          .append(literal(facts.completedOn()))
          .append(")");
    }
    sql.append(") as t(n, status, original_deadline, completed_on) order by n");

    List<String> mismatches = new ArrayList<>();
    jdbc.query(sql.toString(), rs -> {
      Facts facts = grid.get(rs.getInt("n"));
      Timeliness expected =
          Timeliness.of(facts.status(), facts.deadline(), facts.completedOn(), day, nearDueDays);
      List<Timeliness> inSql = new ArrayList<>();
      for (Timeliness label : Timeliness.values()) {
        if (rs.getBoolean(label.name())) {
          inSql.add(label);
        }
      }
      List<Timeliness> wanted = expected == null ? List.of() : List.of(expected);
      if (!inSql.equals(wanted)) {
        mismatches.add(facts + ": Java " + wanted + ", SQL " + inSql);
      }
    });
    assertThat(grid).hasSizeGreaterThan(200);
    assertThat(mismatches).isEmpty();
  }

  private static String literal(LocalDate day) {
    return day == null ? "null::date" : "date '" + day + "'";
  }
}
