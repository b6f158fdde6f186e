package vn.dondoc.app.initiatives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Var;

/**
 * Aggregation (bean {@value InitiativeSelection.Scoring#BEAN}): each expert's sheet becomes one weighted
 * score with the category's weights from the criteria table (a correction counts instead of the row it
 * supersedes); the panel's score is their mean, their disagreement the spread between highest and lowest.
 */
@Component(InitiativeSelection.Scoring.BEAN)
class InitiativeScoring implements InitiativeSelection.Scoring {

  private final InitiativeRepository initiatives;
  private final InitiativeChanges changes;
  private final InitiativeProperties properties;
  private final DecisionService decisions;

  InitiativeScoring(
      InitiativeRepository initiatives,
      InitiativeChanges changes,
      InitiativeProperties properties,
      DecisionService decisions) {
    this.initiatives = initiatives;
    this.changes = changes;
    this.properties = properties;
    this.decisions = decisions;
  }

  record Result(BigDecimal mean, BigDecimal spread, Map<String, BigDecimal> byExpert) {}

  @Override
  public void aggregate(DelegateExecution execution) {
    Initiative initiative = initiatives.find(changes.initiativeId(execution)).orElseThrow();
    Result result = score(initiative);
    initiatives.setScores(initiative.id(), result.mean(), result.spread());
    boolean needsConsensus =
        result.mean() == null || result.spread().compareTo(properties.spreadLimit()) > 0;
    boolean shortlisted =
        result.mean() != null && result.mean().compareTo(properties.shortlistThreshold()) >= 0;
    execution.setVariable(
        Var.MEAN_SCORE, result.mean() == null ? null : result.mean().doubleValue());
    execution.setVariable(
        Var.SPREAD, result.spread() == null ? null : result.spread().doubleValue());
    execution.setVariable(Var.NEEDS_CONSENSUS, needsConsensus);
    execution.setVariable(Var.SHORTLISTED, shortlisted);
    initiatives.setStatus(
        initiative.id(),
        needsConsensus
            ? InitiativeStatus.IN_CONSENSUS
            : shortlisted ? InitiativeStatus.SHORTLISTED : InitiativeStatus.IN_EVALUATION);
    Map<String, Object> detail = new HashMap<>();
    detail.put("mean", result.mean());
    detail.put("spread", result.spread());
    detail.put("experts", result.byExpert().keySet());
    changes.recorded(execution, "INITIATIVE_SCORED", detail);
  }

  @Override
  public void recordConsensus(DelegateExecution execution) {
    Initiative initiative = initiatives.find(changes.initiativeId(execution)).orElseThrow();
    BigDecimal agreed = new BigDecimal(
            execution.getVariable(Var.CONSENSUS_SCORE).toString())
        .setScale(2, RoundingMode.HALF_UP);
    initiatives.setScores(initiative.id(), agreed, initiative.spread());
    boolean shortlisted = agreed.compareTo(properties.shortlistThreshold()) >= 0;
    execution.setVariable(Var.MEAN_SCORE, agreed.doubleValue());
    execution.setVariable(Var.SHORTLISTED, shortlisted);
    initiatives.setStatus(
        initiative.id(),
        shortlisted ? InitiativeStatus.SHORTLISTED : InitiativeStatus.IN_EVALUATION);
    changes.recorded(
        execution,
        "INITIATIVE_CONSENSUS",
        Map.of("score", agreed, "note", String.valueOf(execution.getVariable(Var.CONSENSUS_NOTE))));
  }

  /** The panel's result from the scores in force; mean and spread null when nobody scored. */
  Result score(Initiative initiative) {
    Map<String, Double> weights = weights(initiative.category());
    Map<String, Map<String, BigDecimal>> sheets = new LinkedHashMap<>();
    for (InitiativeRepository.Score score : initiatives.scores(initiative.id())) {
      // rows come oldest first: a correction overwrites what it supersedes
      sheets
          .computeIfAbsent(score.expert(), e -> new HashMap<>())
          .put(score.criterion(), score.score());
    }
    Map<String, BigDecimal> byExpert = new LinkedHashMap<>();
    sheets.forEach((expert, sheet) -> byExpert.put(
        expert,
        sheet.entrySet().stream()
            .map(e ->
                e.getValue().multiply(BigDecimal.valueOf(weights.getOrDefault(e.getKey(), 0.0))))
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2, RoundingMode.HALF_UP)));
    if (byExpert.isEmpty()) {
      return new Result(null, null, byExpert);
    }
    BigDecimal sum = byExpert.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal mean = sum.divide(BigDecimal.valueOf(byExpert.size()), 2, RoundingMode.HALF_UP);
    Optional<BigDecimal> max = byExpert.values().stream().max(BigDecimal::compareTo);
    Optional<BigDecimal> min = byExpert.values().stream().min(BigDecimal::compareTo);
    return new Result(mean, max.get().subtract(min.get()), byExpert);
  }

  Map<String, Double> weights(InitiativeCategory category) {
    Map<String, Double> weights = new HashMap<>();
    List<Map<String, Object>> rows = decisions
        .evaluateDecisionTableByKey(
            InitiativeSelection.CRITERIA_DECISION,
            Variables.createVariables().putValue(Var.CATEGORY, category.code()))
        .getResultList();
    rows.forEach(row ->
        weights.put((String) row.get("criterion"), ((Number) row.get("weight")).doubleValue()));
    return weights;
  }
}
