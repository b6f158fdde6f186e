package vn.dondoc.processes.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.EvidenceReview.Var;
import vn.dondoc.processes.InMemoryEngine;

/** The table alone: which field needs which domain verifier. */
@Deployment(resources = EvidenceReview.VERIFIER_RESOURCE)
class EvidenceVerifierTableTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void databasesAreConfirmedByTheMinistryOfPublicSecurity() {
    assertThat(verifierFor("DATABASES")).isEqualTo("bca");
  }

  @Test
  void institutionsAreConfirmedByTheMinistryOfJustice() {
    assertThat(verifierFor("INSTITUTIONS")).isEqualTo("btp");
  }

  @Test
  void platformsAreConfirmedByTheMinistryOfScienceAndTechnology() {
    assertThat(verifierFor("PLATFORMS")).isEqualTo("bkhcn");
  }

  @Test
  void otherFieldsNeedNoVerifier() {
    for (String field : new String[] {
      "DIRECTION",
      "HUMAN_RESOURCES",
      "FINANCE",
      "DIGITAL_INFRASTRUCTURE",
      "ONLINE_SERVICES",
      "INFORMATION_SECURITY",
      "DIGITAL_TRANSFORMATION",
      "SCIENCE_TECHNOLOGY",
      "INTERNATIONAL",
      "databases",
      null
    }) {
      assertThat(verifierFor(field)).as(String.valueOf(field)).isNull();
    }
  }

  private static String verifierFor(String field) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.FIELD, field);
    DmnDecisionResult result = engine
        .getDecisionService()
        .evaluateDecisionByKey(EvidenceReview.VERIFIER_DECISION)
        .variables(variables)
        .evaluate();
    assertThat(result).as("one rule always matches").hasSize(1);
    return result.getSingleEntry();
  }
}
