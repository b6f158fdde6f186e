package vn.dondoc.app.initiatives;

import org.springframework.stereotype.Component;
import vn.dondoc.processes.InitiativeSelection;

/** Durations the model reads (bean {@value InitiativeSelection.Policy#BEAN}). */
@Component(InitiativeSelection.Policy.BEAN)
class InitiativePolicy implements InitiativeSelection.Policy {

  private final InitiativeProperties properties;

  InitiativePolicy(InitiativeProperties properties) {
    this.properties = properties;
  }

  @Override
  public String getCompletionWait() {
    return properties.completionWait().toString();
  }
}
