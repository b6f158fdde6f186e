package vn.dondoc.app.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.cases.Labels;
import vn.dondoc.app.cases.Labels.Labelled;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.TaskLifecycle.Var;

/**
 * Tasks for the people working on them: lists and details within the caller's scope, and the lead
 * agency's steps (acknowledge, report progress). Each step completes the same user task Tasklist shows.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

  private static final int MAX_PAGE = 200;

  private final TaskRepository repository;
  private final Tasks tasks;
  private final ProgressReports reports;
  private final UserTasks userTasks;
  private final RuntimeService runtime;
  private final ReferenceData referenceData;
  private final Labels labels;
  private final TaskProperties properties;
  private final TaskWork work;
  private final Clock clock;

  TaskController(
      TaskRepository repository,
      Tasks tasks,
      ProgressReports reports,
      UserTasks userTasks,
      RuntimeService runtime,
      ReferenceData referenceData,
      Labels labels,
      TaskProperties properties,
      TaskWork work,
      Clock clock) {
    this.work = work;
    this.repository = repository;
    this.tasks = tasks;
    this.reports = reports;
    this.userTasks = userTasks;
    this.runtime = runtime;
    this.referenceData = referenceData;
    this.labels = labels;
    this.properties = properties;
    this.clock = clock;
  }

  record AgencyView(String code, String name) {}

  record TaskItem(
      String caseCode,
      String taskCode,
      String title,
      String directive,
      AgencyView leadAgency,
      List<AgencyView> cooperatingAgencies,
      boolean recurring,
      LocalDate originalDeadline,
      LocalDate currentDeadline,
      Labelled status,
      Labelled timeliness) {}

  /** @param sourceFeedback the feedback item (PAKN) the task was made of, if any */
  record TaskDetail(
      TaskItem summary,
      String sourceFeedback,
      String content,
      String section,
      Labelled field,
      String deadlineText,
      String expectedProduct,
      Labelled evidenceLevel,
      boolean reportsMonthly,
      Instant acknowledgedAt,
      Instant completionReportedAt,
      Instant completionVerifiedAt,
      LocalDate completedOn,
      int missedReports,
      List<TaskRepository.DeadlineVersion> deadlineVersions,
      List<ProgressReports.Report> progressReports,
      List<String> waitingAt) {}

  @GetMapping
  List<TaskItem> list(
      @RequestParam(required = false) String directive,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String section,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication caller) {
    if (size < 1 || size > MAX_PAGE) {
      throw new InvalidFieldException("size", "validation.range", 1, MAX_PAGE);
    }
    if (page < 0) {
      throw new InvalidFieldException("page", "validation.range", 0, Integer.MAX_VALUE);
    }
    TaskStatus wanted;
    try {
      wanted = status == null ? null : TaskStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("status", "validation.value.invalid");
    }
    return repository
        .find(
            new TaskFilter(directive, agency, section, wanted),
            TaskScope.of(caller).agencies(),
            size,
            page * size)
        .stream()
        .map(this::item)
        .toList();
  }

  @GetMapping("/{caseCode}")
  TaskDetail detail(@PathVariable String caseCode, Authentication caller) {
    TaskRecord task = tasks.visible(caseCode, caller);
    List<String> waitingAt = task.processInstanceId() == null || !task.status().isOpen()
        ? List.of()
        : userTasks.openNames(caseCode);
    return new TaskDetail(
        item(task),
        task.sourceFeedbackCode(),
        task.content(),
        task.section(),
        labels.of(task.field()),
        task.deadlineText(),
        task.expectedProduct(),
        labels.of(task.evidenceLevel()),
        task.reportsMonthly(),
        task.acknowledgedAt(),
        task.completionReportedAt(),
        task.completionVerifiedAt(),
        task.completedOn(),
        task.missedReports(),
        repository.deadlineVersions(task.id()),
        reports.forTask(task.id()),
        waitingAt);
  }

  record Note(String note) {}

  /** Acknowledges the task: the body holds the fields of its form, task-acknowledge ({@code acknowledgeNote}). */
  @PostMapping("/{caseCode}/acknowledge")
  @Transactional
  TaskDetail acknowledge(
      @PathVariable String caseCode,
      @RequestBody(required = false) Map<String, Object> body,
      Authentication caller) {
    work.acknowledge(caseCode, body == null ? Map.of() : body, caller);
    return detail(caseCode, caller);
  }

  /**
   * The month's report, the fields of its form task-progress-report ({@code progressPercent}, {@code progressText}):
   * completes an open ReportProgress, or records one for the current month.
   */
  @PostMapping("/{caseCode}/progress")
  @Transactional
  TaskDetail reportProgress(
      @PathVariable String caseCode, @RequestBody Map<String, Object> body, Authentication caller) {
    work.reportProgress(caseCode, body, caller);
    return detail(caseCode, caller);
  }

  /** The standing office withdraws a task (cancelled, replaced by a new catalogue, merged). */
  @PostMapping("/{caseCode}/withdraw")
  @Transactional
  TaskDetail withdraw(
      @PathVariable String caseCode, @RequestBody Note body, Authentication caller) {
    TaskRecord task = tasks.visible(caseCode, caller);
    if (caller.getAuthorities().stream()
        .noneMatch(a -> a.getAuthority().equals("ROLE_" + Roles.STANDING_OFFICE))) {
      throw new ForbiddenException("forbidden.task.withdraw");
    }
    if (!task.status().isOpen()) {
      throw new ConflictException("conflict.task.closed");
    }
    String reason = Inputs.text(body == null ? null : body.note(), "note", 2000);
    runtime
        .createMessageCorrelation(TaskLifecycle.MESSAGE_WITHDRAWN)
        .processInstanceBusinessKey(caseCode)
        .setVariable(Var.WITHDRAW_REASON, reason)
        .correlate();
    return detail(caseCode, caller);
  }

  private TaskItem item(TaskRecord task) {
    LocalDate today = LocalDate.now(clock.withZone(HanoiTime.ZONE));
    return new TaskItem(
        task.caseCode(),
        task.taskCode(),
        task.title(),
        task.directiveSymbol(),
        agency(task.leadAgency()),
        task.cooperatingAgencies().stream().map(this::agency).toList(),
        task.recurring(),
        task.originalDeadline(),
        task.currentDeadline(),
        labels.of(task.status()),
        labels.of(task.timelinessOn(today, properties.nearDueDays())));
  }

  private AgencyView agency(String code) {
    return new AgencyView(code, referenceData.agencyName(code).orElse(code));
  }
}
