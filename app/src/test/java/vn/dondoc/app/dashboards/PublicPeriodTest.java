package vn.dondoc.app.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.web.InvalidFieldException;

class PublicPeriodTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 8, 20);

  @Test
  void blankOrAllIsEverythingSoFar() {
    assertThat(PublicPeriod.parse(null, TODAY, "ky").isAll()).isTrue();
    assertThat(PublicPeriod.parse(" ", TODAY, "ky").key()).isEqualTo("all");
    assertThat(PublicPeriod.parse("all", TODAY, "ky").from()).isNull();
  }

  @Test
  void aYearOrAQuarterEndsToday() {
    assertThat(PublicPeriod.parse("2025", TODAY, "ky"))
        .isEqualTo(new PublicPeriod("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
    assertThat(PublicPeriod.parse("2026", TODAY, "ky").to()).isEqualTo(TODAY);
    assertThat(PublicPeriod.parse("2025-Q4", TODAY, "ky"))
        .isEqualTo(
            new PublicPeriod("2025-q4", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)));
    assertThat(PublicPeriod.parse("2026-q3", TODAY, "ky").to()).isEqualTo(TODAY);
    assertThat(PublicPeriod.parse("2026-q3", TODAY, "ky").quarter()).isEqualTo(3);
    assertThat(PublicPeriod.parse("2026", TODAY, "ky").quarter()).isNull();
  }

  @Test
  void anythingElseIsRefusedNamingTheParameter() {
    for (String bad :
        new String[] {"2024", "2026-q4", "2027", "2026-q5", "2026-01", "abc", "<script>"}) {
      assertThatThrownBy(() -> PublicPeriod.parse(bad, TODAY, "ky"))
          .as(bad)
          .isInstanceOf(InvalidFieldException.class)
          .extracting(e -> ((InvalidFieldException) e).field())
          .isEqualTo("ky");
    }
  }

  @Test
  void theChoicesAreEveryPeriodSoFarNewestYearFirst() {
    assertThat(PublicPeriod.choices(TODAY).stream().map(PublicPeriod::key))
        .containsExactly(
            "all", "2026", "2026-q1", "2026-q2", "2026-q3", "2025", "2025-q1", "2025-q2", "2025-q3",
            "2025-q4");
  }
}
