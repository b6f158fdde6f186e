package vn.dondoc.processes.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Criterion;
import vn.dondoc.processes.InitiativeSelection.Var;

/** The criteria table alone: every category weighs all six criteria, and its weights sum to one. */
@Deployment(resources = InitiativeSelection.CRITERIA_RESOURCE)
class InitiativeCriteriaTableTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  static final List<String> CRITERIA = List.of(
      Criterion.NOVELTY,
      Criterion.FEASIBILITY,
      Criterion.IMPACT,
      Criterion.STRATEGIC_FIT,
      Criterion.DATA_REUSE,
      Criterion.SUSTAINABILITY);

  @ParameterizedTest
  @ValueSource(
      strings = {"BREAKTHROUGH", "STRATEGIC_TECH_PROPOSAL", "ORDINARY", "RESEARCH_FUNDING"})
  void everyCategoryWeighsTheSixCriteriaToOne(String category) {
    DmnDecisionResult result = criteriaFor(category);

    assertThat(result).hasSize(6);
    assertThat(result.collectEntries("criterion")).containsExactlyInAnyOrderElementsOf(CRITERIA);
    double sum = 0;
    for (DmnDecisionResultEntries row : result) {
      double weight = (Double) row.getEntry("weight");
      assertThat(weight)
          .as("%s %s", category, row.getEntry("criterion"))
          .isStrictlyBetween(0.0, 1.0);
      sum += weight;
    }
    assertThat(sum).as(category).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void theCategoriesWeighWhatTheyAreFor() {
    assertThat(weights("BREAKTHROUGH"))
        .containsEntry(Criterion.NOVELTY, 0.25)
        .containsEntry(Criterion.IMPACT, 0.25)
        .containsEntry(Criterion.FEASIBILITY, 0.20);
    assertThat(weights("STRATEGIC_TECH_PROPOSAL").get(Criterion.STRATEGIC_FIT))
        .isGreaterThan(weights("BREAKTHROUGH").get(Criterion.STRATEGIC_FIT))
        .isEqualTo(0.30);
    Map<String, Double> ordinary = weights("ORDINARY");
    assertThat(ordinary.get(Criterion.FEASIBILITY)).isGreaterThan(ordinary.get(Criterion.NOVELTY));
    assertThat(ordinary.get(Criterion.SUSTAINABILITY))
        .isGreaterThan(weights("BREAKTHROUGH").get(Criterion.SUSTAINABILITY));
    Map<String, Double> research = weights("RESEARCH_FUNDING");
    assertThat(research.get(Criterion.NOVELTY) + research.get(Criterion.FEASIBILITY))
        .isGreaterThan(0.5);
  }

  @Test
  void anUnknownCategoryHasNoCriteria() {
    assertThat(criteriaFor("UNKNOWN")).isEmpty();
  }

  private static Map<String, Double> weights(String category) {
    Map<String, Double> weights = new HashMap<>();
    for (DmnDecisionResultEntries row : criteriaFor(category)) {
      weights.put(row.getEntry("criterion"), row.getEntry("weight"));
    }
    return weights;
  }

  private static DmnDecisionResult criteriaFor(String category) {
    return engine
        .getDecisionService()
        .evaluateDecisionByKey(InitiativeSelection.CRITERIA_DECISION)
        .variables(Map.of(Var.CATEGORY, category))
        .evaluate();
  }
}
