package vn.dondoc.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseCodesTest {

  @Test
  void aCodeIsFoundHoweverItIsTyped() {
    for (String typed : new String[] {
      "PAKN-2026-000123",
      "pakn-2026-000123",
      " pakn 2026 000123 ",
      "PAKN2026000123",
      "Pakn – 2026 – 000123",
      "pakn_2026.000123"
    }) {
      assertThat(CaseCodes.typed(typed)).as(typed).isEqualTo("PAKN-2026-000123");
    }
    assertThat(CaseCodes.typed("sk-2026-1234567")).isEqualTo("SK-2026-1234567");
  }

  @Test
  void textThatIsNoCodeIsLeftToBeNotFound() {
    assertThat(CaseCodes.typed(" PAKN-26-1 ")).isEqualTo("PAKN-26-1");
    assertThat(CaseCodes.typed("../etc")).isEqualTo("../etc");
    assertThat(CaseCodes.typed(null)).isNull();
  }
}
