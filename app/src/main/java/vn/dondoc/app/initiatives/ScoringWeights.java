package vn.dondoc.app.initiatives;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The weight of each criterion of an initiative's category (the criteria decision table), by the
 * scoring form's score field, so that an expert sees what each score counts for while scoring.
 */
@Component
public class ScoringWeights {

  private final InitiativeRepository initiatives;
  private final InitiativeScoring scoring;

  ScoringWeights(InitiativeRepository initiatives, InitiativeScoring scoring) {
    this.initiatives = initiatives;
    this.scoring = scoring;
  }

  /** Score field key (e.g. scoreNovelty) to weight (0.25), in the sheet's order; empty for another case. */
  public Map<String, Double> byScoreField(String caseCode) {
    Map<String, Double> byField = new LinkedHashMap<>();
    initiatives.findByCode(caseCode).ifPresent(initiative -> {
      Map<String, Double> weights = scoring.weights(initiative.category());
      InitiativeExperts.SHEET.forEach(
          (criterion, names) -> byField.put(names[0], weights.getOrDefault(criterion, 0.0)));
    });
    return byField;
  }
}
