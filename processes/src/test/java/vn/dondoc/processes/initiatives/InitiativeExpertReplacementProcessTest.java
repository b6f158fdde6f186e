package vn.dondoc.processes.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.InitiativeSelection;

/** A seat whose expert drops out (declared conflict, missed deadline) goes to the next free expert, or stays empty. */
@Deployment(resources = InitiativeSelection.RESOURCE)
class InitiativeExpertReplacementProcessTest extends InitiativeSelectionProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  static final String RESERVE = "chuyengia.dung";

  @Test
  void aDeclaredConflictHandsTheSeatToTheNextExpertWhoDeclaresInTurn() {
    reserve.add(RESERVE);
    ProcessInstance instance = submit();
    toPanel(instance);

    declare(instance, PANEL.get(0), true);

    verify(experts).replace(any());
    assertThat(replaced).containsExactly(PANEL.get(0));
    assertThat(declarationOf(instance, RESERVE))
        .as("the replacement declares first")
        .isNotNull();
    assertThat(scoreSheetOf(instance, PANEL.get(0))).isNull();
    assertThat(scoreSheetOf(instance, RESERVE)).isNull();
    assertThat(tasks(instance, InitiativeSelection.TASK_DECLARE_CONFLICT))
        .extracting(Task::getAssignee)
        .containsExactlyInAnyOrder(RESERVE, PANEL.get(1), PANEL.get(2));

    declare(instance, RESERVE, false);
    declare(instance, PANEL.get(1), false);
    declare(instance, PANEL.get(2), false);
    for (String expert : List.of(RESERVE, PANEL.get(1), PANEL.get(2))) {
      score(instance, expert, 8.0);
    }

    assertThat(sheets).containsOnlyKeys(RESERVE, PANEL.get(1), PANEL.get(2));
    assertThat(instance)
        .hasPassed("ReplaceExpert", InitiativeSelection.END_SEAT_SCORED)
        .hasNotPassed(InitiativeSelection.END_SEAT_LEFT_EMPTY)
        .isWaitingAt(InitiativeSelection.TASK_DECIDE);
  }

  @Test
  void aSeatNobodyIsLeftForStaysEmptyAndTheOthersStillFinish() {
    ProcessInstance instance = submit();
    toPanel(instance);

    declare(instance, PANEL.get(2), true);

    verify(experts).replace(any());
    assertThat(instance).hasPassed(InitiativeSelection.END_SEAT_LEFT_EMPTY);
    assertThat(tasks(instance, InitiativeSelection.TASK_DECLARE_CONFLICT)).hasSize(2);

    declare(instance, PANEL.get(0), false);
    declare(instance, PANEL.get(1), false);
    score(instance, PANEL.get(0), 8.0);
    score(instance, PANEL.get(1), 7.0);

    assertThat(sheets).containsOnlyKeys(PANEL.get(0), PANEL.get(1));
    verify(scoring).aggregate(any());
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_DECIDE);
  }

  @Test
  void anExpertWhoMissesTheDeadlineIsReplacedAndTheNewExpertStartsWithTheDeclaration() {
    reserve.add(RESERVE);
    ProcessInstance instance = submit();
    toPanel(instance);
    for (String expert : PANEL) {
      declare(instance, expert, false);
    }
    score(instance, PANEL.get(0), 8.0);
    score(instance, PANEL.get(2), 8.0);

    moveClockBy(SCORING_TIME);
    execute(seatTimer(instance, InitiativeSelection.TIMER_SCORING_OVERDUE, PANEL.get(1)));

    assertThat(replaced).containsExactly(PANEL.get(1));
    assertThat(scoreSheetOf(instance, PANEL.get(1)))
        .as("the late expert's sheet is withdrawn")
        .isNull();
    assertThat(seatTimer(instance, InitiativeSelection.TIMER_SCORING_REMINDER, PANEL.get(1)))
        .isNull();
    assertThat(declarationOf(instance, RESERVE)).isNotNull();
    assertThat(instance).hasPassed(InitiativeSelection.TIMER_SCORING_OVERDUE, "ReplaceExpert");

    declare(instance, RESERVE, false);
    Task sheet = scoreSheetOf(instance, RESERVE);
    assertThat(sheet.getDueDate())
        .as("the new expert gets a full scoring time")
        .isEqualTo(Date.from(START.plus(SCORING_TIME).plus(SCORING_TIME)));
    score(instance, RESERVE, 6.5);

    assertThat(sheets).containsOnlyKeys(PANEL.get(0), PANEL.get(2), RESERVE);
    verify(experts, never()).remind(any());
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_DECIDE);
  }

  @Test
  void theReminderDoesNotTakeTheSheetAway() {
    ProcessInstance instance = submit();
    toPanel(instance);
    for (String expert : PANEL) {
      declare(instance, expert, false);
    }

    moveClockBy(SCORING_REMINDER);
    execute(seatTimer(instance, InitiativeSelection.TIMER_SCORING_REMINDER, PANEL.get(0)));

    verify(experts, times(1)).remind(any());
    assertThat(instance).hasPassed("RemindExpert");
    assertThat(scoreSheetOf(instance, PANEL.get(0)))
        .as("still the expert's to score")
        .isNotNull();
    assertThat(seatTimer(instance, InitiativeSelection.TIMER_SCORING_REMINDER, PANEL.get(0)))
        .as("reminded once")
        .isNull();
    assertThat(seatTimer(instance, InitiativeSelection.TIMER_SCORING_OVERDUE, PANEL.get(0)))
        .isNotNull();

    score(instance, PANEL.get(0), 8.0);
    verify(experts, never()).replace(any());
  }
}
