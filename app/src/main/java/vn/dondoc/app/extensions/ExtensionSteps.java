package vn.dondoc.app.extensions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.dondoc.app.camunda.CaseKeys;
import vn.dondoc.app.extensions.ExtensionRepository.Extension;
import vn.dondoc.app.extensions.ExtensionRepository.Status;
import vn.dondoc.app.search.Outbox;
import vn.dondoc.app.tasks.TaskChanges;
import vn.dondoc.app.tasks.TaskDeadlineTimers;
import vn.dondoc.app.tasks.TaskNotices;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskRepository;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.DeadlineExtension.Decision;
import vn.dondoc.processes.DeadlineExtension.Var;

/** The extension request's side of its process (bean {@value DeadlineExtension.Steps#BEAN}). */
@Component(DeadlineExtension.Steps.BEAN)
class ExtensionSteps implements DeadlineExtension.Steps {

  private final ExtensionRepository extensions;
  private final TaskRepository tasks;
  private final TaskDeadlineTimers deadlines;
  private final TaskChanges changes;
  private final TaskNotices notices;
  private final Clock clock;
  private final Outbox outbox;

  ExtensionSteps(
      ExtensionRepository extensions,
      TaskRepository tasks,
      TaskDeadlineTimers deadlines,
      TaskChanges changes,
      TaskNotices notices,
      Clock clock,
      Outbox outbox) {
    this.outbox = outbox;
    this.extensions = extensions;
    this.tasks = tasks;
    this.deadlines = deadlines;
    this.changes = changes;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  public void apply(DelegateExecution execution) {
    Extension extension = extension(execution);
    LocalDate approved = Decision.APPROVE_OTHER_DATE.equals(execution.getVariable(Var.DECISION))
        ? LocalDate.parse(
            String.valueOf(execution.getVariable(Var.APPROVED_DEADLINE)).substring(0, 10))
        : extension.proposedDeadline();
    String actor = TaskChanges.actor(execution);
    // An approval has no note (its form hides decisionNote): the variable may still hold an earlier
    // round's question.
    String note = "";
    extensions.decide(extension.id(), Status.APPROVED, approved, note, actor, clock.instant());
    tasks.lock(extension.taskId());
    TaskRecord task = deadlines.extend(extension.taskId(), approved, extension.id(), actor);
    notices.toAgency(
        task,
        "EXTENSION_APPROVED",
        "notification.extension-approved",
        task.title(),
        DisplayDates.DAY.format(approved),
        DisplayDates.DAY.format(task.originalDeadline()));
    recorded(
        task,
        extension,
        "EXTENSION_APPROVED",
        actor,
        Map.of("deadline", approved.toString(), "note", note));
  }

  @Override
  public void reject(DelegateExecution execution) {
    Extension extension = extension(execution);
    String actor = TaskChanges.actor(execution);
    extensions.decide(
        extension.id(), Status.REJECTED, null, note(execution), actor, clock.instant());
    TaskRecord task = tasks.findById(extension.taskId()).orElseThrow();
    notices.toAgency(
        task,
        "EXTENSION_REJECTED",
        "notification.extension-rejected",
        task.title(),
        note(execution));
    recorded(task, extension, "EXTENSION_REJECTED", actor, Map.of("note", note(execution)));
  }

  @Override
  public void askForInfo(DelegateExecution execution) {
    Extension extension = extension(execution);
    extensions.setStatus(extension.id(), Status.INFO_REQUESTED);
    TaskRecord task = tasks.findById(extension.taskId()).orElseThrow();
    notices.toAgency(
        task,
        "EXTENSION_INFO_REQUESTED",
        "notification.extension-info-requested",
        task.title(),
        note(execution));
    recorded(
        task,
        extension,
        "EXTENSION_INFO_REQUESTED",
        TaskChanges.actor(execution),
        Map.of("note", note(execution)));
  }

  @Override
  public void recordInfo(DelegateExecution execution) {
    Extension extension = extension(execution);
    extensions.setStatus(extension.id(), Status.SUBMITTED);
    TaskRecord task = tasks.findById(extension.taskId()).orElseThrow();
    recorded(
        task,
        extension,
        "EXTENSION_INFO_PROVIDED",
        TaskChanges.actor(execution),
        Map.of("reply", String.valueOf(execution.getVariable(Var.INFO_REPLY))));
  }

  /** Every step changes the request and its task: both are recorded, and both go to search. */
  private void recorded(
      TaskRecord task,
      Extension extension,
      String action,
      String actor,
      Map<String, String> extra) {
    Map<String, Object> detail = new HashMap<>(extra);
    detail.put("extension", extension.caseCode());
    changes.recorded(task.id(), task.caseCode(), action, actor, detail);
    outbox.enqueue(ExtensionProjector.CASE_TYPE, extension.id());
  }

  private Extension extension(DelegateExecution execution) {
    return extensions.findByCaseCode(CaseKeys.caseCode(execution)).orElseThrow();
  }

  private static String note(DelegateExecution execution) {
    Object note = execution.getVariable(Var.DECISION_NOTE);
    return note == null ? "" : note.toString();
  }
}
