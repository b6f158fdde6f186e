package vn.dondoc.app.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutovacuumCheckTest {

  @Test
  void aServerWithAutovacuumOnNeedsNoWarning() {
    assertThat(AutovacuumCheck.warningFor("on")).isEmpty();
  }

  @Test
  void aServerWithAutovacuumOffIsToldWhatItCostsAndWhereToRead() {
    assertThat(AutovacuumCheck.warningFor("off"))
        .hasValueSatisfying(warning -> assertThat(warning)
            .contains("autovacuum is off")
            .contains("ANALYZE")
            .contains("docs/OPERATIONS.md"));
  }
}
