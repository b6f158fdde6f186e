package vn.dondoc.processes.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Screening;
import vn.dondoc.processes.InitiativeSelection.Var;
import vn.dondoc.processes.sla.FixedSlaClocks;
import vn.dondoc.processes.sla.SlaStage;

/** Screening: to a panel, back to the innovator for completion, reclassified, or turned into a feedback item. */
@Deployment(resources = InitiativeSelection.RESOURCE)
class InitiativeScreeningProcessTest extends InitiativeSelectionProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void theStandingOfficeScreensASubmissionInTheScreeningStage() {
    ProcessInstance instance = submit();

    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_SCREEN).hasBusinessKey(CASE_CODE);
    assertThat(task(InitiativeSelection.TASK_SCREEN, instance))
        .hasCandidateGroup(InitiativeSelection.GROUP_STANDING_OFFICE)
        .isNotAssigned();
  }

  @Test
  void aReturnedSubmissionIsCompletedByTheInnovatorThenScreenedAgainAndEvaluated() {
    ProcessInstance instance = submit();

    screen(instance, Screening.RETURN, "Bổ sung số liệu chi phí hiện nay của các bộ.");

    verify(steps).returnForCompletion(any());
    verify(clocks).stop(any(), eq(SlaStage.SCREEN));
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_COMPLETE_SUBMISSION);
    assertThat(task(InitiativeSelection.TASK_COMPLETE_SUBMISSION, instance)).isAssignedTo(PROPOSER);
    assertThat(timer(instance, InitiativeSelection.TIMER_COMPLETION_WAIT).getDuedate())
        .isEqualTo(Date.from(START.plus(Duration.ofDays(15))));

    complete(
        task(InitiativeSelection.TASK_COMPLETE_SUBMISSION, instance),
        withVariables(Var.COMPLETION_REPLY, "Chi phí hiện nay khoảng 40 tỷ đồng mỗi năm."));

    verify(steps).recordCompletion(any());
    assertThat(instance).hasPassed("RecordCompletion").isWaitingAt(InitiativeSelection.TASK_SCREEN);
    assertThat(timer(instance, InitiativeSelection.TIMER_COMPLETION_WAIT)).isNull();

    screen(instance, Screening.EVALUATE, null);

    verify(steps).proposePanel(any());
    assertThat(instance)
        .isWaitingAt(InitiativeSelection.TASK_PICK_PANEL)
        .variables()
        .containsEntry(Var.PANEL_TEXT, String.join(", ", PANEL));
    verify(steps, never()).closeIncomplete(any());
  }

  @Test
  void aReturnedSubmissionIsClosedWhenTheInnovatorsTimeRunsOut() {
    ProcessInstance instance = submit();
    screen(instance, Screening.RETURN, "Bổ sung số liệu chi phí hiện nay của các bộ.");

    moveClockBy(Duration.ofDays(15));
    execute(timer(instance, InitiativeSelection.TIMER_COMPLETION_WAIT));

    verify(steps).closeIncomplete(any());
    verify(steps, never()).recordCompletion(any());
    assertThat(instance)
        .hasPassed(InitiativeSelection.TIMER_COMPLETION_WAIT, "CloseIncomplete")
        .hasNotPassed("RecordCompletion")
        .isEnded();
    assertThat(instance).hasPassed(InitiativeSelection.END_CLOSED_INCOMPLETE);
  }

  @Test
  void aReclassifiedSubmissionIsScreenedAgainThenEvaluated() {
    ProcessInstance instance = submit();

    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.SCREENING_DECISION, Screening.RECLASSIFY);
    variables.put(Var.NEW_CATEGORY, "ORDINARY");
    variables.put(Var.SCREENING_NOTE, "Giải pháp cải tiến quy trình, không phải đột phá.");
    complete(task(InitiativeSelection.TASK_SCREEN, instance), variables);

    verify(steps).reclassify(any());
    assertThat(instance)
        .hasPassed("Reclassify")
        .isWaitingAt(InitiativeSelection.TASK_SCREEN)
        .variables()
        .containsEntry(Var.NEW_CATEGORY, "ORDINARY");

    screen(instance, Screening.EVALUATE, null);

    InOrder order = inOrder(steps);
    order.verify(steps).reclassify(any());
    order.verify(steps).proposePanel(any());
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_PICK_PANEL);
    verify(clocks, times(2)).stop(any(), eq(SlaStage.SCREEN));
  }

  @Test
  void aSubmissionThatIsFeedbackInTruthBecomesAFeedbackItem() {
    ProcessInstance instance = submit();

    screen(instance, Screening.TO_FEEDBACK, "Nội dung là phản ánh về thủ tục hành chính.");

    verify(steps).toFeedback(any());
    verify(steps, never()).proposePanel(any());
    assertThat(instance).hasPassed(InitiativeSelection.END_TO_FEEDBACK).isEnded();
  }

  @Test
  void theStandingOfficeConfirmsOrEditsTheProposedPanel() {
    ProcessInstance instance = submit();
    screen(instance, Screening.EVALUATE, null);

    assertThat(task(InitiativeSelection.TASK_PICK_PANEL, instance))
        .hasCandidateGroup(InitiativeSelection.GROUP_STANDING_OFFICE);
    complete(
        task(InitiativeSelection.TASK_PICK_PANEL, instance),
        withVariables(Var.PANEL_TEXT, "chuyengia.an, chuyengia.binh"));

    verify(steps).confirmPanel(any());
    assertThat(instance)
        .hasPassed("ConfirmPanel")
        .variables()
        .containsEntry(Var.PANEL_TEXT, "chuyengia.an, chuyengia.binh");
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_DECLARE_CONFLICT);
  }

  @Test
  void screeningEndsTheStageWithItsPendingEscalations() {
    ProcessInstance instance = submit();
    moveClockBy(FixedSlaClocks.SUPERVISOR_AFTER);
    execute(timer(instance, "ScreeningOverdue"));
    execute(timer(instance, "ScreeningStillOpen"));

    screen(instance, Screening.EVALUATE, null);

    verify(clocks).stop(any(), eq(SlaStage.SCREEN));
    assertThat(timer(instance, "ScreeningWarningDue")).isNull();
    assertThat(taskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("ScreeningSupervise")
            .singleResult())
        .isNull();
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_PICK_PANEL);
  }
}
