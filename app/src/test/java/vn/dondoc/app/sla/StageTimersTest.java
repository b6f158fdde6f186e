package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.sla.SlaStage;

/** The activity ids the clocks derive from a stage are those of the feedback model, with the stage's clock behind them. */
class StageTimersTest {

  private final BpmnModelInstance model =
      Bpmn.readModelFromStream(getClass().getClassLoader().getResourceAsStream(FeedbackHandling.RESOURCE));

  @Test
  void everyStageHasTheThreeTimersTheClocksMove() {
    for (String stage : List.of(SlaStage.ROUTE, SlaStage.ACCEPT, SlaStage.ANSWER)) {
      for (StageTimers.Timer timer : StageTimers.Timer.values()) {
        CatchEvent event = model.getModelElementById(StageTimers.activityId(stage, timer));
        assertThat(event).as(stage + " " + timer).isNotNull();
        TimerEventDefinition definition = (TimerEventDefinition) event.getEventDefinitions().iterator().next();
        assertThat(definition.getTimeDate().getTextContent()).contains("slaClocks.").contains("'" + stage + "'");
      }
    }
  }

  @Test
  void everySupervisorTaskIsKnownByItsStage() {
    List<String> stages = model.getModelElementsByType(UserTask.class).stream()
        .filter(task -> task.getId().endsWith("Supervise"))
        .map(task -> StageTimers.stageOfSupervisorTask(task.getId()).orElseThrow())
        .toList();

    assertThat(stages).containsExactlyInAnyOrder(SlaStage.ROUTE, SlaStage.ACCEPT, SlaStage.ANSWER);
    assertThat(StageTimers.stageOfSupervisorTask("ClassifyFeedback")).isEmpty();
  }
}
