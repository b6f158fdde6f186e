package vn.dondoc.app.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.TaskLifecycle.Var;

/** The task record's side of the lifecycle (bean {@value TaskLifecycle.Steps#BEAN}). */
@Component(TaskLifecycle.Steps.BEAN)
class TaskSteps implements TaskLifecycle.Steps {

  private final TaskRepository tasks;
  private final CompletionEvidence evidence;
  private final TaskChanges changes;
  private final TaskNotices notices;
  private final TaskProperties properties;
  private final Clock clock;

  TaskSteps(
      TaskRepository tasks,
      CompletionEvidence evidence,
      TaskChanges changes,
      TaskNotices notices,
      TaskProperties properties,
      Clock clock) {
    this.tasks = tasks;
    this.evidence = evidence;
    this.changes = changes;
    this.notices = notices;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void acknowledge(DelegateExecution execution) {
    tasks.acknowledge(changes.taskId(execution), clock.instant());
    Object note = execution.getVariable(Var.ACKNOWLEDGE_NOTE);
    changes.recorded(
        execution, "TASK_ACKNOWLEDGED", note == null ? Map.of() : Map.of("note", note));
  }

  /** Tasklist cannot upload files: completion goes through our API, which stores the submission first. */
  @Override
  public void checkSubmission(DelegateTask task) {
    Object submissionId = task.getVariable(Var.SUBMISSION_ID);
    long taskId = changes.taskId(task);
    boolean fresh =
        submissionId instanceof Number id && evidence.awaitsReview(id.longValue(), taskId);
    if (!fresh) {
      throw new BadUserRequestException(
          "Báo cáo hoàn thành cần nộp kèm minh chứng tại trang nhiệm vụ "
              + task.getVariable(Var.CASE_CODE)
              + " (POST /api/v1/tasks/{caseCode}/completion). / Report completion with"
              + " evidence on the task's page.");
    }
  }

  @Override
  public void complete(DelegateExecution execution) {
    long taskId = changes.taskId(execution);
    // The variable names the submission; the database says whether it is this task's and accepted.
    long submissionId = ((Number) execution.getVariable(Var.SUBMISSION_ID)).longValue();
    Instant submittedAt = evidence
        .acceptedSubmittedAt(submissionId, taskId)
        .orElseThrow(() -> new IllegalStateException("no accepted submission of task " + taskId));
    Instant verifiedAt = clock.instant();
    Instant counted = properties.completionDate() == TaskProperties.CompletionDate.VERIFIED
        ? verifiedAt
        : submittedAt;
    LocalDate completedOn = LocalDate.ofInstant(counted, HanoiTime.ZONE);
    tasks.complete(taskId, submittedAt, verifiedAt, completedOn);
    TaskRecord task = tasks.findById(taskId).orElseThrow();
    notices.toAgency(
        task,
        "TASK_COMPLETED",
        "notification.task-completed",
        task.title(),
        DisplayDates.DAY.format(completedOn));
    changes.recorded(
        execution,
        "TASK_COMPLETED",
        Map.of("submissionId", submissionId, "completedOn", completedOn.toString()));
  }

  @Override
  public void reopen(DelegateExecution execution) {
    long taskId = changes.taskId(execution);
    tasks.setStatus(taskId, TaskStatus.IN_PROGRESS);
    TaskRecord task = tasks.findById(taskId).orElseThrow();
    String outcome = (String) execution.getVariable(EvidenceReview.Var.REVIEW_OUTCOME);
    String note = (String) execution.getVariable(EvidenceReview.Var.REVIEW_NOTE);
    notices.toAgency(
        task,
        "TASK_EVIDENCE_" + outcome.toUpperCase(),
        "notification.task-evidence-" + outcome,
        task.title(),
        note == null ? "" : note);
    Map<String, Object> detail = new HashMap<>();
    detail.put("outcome", outcome);
    detail.put("note", note);
    changes.recorded(execution, "TASK_EVIDENCE_" + outcome.toUpperCase(), detail);
  }

  @Override
  public void withdraw(DelegateExecution execution) {
    tasks.setStatus(changes.taskId(execution), TaskStatus.WITHDRAWN);
    Object reason = execution.getVariable(Var.WITHDRAW_REASON);
    changes.recorded(
        execution, "TASK_WITHDRAWN", reason == null ? Map.of() : Map.of("reason", reason));
  }
}
