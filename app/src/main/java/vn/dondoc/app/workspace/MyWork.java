package vn.dondoc.app.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dondoc.app.notifications.CaseNotices;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.TaskLifecycle;

/**
 * "Việc của tôi": the user tasks a person may work on (assigned to them, offered to them by name, or
 * to one of their groups: their agency, their role), earliest due first, with what a person needs to
 * choose the next one. The engine is asked as the application, and the caller's own identity decides
 * the query, so nobody sees another group's work.
 */
@Component
public class MyWork {

  /** Steps due within this much working time are "near due". */
  static final Duration NEAR_DUE = Duration.ofDays(2);

  private static final Set<String> AGENCY_TASK_STEPS = Set.of(
      TaskLifecycle.TASK_ACKNOWLEDGE,
      TaskLifecycle.TASK_REPORT_PROGRESS,
      TaskLifecycle.TASK_REPORT_COMPLETION);

  /** The steps at which a case's standing notice ({@link CaseNotices}) is the step's business: they get its badge. */
  private static final Map<CaseNotices.Kind, Set<String>> NOTICE_STEPS = Map.of(
      CaseNotices.Kind.EVIDENCE_RETURNED, Set.of(TaskLifecycle.TASK_REPORT_COMPLETION),
      CaseNotices.Kind.EXTENSION_QUESTION, Set.of(DeadlineExtension.TASK_PROVIDE_INFO),
      CaseNotices.Kind.EXTENSION_APPROVED, AGENCY_TASK_STEPS,
      CaseNotices.Kind.EXTENSION_REJECTED, AGENCY_TASK_STEPS,
      CaseNotices.Kind.ANSWER_SENT_BACK, Set.of(FeedbackHandling.TASK_DRAFT_ANSWER),
      CaseNotices.Kind.FEEDBACK_RETURNED, Set.of(FeedbackHandling.TASK_CLASSIFY),
      CaseNotices.Kind.INITIATIVE_RETURNED, Set.of(InitiativeSelection.TASK_COMPLETE_SUBMISSION));

  /** The variable naming the agency a process's steps are for. */
  private static final Map<String, String> AGENCY_VARIABLES = Map.of(
      TaskLifecycle.PROCESS_KEY, TaskLifecycle.Var.LEAD_AGENCY,
      EvidenceReview.PROCESS_KEY, EvidenceReview.Var.LEAD_AGENCY,
      DeadlineExtension.PROCESS_KEY, DeadlineExtension.Var.LEAD_AGENCY,
      FeedbackHandling.PROCESS_KEY, FeedbackHandling.Var.HANDLING_AGENCY);

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final WorkingCalendar calendar;
  private final CaseLabels labels;
  private final StepPages pages;
  private final MessageSource messages;
  private final Clock clock;
  private final CaseNotices notices;

  MyWork(
      TaskService tasks,
      RuntimeService runtime,
      RepositoryService repository,
      WorkingCalendar calendar,
      CaseLabels labels,
      StepPages pages,
      MessageSource messages,
      Clock clock,
      CaseNotices notices) {
    this.notices = notices;
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.calendar = calendar;
    this.labels = labels;
    this.pages = pages;
    this.messages = messages;
    this.clock = clock;
  }

  /** What the list is narrowed to: a step (task definition key) and a case type (process key); null for all. */
  public record Filter(String step, String process) {}

  public record Page(List<WorkItem> items, long total, int page, int size) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /** A step of the models, for the filter. */
  public record Step(String key, String name, String process) {}

  public Page list(Caller caller, Filter filter, int page, int size) {
    if (caller.username() == null) {
      return new Page(List.of(), 0, 0, size);
    }
    TaskQuery query = query(caller);
    if (filter.step() != null && !filter.step().isBlank()) {
      query.taskDefinitionKey(filter.step());
    }
    if (filter.process() != null && !filter.process().isBlank()) {
      query.processDefinitionKey(filter.process());
    }
    long total = query.count();
    List<Task> found =
        query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(page * size, size);
    return new Page(items(caller, found), total, page, size);
  }

  /** How many steps wait for the caller (the count in the navigation). */
  public long count(Caller caller) {
    return caller.username() == null ? 0 : query(caller).count();
  }

  /** The caller's open step with this id, if they may work on it. */
  public Optional<Task> find(Caller caller, String taskId) {
    if (caller.username() == null || taskId == null || taskId.length() > 64) {
      return Optional.empty();
    }
    return Optional.ofNullable(query(caller).taskId(taskId).initializeFormKeys().singleResult());
  }

