package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dondoc.processes.sla.SlaStage;
import vn.dondoc.processes.sla.SlaStageDeclaration;
import vn.dondoc.processes.sla.SlaTimer;

/** The app finds a stage's timers and supervisor task by its model's declaration, per process. */
class SlaStageDeclarationsTest {

  private final SlaStageDeclarations stages = new SlaStageDeclarations("classpath*:bpmn/*.bpmn");

  @Test
  void readsTheStagesOfEveryDeployedModel() {
    assertThat(stages.all())
        .extracting(s -> s.processKey() + " " + s.stage())
        .contains(
            "feedback-handling ROUTE",
            "feedback-handling ACCEPT",
            "feedback-handling ANSWER",
            "task-lifecycle ACKNOWLEDGE",
            "evidence-review REVIEW",
            "deadline-extension DECIDE",
            "initiative-selection SCREEN",
            // the test-only model on this classpath
            SlaTestCases.PROCESS_KEY + " ROUTE");
    assertThat(stages.all())
        .extracting(SlaStageDeclaration::scopeId)
        .contains("RoutingStage", "ScreeningStage");
  }

  @Test
  void aTimerBelongsToItsStageOfItsProcess() {
    assertThat(stages.timer("feedback-handling", SlaStage.ROUTE, "RoutingWarningDue"))
        .contains(SlaTimer.WARNING);
    assertThat(stages.timer("feedback-handling", SlaStage.ROUTE, "RoutingOverdue"))
        .contains(SlaTimer.DUE);
    assertThat(stages.timer("feedback-handling", SlaStage.ROUTE, "RoutingStillOpen"))
        .contains(SlaTimer.SUPERVISOR);
    assertThat(stages.timer("feedback-handling", SlaStage.ACCEPT, "RoutingOverdue"))
        .isEmpty();
    assertThat(stages.timer("feedback-handling", SlaStage.ANSWER, "SenderSilent"))
        .as("not an SLA timer")
        .isEmpty();
    assertThat(stages.timer("task-lifecycle", SlaStage.ROUTE, "RoutingOverdue")).isEmpty();
  }

  @Test
  void aSupervisorTaskIsKnownByItsStage() {
    assertThat(stages.stageOfSupervisorTask("feedback-handling", "AnswerSupervise"))
        .contains(SlaStage.ANSWER);
    assertThat(stages.stageOfSupervisorTask("initiative-selection", "ScreeningSupervise"))
        .contains(SlaStage.SCREEN);
    assertThat(stages.stageOfSupervisorTask("feedback-handling", "ClassifyFeedback"))
        .isEmpty();
    assertThat(stages.stageOfSupervisorTask("evidence-review", "AnswerSupervise"))
        .isEmpty();
  }
}
