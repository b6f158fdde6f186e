package vn.dondoc.app.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.cases.CaseCodes;
import vn.dondoc.app.time.DeadlineParser;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.TaskLifecycle.Var;

/**
 * Checks and issues tasks: each is stored with its first deadline version and starts its
 * {@code task-lifecycle} process in the same transaction, so a task exists exactly when its process does.
 */
@Service
public class TaskIssuing {

  public static final String CASE_PREFIX = "NV";
  private static final int MAX_CONTENT = 8000;

  private final TaskRepository tasks;
  private final TaskChanges changes;
  private final CaseCodes caseCodes;
  private final ReferenceData referenceData;
  private final RuntimeService runtime;
  private final Clock clock;

  TaskIssuing(
      TaskRepository tasks,
      TaskChanges changes,
      CaseCodes caseCodes,
      ReferenceData referenceData,
      RuntimeService runtime,
      Clock clock) {
    this.tasks = tasks;
    this.changes = changes;
    this.caseCodes = caseCodes;
    this.referenceData = referenceData;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** A spec that passed the checks: the deadline resolved, the task code final. */
  public record CheckedTask(
      TaskSpec spec, String taskCode, boolean recurring, LocalDate deadline) {}

  /**
   * Checks every spec before anything is stored; the first problem is refused naming its field, e.g.
   * {@code tasks[3].leadAgency}. {@code codePrefix} is the directive's symbol: task codes are unique
   * across directives and within the request.
   */
  public List<CheckedTask> check(List<TaskSpec> specs, String codePrefix, String fieldPrefix) {
    return check(specs, codePrefix, fieldPrefix, false);
  }

  /**
   * As {@link #check(List, String, String)}; with {@code pastDeadlinesAllowed} for directives issued before
   * they were entered here (taken over from spreadsheets, or demo data): their deadlines may have passed.
   */
  public List<CheckedTask> check(
      List<TaskSpec> specs, String codePrefix, String fieldPrefix, boolean pastDeadlinesAllowed) {
    Set<String> codes = new HashSet<>();
    List<CheckedTask> checked = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i) == null) {
        throw new InvalidFieldException(fieldPrefix + "[" + i + "]", "validation.required");
      }
      checked.add(check(
          specs.get(i), codePrefix, fieldPrefix + "[" + i + "].", codes, pastDeadlinesAllowed));
    }
    return checked;
  }

  /** Checks one task that has no directive (made of a feedback item); its code is the spec's code as given. */
  public CheckedTask checkOne(TaskSpec spec) {
    return check(spec, null, "", new HashSet<>(), false);
  }

  private CheckedTask check(
      TaskSpec spec,
      String codePrefix,
      String at,
      Set<String> codes,
      boolean pastDeadlinesAllowed) {
    LocalDate today = LocalDate.now(clock.withZone(HanoiTime.ZONE));
    String code = Inputs.text(spec.code(), at + "code", 60);
    String taskCode = codePrefix == null ? code : codePrefix + "/" + code;
    if (!codes.add(taskCode) || tasks.taskCodeExists(taskCode)) {
      throw new InvalidFieldException(at + "code", "validation.task.code-taken", taskCode);
    }
    Inputs.text(spec.content(), at + "content", MAX_CONTENT);
    if (spec.field() == null) {
      throw new InvalidFieldException(at + "field", "validation.required");
    }
    if (spec.evidenceLevel() == null) {
      throw new InvalidFieldException(at + "evidenceLevel", "validation.required");
    }
    knownAgency(spec.leadAgency(), at + "leadAgency");
    List<String> cooperating =
        spec.cooperatingAgencies() == null ? List.of() : spec.cooperatingAgencies();
    for (int j = 0; j < cooperating.size(); j++) {
      knownAgency(cooperating.get(j), at + "cooperatingAgencies[" + j + "]");
      if (cooperating.get(j).equals(spec.leadAgency())
          || cooperating.indexOf(cooperating.get(j)) != j) {
        throw new InvalidFieldException(
            at + "cooperatingAgencies[" + j + "]", "validation.task.cooperating-repeated");
      }
    }
    boolean recurring = Boolean.TRUE.equals(spec.recurring());
    LocalDate deadline = spec.deadline();
    if (recurring) {
      if (deadline != null) {
        throw new InvalidFieldException(at + "deadline", "validation.task.recurring-with-deadline");
      }
      return new CheckedTask(spec, taskCode, true, null);
    }
    if (deadline == null && spec.deadlineText() != null && !spec.deadlineText().isBlank()) {
      DeadlineParser.Deadline read = DeadlineParser.parse(spec.deadlineText());
      if (!read.recognised() || read.dueDate() == null) {
        throw new InvalidFieldException(at + "deadlineText", "validation.task.deadline-unreadable");
      }
      deadline = read.dueDate();
    }
    if (deadline == null) {
      throw new InvalidFieldException(at + "deadline", "validation.task.deadline-required");
    }
    if (deadline.isBefore(today) && !pastDeadlinesAllowed) {
      throw new InvalidFieldException(
          at + "deadline", "validation.task.deadline-past", DisplayDates.DAY.format(today));
    }
    return new CheckedTask(spec, taskCode, false, deadline);
  }

  /** Stores one checked task and starts its process; the caller's transaction covers both. */
  @Transactional
  public TaskRecord issue(CheckedTask task, Long directiveId, Long sourceFeedbackId, String actor) {
    TaskSpec spec = task.spec();
    String caseCode = caseCodes.next(CASE_PREFIX);
    List<String> cooperating =
        spec.cooperatingAgencies() == null ? List.of() : List.copyOf(spec.cooperatingAgencies());
    boolean reportsMonthly =
        spec.reportsMonthly() == null ? task.recurring() : spec.reportsMonthly();
    long id = tasks.insert(new TaskRepository.NewTask(
        caseCode,
        task.taskCode(),
        directiveId,
        sourceFeedbackId,
        Inputs.optional(spec.section()),
        spec.field(),
        spec.content().strip(),
        task.recurring(),
        reportsMonthly,
        spec.leadAgency(),
        cooperating,
        Inputs.optional(spec.deadlineText()),
        task.deadline(),
        Inputs.optional(spec.expectedProduct()),
        spec.evidenceLevel(),
        actor,
        clock.instant()));
    TaskRecord stored = tasks.findById(id).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.TASK_ID, id);
    variables.put(Var.CASE_CODE, caseCode);
    variables.put(Var.TASK_CODE, task.taskCode());
    variables.put(Var.TITLE, stored.title());
    variables.put(Var.LEAD_AGENCY, spec.leadAgency());
    variables.put(Var.RECURRING, task.recurring());
    variables.put(Var.REPORTS_MONTHLY, reportsMonthly);
    variables.put(
        Var.DEADLINE_LABEL,
        task.deadline() == null ? "Thường xuyên" : DisplayDates.DAY.format(task.deadline()));
    variables.put(Var.EVIDENCE_LEVEL, spec.evidenceLevel().code());
    variables.put(Var.FIELD, spec.field().code());
    String processInstanceId = runtime
        .startProcessInstanceByKey(TaskLifecycle.PROCESS_KEY, caseCode, variables)
        .getId();
    tasks.setProcessInstance(id, processInstanceId);
    changes.recorded(
        id,
        caseCode,
        "TASK_ISSUED",
        actor,
        Map.of("taskCode", task.taskCode(), "leadAgency", spec.leadAgency()));
    return tasks.findById(id).orElseThrow();
  }

  private void knownAgency(String code, String field) {
    if (code == null || code.isBlank()) {
      throw new InvalidFieldException(field, "validation.required");
    }
    if (!referenceData.agencyExists(code)) {
      throw new InvalidFieldException(field, "validation.agency.unknown", code);
    }
  }
}