  /** Every user task of the deployed models, for the step filter. */
  public List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    for (ProcessDefinition definition : repository
        .createProcessDefinitionQuery()
        .latestVersion()
        .orderByProcessDefinitionKey()
        .asc()
        .list()) {
      for (UserTask task : repository
          .getBpmnModelInstance(definition.getId())
          .getModelElementsByType(UserTask.class)) {
        steps.add(new Step(task.getId(), task.getName(), definition.getKey()));
      }
    }
    steps.sort(Comparator.comparing(Step::name));
    return steps;
  }

  private TaskQuery query(Caller caller) {
    TaskQuery anyOf = tasks
        .createTaskQuery()
        .active()
        .or()
        .taskAssignee(caller.username())
        .taskCandidateUser(caller.username());
    if (!caller.groups().isEmpty()) {
      anyOf.taskCandidateGroupIn(caller.groups());
    }
    return anyOf.includeAssignedTasks().endOr();
  }

  List<WorkItem> items(Caller caller, List<Task> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    Set<String> instanceIds =
        found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> businessKeys =
        runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
            .collect(Collectors.toMap(
                ProcessInstance::getId, p -> p.getBusinessKey() == null ? "" : p.getBusinessKey()));
    Map<String, Map<String, Object>> variables = new HashMap<>();
    List<String> names = new ArrayList<>(List.of(FeedbackHandling.Var.TITLE));
    names.addAll(AGENCY_VARIABLES.values());
    for (VariableInstance v : runtime
        .createVariableInstanceQuery()
        .processInstanceIdIn(instanceIds.toArray(String[]::new))
        .variableNameIn(names.stream().distinct().toArray(String[]::new))
        .disableCustomObjectDeserialization()
        .list()) {
      // process-level variables only: a step's local copy of a decision is not the case's state
      if (v.getExecutionId().equals(v.getProcessInstanceId())) {
        variables
            .computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
            .put(v.getName(), v.getValue());
      }
    }
    Map<String, String> processKeys = repository
        .createProcessDefinitionQuery()
        .processDefinitionIdIn(
            found.stream().map(Task::getProcessDefinitionId).distinct().toArray(String[]::new))
        .list()
        .stream()
        .collect(Collectors.toMap(ProcessDefinition::getId, ProcessDefinition::getKey));
    Map<String, CaseNotices.Notice> standing = notices.of(
        businessKeys.values().stream().filter(code -> !code.isEmpty()).collect(Collectors.toSet()));
    Instant now = clock.instant();
    List<WorkItem> items = new ArrayList<>();
    for (Task task : found) {
      Map<String, Object> vars = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
      String processKey = processKeys.get(task.getProcessDefinitionId());
      String code = businessKeys.getOrDefault(task.getProcessInstanceId(), "");
      Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      CaseNotices.Notice notice = standing.get(code);
      boolean returned =
          notice != null && NOTICE_STEPS.get(notice.kind()).contains(task.getTaskDefinitionKey());
      Object agency = AGENCY_VARIABLES.containsKey(processKey)
          ? vars.get(AGENCY_VARIABLES.get(processKey))
          : null;
      items.add(new WorkItem(
          task.getId(),
          task.getTaskDefinitionKey(),
          task.getName(),
          caseType(processKey),
          code,
          text(vars.get(FeedbackHandling.Var.TITLE)),
          agency == null ? null : labels.agency(agency.toString()),
          due,
          labels.dueDay(due),
          countdown(due, now),
          due != null
              && !due.isBefore(now)
              && calendar.workingTimeBetween(now, due).compareTo(NEAR_DUE) <= 0,
          due != null && due.isBefore(now),
          returned,
          returned ? notice.note() : null,
          returned ? notice.kind().name() : null,
          task.getAssignee(),
          caller.username().equals(task.getAssignee()),
          pages.href(task.getTaskDefinitionKey(), task.getId(), code)));
    }
    return items;
  }

  /** "còn 3 ngày làm việc", "hạn chót hôm nay", "quá hạn 2 ngày làm việc". */
  String countdown(Instant due, Instant now) {
    if (due == null) {
      return null;
    }
    boolean late = due.isBefore(now);
    Duration working =
        late ? calendar.workingTimeBetween(due, now) : calendar.workingTimeBetween(now, due);
    long days = (working.toHours() + 23) / 24;
    if (days == 0) {
      return message(late ? "work.due.overdue-today" : "work.due.today");
    }
    return message(late ? "work.due.overdue" : "work.due.left", days);
  }

  private String caseType(String processKey) {
    return message("work.process." + processKey);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
  }
}
