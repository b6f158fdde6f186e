package vn.dondoc.app.sla;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The cases of the test-only process {@code sla-test} have no table: {@link SlaTestCases} gives each the
 * code SLAT-&lt;id&gt; and the agency {@value SlaTestCases#AGENCY}, which is all its clocks need to know.
 */
@TestConfiguration
public class SlaTestClockCases {

  private static final Pattern CODE = Pattern.compile("SLAT-(\\d+)");

  @Bean
  ClockCases slaTestCases() {
    return new ClockCases() {
      @Override
      public String caseType() {
        return SlaTestCases.CASE_TYPE;
      }

      @Override
      public Optional<ClockCase> clockCase(String caseCode) {
        Matcher code = CODE.matcher(caseCode);
        return code.matches()
            ? Optional.of(new ClockCase(Long.parseLong(code.group(1)), SlaTestCases.AGENCY))
            : Optional.empty();
      }
    };
  }
}
