package vn.dondoc.processes.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Var;

/** What an expert submits stays on their score sheet: the listener records it, the process and the other experts never hold it. */
@Deployment(resources = InitiativeSelection.RESOURCE)
class InitiativeScoreConfidentialityProcessTest extends InitiativeSelectionProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void anExpertsScoresAreNotProcessVariablesWhileAnotherSeatIsOpen() {
    ProcessInstance instance = submit();
    toPanel(instance);
    for (String expert : PANEL) {
      declare(instance, expert, false);
    }

    score(instance, PANEL.get(0), 9.5);

    assertThat(sheets.get(PANEL.get(0)))
        .as("the listener saw the sheet")
        .containsEntry(Var.SCORE_NOVELTY, 9.5)
        .containsEntry(Var.COMMENT_IMPACT, "Nhận xét của " + PANEL.get(0));
    assertThat(runtimeService().getVariables(instance.getId()))
        .doesNotContainKeys(SCORE_VARIABLES.toArray(String[]::new));
    Task other = scoreSheetOf(instance, PANEL.get(1));
    assertThat(taskService().getVariables(other.getId()))
        .as("another expert's sheet starts empty")
        .containsEntry(Var.SCORE_NOVELTY, null)
        .containsEntry(Var.COMMENT_IMPACT, null)
        .containsEntry(Var.EXPERT, PANEL.get(1));
  }

  @Test
  void noScoreIsLeftOnTheProcessAfterThePanelHasScored() {
    ProcessInstance instance = submit();
    toPanel(instance);
    panelScores(instance);

    assertThat(sheets).hasSize(3);
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_DECIDE);
    assertThat(runtimeService().getVariables(instance.getId()))
        .doesNotContainKeys(SCORE_VARIABLES.toArray(String[]::new))
        .containsEntry(Var.MEAN_SCORE, meanScore);
  }
}
