package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.processes.sla.SlaStageDeclaration;

/**
 * What a declared stage needs besides its model, for every stage of every model the app deploys: its policy row
 * (a migration), the binding of its process to a case type ({@code dondoc.sla.processes}), that case type on the
 * SLA board ({@code sla_clock_case_keys} and its follow trigger, ADR 0003) and its name in both languages.
 * The test-only model {@code sla-test} makes its policy row itself and is no case of the board.
 */
class SlaStageDeclarationsIT extends IntegrationTest {

  @Autowired
  SlaStageDeclarations stages;

  @Autowired
  SlaPolicies policies;

  @Autowired
  SlaProperties properties;

  @Autowired
  JdbcClient jdbc;

  private List<SlaStageDeclaration> declared() {
    return stages.all().stream()
        .filter(s -> !s.processKey().equals(SlaTestCases.PROCESS_KEY))
        .toList();
  }

  @Test
  void everyDeclaredStageHasItsPolicyRow() {
    assertThat(declared())
        .as("a test over nothing would pass")
        .hasSizeGreaterThanOrEqualTo(7)
        .allSatisfy(stage -> assertThat(
                policies.find(properties.binding(stage.processKey()).caseType(), stage.stage()))
            .as("sla_policy row of %s %s", stage.processKey(), stage.stage())
            .isPresent());
  }

  @Test
  void everyDeclaredStageCountsOnTheSlaBoardUnderItsCase() {
    String caseKeys = jdbc.sql("select pg_get_functiondef('sla_clock_case_keys'::regproc)")
        .query(String.class)
        .single();
    for (SlaStageDeclaration stage : declared()) {
      String caseType = properties.binding(stage.processKey()).caseType();
      assertThat(caseKeys)
          .as("sla_clock_case_keys knows case type %s (%s)", caseType, stage.processKey())
          .contains("p_case_type = '" + caseType + "'");
      assertThat(jdbc.sql("select count(*) from pg_trigger where tgname = ?")
              .param("sla_clock_follow_" + caseType)
              .query(Long.class)
              .single())
          .as("trigger moving %s clocks with their case", caseType)
          .isEqualTo(1L);
    }
  }

  @Test
  void everyDeclaredStageHasANameInBothLanguages() throws IOException {
    for (String bundle : List.of("messages.properties", "messages_vi.properties")) {
      Properties messages = new Properties();
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
        messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      assertThat(declared())
          .allSatisfy(stage -> assertThat(messages.getProperty("sla.stage." + stage.stage()))
              .as("%s: sla.stage.%s", bundle, stage.stage())
              .isNotBlank());
    }
  }
}
