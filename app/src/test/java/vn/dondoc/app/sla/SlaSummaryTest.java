package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaSummaryTest {

  private static final Instant WARN = Instant.parse("2026-03-10T03:00:00Z");
  private static final Instant DUE = Instant.parse("2026-03-12T10:00:00Z");

  @Test
  void aRunningClockIsAtRiskFromItsWarningAndBreachedFromItsDueInstant() {
    assertThat(SlaSummary.of("ANSWER", "RUNNING", WARN, DUE, null, 0, WARN.minusSeconds(1))
            .state())
        .isEqualTo("RUNNING");
    assertThat(SlaSummary.of("ANSWER", "RUNNING", WARN, DUE, null, 1, WARN).state())
        .isEqualTo("AT_RISK");
    SlaSummary late = SlaSummary.of("ANSWER", "RUNNING", WARN, DUE, null, 1, DUE);
    assertThat(late.state()).isEqualTo("BREACHED");
    assertThat(late.breachAt()).isEqualTo(DUE);
    assertThat(late.dueAt()).isEqualTo(DUE);
  }

  @Test
  void stoppedAndPausedClocksKeepTheirState() {
    assertThat(SlaSummary.of("ANSWER", "PAUSED", WARN, DUE, null, 0, DUE.plusSeconds(60))
            .state())
        .isEqualTo("PAUSED");
    assertThat(SlaSummary.of("ANSWER", "MET", WARN, DUE, null, 1, DUE.plusSeconds(60))
            .state())
        .isEqualTo("MET");
    SlaSummary breached =
        SlaSummary.of("ANSWER", "BREACHED", WARN, DUE, DUE, 2, DUE.plusSeconds(60));
    assertThat(breached.state()).isEqualTo("BREACHED");
    assertThat(breached.breachAt()).isEqualTo(DUE);
    assertThat(breached.escalationLevel()).isEqualTo(2);
  }
}
