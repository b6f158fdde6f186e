package vn.dondoc.app.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dondoc.app.attachments.AttachmentRef;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.evidence.EvidenceKind;
import vn.dondoc.app.evidence.EvidenceRepository;
import vn.dondoc.app.evidence.EvidenceService;
import vn.dondoc.app.extensions.ExtensionReason;
import vn.dondoc.app.extensions.ExtensionRepository;
import vn.dondoc.app.extensions.ExtensionService;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.notifications.NoticeBanner;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.tasks.EvidenceLevel;
import vn.dondoc.app.tasks.ProgressReports;
import vn.dondoc.app.tasks.TaskFilter;
import vn.dondoc.app.tasks.TaskPageFiles;
import vn.dondoc.app.tasks.TaskProperties;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskRepository;
import vn.dondoc.app.tasks.TaskScope;
import vn.dondoc.app.tasks.TaskStatus;
import vn.dondoc.app.tasks.Tasks;
import vn.dondoc.app.tasks.Timeliness;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.processes.TaskLifecycle;

/**
 * The agency workspace for tasks: the tasks the caller's agencies lead or co-operate on (the API's
 * scope), and a task's page with what has happened on it and the lead agency's steps, each offered only
 * when the task's state lets the services take it. The steps are posted to {@link TaskPageActions}.
 */
@Controller
@StaffPage
class TaskPages {

  static final String LIST = "/lam-viec/nhiem-vu";
  private static final int PAGE_SIZE = 50;

  private final TaskRepository repository;
  private final Tasks tasks;
  private final ProgressReports reports;
  private final EvidenceRepository evidence;
  private final AttachmentService attachments;
  private final ExtensionRepository extensions;
  private final UserTasks userTasks;
  private final TaskProperties properties;
  private final CaseLabels labels;
  private final StaffForms forms;
  private final StepForms stepForms;
  private final Clock clock;
  private final NoticeBanner banners;

  TaskPages(
      TaskRepository repository,
      Tasks tasks,
      ProgressReports reports,
      EvidenceRepository evidence,
      AttachmentService attachments,
      ExtensionRepository extensions,
      UserTasks userTasks,
      TaskProperties properties,
      CaseLabels labels,
      StaffForms forms,
      StepForms stepForms,
      Clock clock,
      NoticeBanner banners) {
    this.banners = banners;
    this.repository = repository;
    this.tasks = tasks;
    this.reports = reports;
    this.evidence = evidence;
    this.attachments = attachments;
    this.extensions = extensions;
    this.userTasks = userTasks;
    this.properties = properties;
    this.labels = labels;
    this.forms = forms;
    this.stepForms = stepForms;
    this.clock = clock;
  }

  /**
   * A task as the list and the page show it. {@code days}: calendar days to or past the original deadline,
   * which is what the timeliness label and the overdue list reckon with (an extension never makes a late
   * task on time); null for recurring and completed tasks. {@code headerDays}: the same, as the task page's
   * header reads it after the timeliness badge ("Quá hạn" then "12 ngày", not "quá hạn 12 ngày" a second time).
   */
  record Row(
      TaskRecord task,
      boolean lead,
      String deadline,
      String originalDeadline,
      boolean extended,
      Timeliness timeliness,
      String timelinessLabel,
      String days,
      String statusLabel,
      String headerDays) {}

  /** The list's sort orders, as the URL names them. */
  enum Sort {
    DEADLINE("deadline"),
    DEADLINE_DESC("-deadline");

    final String parameter;

    Sort(String parameter) {
      this.parameter = parameter;
    }

    static Sort of(String parameter) {
      return Arrays.stream(values())
          .filter(s -> s.parameter.equals(parameter))
          .findFirst()
          .orElse(DEADLINE);
    }
  }

