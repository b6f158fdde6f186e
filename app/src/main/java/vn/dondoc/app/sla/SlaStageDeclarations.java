package vn.dondoc.app.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.dondoc.processes.sla.SlaStageDeclaration;
import vn.dondoc.processes.sla.SlaTimer;

/**
 * The SLA stages the deployed models declare ({@link SlaStageDeclaration}), read once from the models the app
 * deploys ({@code camunda.bpm.deployment-resource-pattern}). Instances of older versions of a model run on the
 * same activity ids (a model keeps them: {@code SlaStagesProcessTest} checks them against the ids of the versions
 * deployed before stages were declared), so the current model's declaration finds their timers too.
 */
@Component
public class SlaStageDeclarations {

  private final List<SlaStageDeclaration> stages;

  @Autowired
  SlaStageDeclarations(CamundaBpmProperties camunda) {
    this(camunda.getDeploymentResourcePattern());
  }

  SlaStageDeclarations(String... patterns) {
    List<SlaStageDeclaration> read = new ArrayList<>();
    try {
      for (String pattern : patterns) {
        for (Resource model : new PathMatchingResourcePatternResolver().getResources(pattern)) {
          if (model.getFilename() != null && model.getFilename().endsWith(".bpmn")) {
            try (InputStream in = model.getInputStream()) {
              read.addAll(SlaStageDeclaration.in(Bpmn.readModelFromStream(in)));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.stages = List.copyOf(read);
  }

  public List<SlaStageDeclaration> all() {
    return stages;
  }

  /** What a timer job of the stage waits for, if the job's activity is one of the stage's timers. */
  Optional<SlaTimer> timer(String processKey, String stage, String activityId) {
    return stages.stream()
        .filter(s -> s.processKey().equals(processKey) && s.stage().equals(stage))
        .map(s -> s.timers().get(activityId))
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** The stage whose supervisor task this activity is, if it is one. */
  Optional<String> stageOfSupervisorTask(String processKey, String activityId) {
    return stages.stream()
        .filter(s -> s.processKey().equals(processKey) && s.supervisorTasks().contains(activityId))
        .map(SlaStageDeclaration::stage)
        .findFirst();
  }
}
