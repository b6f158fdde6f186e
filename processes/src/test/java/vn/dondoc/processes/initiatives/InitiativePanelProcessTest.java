package vn.dondoc.processes.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Var;

/** The panel: one seat per expert, in parallel; each declares conflicts, then scores. */
@Deployment(resources = InitiativeSelection.RESOURCE)
class InitiativePanelProcessTest extends InitiativeSelectionProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void aPanelOfThreeDeclaresThenScoresInParallel() {
    ProcessInstance instance = submit();
    toPanel(instance);

    assertThat(tasks(instance, InitiativeSelection.TASK_DECLARE_CONFLICT))
        .extracting(Task::getAssignee)
        .containsExactlyInAnyOrderElementsOf(PANEL);
    assertThat(tasks(instance, InitiativeSelection.TASK_SCORE)).isEmpty();

    for (String expert : PANEL) {
      declare(instance, expert, false);
    }

    verify(experts, times(3)).recordDeclaration(any());
    assertThat(tasks(instance, InitiativeSelection.TASK_SCORE))
        .extracting(Task::getAssignee)
        .containsExactlyInAnyOrderElementsOf(PANEL);
    Date due = Date.from(START.plus(SCORING_TIME));
    assertThat(tasks(instance, InitiativeSelection.TASK_SCORE))
        .allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(due));
    assertThat(seatTimer(instance, InitiativeSelection.TIMER_SCORING_OVERDUE, PANEL.get(0))
            .getDuedate())
        .isEqualTo(due);
    assertThat(seatTimer(instance, InitiativeSelection.TIMER_SCORING_REMINDER, PANEL.get(0))
            .getDuedate())
        .isEqualTo(Date.from(START.plus(SCORING_REMINDER)));

    score(instance, PANEL.get(0), 8.0);
    score(instance, PANEL.get(1), 7.5);
    assertThat(instance)
        .as("the panel waits for its last seat")
        .isWaitingAt(InitiativeSelection.TASK_SCORE);
    verify(scoring, never()).aggregate(any());

    score(instance, PANEL.get(2), 9.0);

    verify(experts, times(3)).recordScores(any());
    assertThat(sheets).containsOnlyKeys(PANEL);
    assertThat(sheets.get(PANEL.get(1)))
        .containsEntry(Var.SCORE_NOVELTY, 7.5)
        .containsEntry(Var.COMMENT_SUSTAINABILITY, "Nhận xét của " + PANEL.get(1));
    verify(scoring).aggregate(any());
    verify(experts, never()).replace(any());
    assertThat(instance)
        .hasPassed(InitiativeSelection.EXPERT_EVALUATION, "AggregateScores")
        .hasNotPassed(InitiativeSelection.TASK_CONSENSUS)
        .isWaitingAt(InitiativeSelection.TASK_DECIDE);
  }

  @Test
  void theSeatsDeclarationsStayOnTheSeat() {
    ProcessInstance instance = submit();
    toPanel(instance);

    declare(instance, PANEL.get(0), false);

    assertThat(runtimeService().getVariables(instance.getId()))
        .doesNotContainKeys(Var.CONFLICT_DECLARED, Var.CONFLICT_NOTE, Var.EXPERT_OUT, Var.EXPERT);
    assertThat(scoreSheetOf(instance, PANEL.get(0))).isNotNull();
    assertThat(declarationOf(instance, PANEL.get(1)))
        .as("the other seats still declare")
        .isNotNull();
  }
}