  @GetMapping(value = LIST, produces = "text/html")
  String list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String timeliness,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String directive,
      @RequestParam(name = "trang", required = false) String page,
      Model model,
      Authentication caller) {
    TaskStatus wantedStatus = parse(TaskStatus.class, status);
    Timeliness wantedTimeliness = parse(Timeliness.class, timeliness);
    Sort order = Sort.of(sort);
    TaskScope scope = TaskScope.of(caller);
    List<String> directives = repository.directiveSymbols(scope.agencies());
    String wantedDirective = directives.contains(directive) ? directive : null;
    TaskRepository.ListQuery query = new TaskRepository.ListQuery(
        new TaskFilter(wantedDirective, null, null, wantedStatus),
        scope.agencies(),
        wantedTimeliness,
        LocalDate.now(clock.withZone(HanoiTime.ZONE)),
        properties.nearDueDays(),
        order == Sort.DEADLINE_DESC);
    long total = repository.count(query);
    int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(pageNumber(page), pages);
    List<Row> rows = repository.page(query, PAGE_SIZE, (current - 1) * PAGE_SIZE).stream()
        .map(task -> row(task, scope))
        .toList();
    model.addAttribute("page", "tasks");
    model.addAttribute("rows", rows);
    model.addAttribute("total", total);
    model.addAttribute("pageNumber", current);
    model.addAttribute("pages", pages);
    model.addAttribute(
        "statuses",
        Arrays.stream(TaskStatus.values())
            .filter(s -> s != TaskStatus.WITHDRAWN)
            .toList());
    model.addAttribute("timelinessValues", Timeliness.values());
    model.addAttribute("status", wantedStatus == null ? "" : wantedStatus.name());
    model.addAttribute("timeliness", wantedTimeliness == null ? "" : wantedTimeliness.name());
    model.addAttribute("sort", order.parameter);
    model.addAttribute("directives", directives);
    model.addAttribute("directive", wantedDirective == null ? "" : wantedDirective);
    return "staff/tasks";
  }

  /** The page asked for, from 1; anything else is the first. */
  private static int pageNumber(String page) {
    try {
      return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** What the lead agency may do now: the same conditions under which the services accept the step. */
  record Actions(boolean acknowledge, boolean progress, boolean completion, boolean extension) {
    public boolean any() {
      return acknowledge || progress || completion || extension;
    }
  }

  record Submission(
      EvidenceRepository.Submission submission,
      List<EvidenceRepository.Item> items,
      List<AttachmentRef> files) {

    /** An item's files, in the order they were sent. */
    public List<AttachmentRef> filesOf(EvidenceRepository.Item item) {
      return item.attachmentIds().stream()
          .flatMap(id -> files.stream().filter(file -> file.id().equals(id)))
          .toList();
    }
  }

  @GetMapping(value = LIST + "/{caseCode}", produces = "text/html")
  String task(@PathVariable String caseCode, Model model, Authentication caller) {
    TaskRecord task = tasks.visible(caseCode, caller);
    TaskScope scope = TaskScope.of(caller);
    boolean lead = scope.leads(task);
    boolean open = task.status().isOpen();
    List<ExtensionRepository.Extension> asked = extensions.forTask(task.id());
    boolean extensionAllowed = lead
        && open
        && !task.recurring()
        && asked.stream().noneMatch(ExtensionRepository.Extension::isOpen)
        && asked.stream()
                .filter(e -> e.status() == ExtensionRepository.Status.APPROVED)
                .count()
            < properties.maxExtensions();
    Actions actions = new Actions(
        lead && open && userTasks.open(caseCode, TaskLifecycle.TASK_ACKNOWLEDGE).isPresent(),
        lead && open,
        lead
            && open
            && userTasks.open(caseCode, TaskLifecycle.TASK_REPORT_COMPLETION).isPresent(),
        extensionAllowed);
    model.addAttribute("page", "tasks");
    model.addAttribute("row", row(task, scope));
    model.addAttribute(NoticeBanner.ATTRIBUTE, banners.of(caseCode));
    model.addAttribute("actions", actions);
    model.addAttribute(
        "waitingAt",
        open && task.processInstanceId() != null ? userTasks.openNames(caseCode) : List.of());
    model.addAttribute("deadlineVersions", repository.deadlineVersions(task.id()));
    model.addAttribute("progressReports", reports.forTask(task.id()));
    // the acknowledge and progress forms are laid out here; their fields and limits are the steps'
    // forms'
    model.addAttribute(
        "acknowledgeForm", stepForms.byId(TaskLifecycle.FORM_ACKNOWLEDGE).orElseThrow());
    model.addAttribute(
        "progressForm", stepForms.byId(TaskLifecycle.FORM_REPORT_PROGRESS).orElseThrow());
    model.addAttribute(
        "submissions",
        evidence.forTask(task.id()).stream()
            .map(s -> new Submission(
                s, evidence.items(s.id()), attachments.listFor(EvidenceService.OWNER_TYPE, s.id())))
            .toList());
    model.addAttribute("extensions", asked);
    model.addAttribute(
        "extensionFiles",
        asked.stream()
            .collect(Collectors.toMap(
                ExtensionRepository.Extension::id,
                e -> attachments.listFor(ExtensionService.OWNER_TYPE, e.id()))));
    if (!model.containsAttribute(TaskPageFiles.KEPT)) {
      model.addAttribute(TaskPageFiles.KEPT, Map.of());
    }
    model.addAttribute(
        "itemRows", IntStream.range(0, TaskPageActions.ITEM_ROWS).boxed().toList());
    model.addAttribute("openItems", openItems(model));
    model.addAttribute("evidenceKinds", EvidenceKind.values());
    model.addAttribute("evidenceLevels", EvidenceLevel.values());
    model.addAttribute(
        "evidenceTextFields", List.of("documentNumber", "systemUrl", "figureName", "figureUnit"));
    model.addAttribute("evidenceDateFields", List.of("documentDate", "goLiveDate"));
    model.addAttribute("extensionReasons", ExtensionReason.values());
    model.addAttribute("today", LocalDate.now(clock.withZone(HanoiTime.ZONE)).toString());
    return "staff/task";
  }

  /**
   * The evidence rows shown unfolded: the first, and any holding something typed, a kept file or a message
   * (after a refused post, from its flash attributes), so that nothing sent is hidden.
   */
  @SuppressWarnings("unchecked")
  private static Set<Integer> openItems(Model model) {
    Map<String, String> values = (Map<String, String>) model.getAttribute("values");
    Map<String, ?> errors = (Map<String, ?>) model.getAttribute("errors");
    Map<String, List<TaskPageFiles.Kept>> kept =
        (Map<String, List<TaskPageFiles.Kept>>) model.getAttribute(TaskPageFiles.KEPT);
    return IntStream.range(0, TaskPageActions.ITEM_ROWS)
        .filter(row -> row == 0
            || TaskPageActions.filled(values, kept, row)
            || errors.containsKey(TaskPageActions.FILES + row)
            || TaskPageActions.itemFields(row).stream().anyMatch(errors::containsKey))
        .boxed()
        .collect(Collectors.toSet());
  }

  private Row row(TaskRecord task, TaskScope scope) {
    LocalDate today = LocalDate.now(clock.withZone(HanoiTime.ZONE));
    Timeliness timeliness = task.timelinessOn(today, properties.nearDueDays());
    String days = null;
    String headerDays = null;
    if (timeliness == Timeliness.OVERDUE) {
      long late = ChronoUnit.DAYS.between(task.originalDeadline(), today);
      days = forms.message("staff.due.overdue", late);
      headerDays = forms.message("staff.task.overdue-days", late);
    } else if (timeliness == Timeliness.NEAR_DUE || timeliness == Timeliness.IN_PROGRESS_ON_TIME) {
      long left = ChronoUnit.DAYS.between(today, task.originalDeadline());
      days = left == 0 ? forms.message("staff.due.today") : forms.message("staff.due.left", left);
      headerDays = days;
    }
    boolean extended =
        task.originalDeadline() != null && !task.originalDeadline().equals(task.currentDeadline());
    return new Row(
        task,
        scope.leads(task),
        day(task.currentDeadline()),
        day(task.originalDeadline()),
        extended,
        timeliness,
        timeliness == null ? null : labels.timeliness(timeliness.name()),
        days,
        labels.status("task", task.status().name()),
        headerDays);
  }

  private static String day(LocalDate date) {
    return date == null ? null : DisplayDates.DAY.format(date);
  }

  /** A filter's value from the URL; an unknown one filters nothing. */
  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
