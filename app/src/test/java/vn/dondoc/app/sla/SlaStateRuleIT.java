package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.IntegrationTest;

/**
 * The SLA state search documents carry (SlaSummary.of, in Java) and the one the SLA board counts
 * (SlaSummary.stateSql, in PostgreSQL) agree on every kind of clock, at and around its instants.
 */
class SlaStateRuleIT extends IntegrationTest {

  private static final Instant WARN = Instant.parse("2026-03-10T03:00:00Z");
  private static final Instant DUE = Instant.parse("2026-03-12T10:00:00Z");

  @Autowired
  JdbcClient jdbc;

  @Test
  void searchAndTheBoardSayTheSameStateOfEveryClock() {
    List<Instant> moments = List.of(
        WARN.minusMillis(1), WARN, WARN.plusMillis(1), DUE.minusMillis(1), DUE, DUE.plusMillis(1));
    List<String> states = Arrays.stream(SlaClock.State.values()).map(Enum::name).toList();
    List<String> seen = new ArrayList<>();
    for (String state : states) {
      for (Instant warn : Arrays.asList(WARN, null)) {
        for (Instant now : moments) {
          String java = SlaSummary.of("ANSWER", state, warn, DUE, null, 0, now).state();
          String sql = jdbc.sql(
                  "select " + SlaSummary.stateSql("c")
                      + " from (select cast(:state as text) as state,"
                      + " cast(:warn as timestamptz) as warn_at, cast(:due as timestamptz) as due_at) c")
              .param("state", state)
              .param("warn", warn == null ? null : Timestamp.from(warn))
              .param("due", Timestamp.from(DUE))
              .param("now", Timestamp.from(now))
              .query(String.class)
              .single();
          assertThat(sql).as("%s, warning %s, at %s", state, warn, now).isEqualTo(java);
          seen.add(java);
        }
      }
    }
    assertThat(seen)
        .as("every state occurs")
        .containsAll(List.of("RUNNING", "AT_RISK", "BREACHED", "PAUSED", "MET"));
  }
}
