package vn.dondoc.processes.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.TaskLifecycle.Var;
import vn.dondoc.processes.sla.SlaStage;

/** Monthly progress reports: a report task each period, a reminder before it is due, a missed report when it is not. */
@Deployment(resources = {TaskLifecycle.RESOURCE, TaskLifecycleProcessTest.EVIDENCE_REVIEW_STUB})
class TaskProgressReportProcessTest extends TaskLifecycleProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

  @Test
  void aRecurringTaskOwingReportsGetsAReportTaskWhenThePeriodOpens() {
    ProcessInstance instance = acknowledged(true, true);

    assertThat(timer(instance, TaskLifecycle.TIMER_DEADLINE_APPROACHING))
        .as("recurring: no deadline watch")
        .isNull();
    assertThat(instance)
        .hasPassed("NoDeadline")
        .isWaitingAt(TaskLifecycle.TIMER_NEXT_REPORT_PERIOD, TaskLifecycle.TASK_REPORT_COMPLETION);
    assertThat(timer(instance, TaskLifecycle.TIMER_NEXT_REPORT_PERIOD).getDuedate())
        .isEqualTo(startOf(APRIL));

    moveClockTo(startOf(APRIL));
    assertThat(executeDueJobs(instance)).containsExactly(TaskLifecycle.TIMER_NEXT_REPORT_PERIOD);

    Task report = task(TaskLifecycle.TASK_REPORT_PROGRESS, instance);
    assertThat(report)
        .hasCandidateGroup("agencies/bca")
        .hasName("Báo cáo tiến độ tháng")
        .hasDueDate(startOf(APRIL.withDayOfMonth(11)));
    assertThat(taskService().getVariableLocal(report.getId(), Var.REPORT_PERIOD))
        .isEqualTo("2026-04");
    verify(reports).open(any());
    assertThat(timer(instance, TaskLifecycle.TIMER_REPORT_REMINDER).getDuedate())
        .isEqualTo(startOf(APRIL.withDayOfMonth(7)));
    assertThat(timer(instance, TaskLifecycle.TIMER_REPORT_MISSED).getDuedate())
        .isEqualTo(startOf(APRIL.withDayOfMonth(11)));
  }

  @Test
  void aSubmittedReportIsRecordedAndTheNextPeriodAwaited() {
    ProcessInstance instance = reportOpen();

    complete(
        task(TaskLifecycle.TASK_REPORT_PROGRESS, instance),
        withVariables(
            Var.PROGRESS_PERCENT, 40L, Var.PROGRESS_TEXT, "Đã kết nối 40/63 tỉnh, thành phố"));

    verify(reports).record(any());
    assertThat(instance)
        .isWaitingAt(TaskLifecycle.TIMER_NEXT_REPORT_PERIOD, TaskLifecycle.TASK_REPORT_COMPLETION);
    assertThat(timer(instance, TaskLifecycle.TIMER_NEXT_REPORT_PERIOD).getDuedate())
        .isEqualTo(startOf(APRIL.plusMonths(1)));
    assertThat(timer(instance, TaskLifecycle.TIMER_REPORT_REMINDER)).isNull();
    assertThat(timer(instance, TaskLifecycle.TIMER_REPORT_MISSED)).isNull();
    verify(reports, never()).recordMissed(any());
  }

  @Test
  void theReminderLeavesTheReportOpen() {
    ProcessInstance instance = reportOpen();

    moveClockTo(startOf(APRIL.withDayOfMonth(7)));
    assertThat(executeDueJobs(instance)).containsExactly(TaskLifecycle.TIMER_REPORT_REMINDER);

    verify(reports).remind(any());
    assertThat(instance)
        .hasPassed("RemindProgressReport", "ProgressReportReminded")
        .isWaitingAt(TaskLifecycle.TASK_REPORT_PROGRESS);
    assertThat(timer(instance, TaskLifecycle.TIMER_REPORT_REMINDER))
        .as("a reminder fires once")
        .isNull();
    assertThat(timer(instance, TaskLifecycle.TIMER_REPORT_MISSED)).isNotNull();
  }

  @Test
  void aMissedReportIsRecordedAndTheNextPeriodAwaited() {
    ProcessInstance instance = reportOpen();
    moveClockTo(startOf(APRIL.withDayOfMonth(7)));
    executeDueJobs(instance);

    moveClockTo(startOf(APRIL.withDayOfMonth(11)));
    assertThat(executeDueJobs(instance)).containsExactly(TaskLifecycle.TIMER_REPORT_MISSED);

    verify(reports).recordMissed(any());
    verify(reports, never()).record(any());
    assertThat(instance)
        .hasPassed("RecordMissedReport")
        .isWaitingAt(TaskLifecycle.TIMER_NEXT_REPORT_PERIOD, TaskLifecycle.TASK_REPORT_COMPLETION);
    assertThat(task(TaskLifecycle.TASK_REPORT_PROGRESS, instance))
        .as("the missed report's task is closed")
        .isNull();
    assertThat(timer(instance, TaskLifecycle.TIMER_NEXT_REPORT_PERIOD).getDuedate())
        .isEqualTo(startOf(APRIL.plusMonths(1)));

    moveClockTo(startOf(APRIL.plusMonths(1)));
    executeDueJobs(instance);
    assertThat(taskService()
            .getVariableLocal(
                task(TaskLifecycle.TASK_REPORT_PROGRESS, instance).getId(), Var.REPORT_PERIOD))
        .isEqualTo("2026-05");
    verify(reports, times(2)).open(any());
  }

  @Test
  void aTaskThatOwesNoReportsHasNoReportTimer() {
    ProcessInstance instance = acknowledged(false, false);

    assertThat(instance).hasPassed("NoProgressReports");
    assertThat(timer(instance, TaskLifecycle.TIMER_NEXT_REPORT_PERIOD)).isNull();
    verify(reports, never()).nextPeriodAt(any());
  }

  /** A recurring task with monthly reports, the April report open. */
  private ProcessInstance reportOpen() {
    ProcessInstance instance = acknowledged(true, true);
    moveClockTo(startOf(APRIL));
    execute(timer(instance, TaskLifecycle.TIMER_NEXT_REPORT_PERIOD));
    assertThat(instance).isWaitingAt(TaskLifecycle.TASK_REPORT_PROGRESS);
    return instance;
  }

  @Test
  void acknowledgingEndsTheStagesClockAndItsPendingEscalations() {
    ProcessInstance instance = issue();
    moveClockBy(Duration.ofDays(6));
    execute(timer(instance, "AcknowledgementOverdue"));
    execute(timer(instance, "AcknowledgementStillOpen"));

    acknowledge(instance);

    verify(clocksSpy).stop(any(), eq(SlaStage.ACKNOWLEDGE));
    assertThat(timer(instance, "AcknowledgementWarningDue")).isNull();
    assertThat(taskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("AcknowledgementSupervise")
            .count())
        .isZero();
    assertThat(instance)
        .hasPassed("AcknowledgementStage")
        .isWaitingAt(TaskLifecycle.TASK_REPORT_COMPLETION);
  }
}
