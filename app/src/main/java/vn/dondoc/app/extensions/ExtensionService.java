package vn.dondoc.app.extensions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.cases.CaseCodes;
import vn.dondoc.app.extensions.ExtensionRepository.Extension;
import vn.dondoc.app.extensions.ExtensionRepository.Milestone;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.search.Outbox;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.tasks.TaskChanges;
import vn.dondoc.app.tasks.TaskProperties;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskScope;
import vn.dondoc.app.tasks.Tasks;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.CaseNotFoundException;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.DeadlineExtension.Var;

/**
 * Extension requests: the lead agency asks, the standing office decides. A request is stored and its
 * {@code deadline-extension} process started in one transaction; decisions go through the process.
 */
@Service
public class ExtensionService {

  public static final String CASE_PREFIX = "GH";
  public static final String OWNER_TYPE = "extension";
  private static final int MAX_MILESTONES = 20;

  private final Tasks tasks;
  private final ExtensionRepository extensions;
  private final AttachmentService attachments;
  private final CaseCodes caseCodes;
  private final RuntimeService runtime;
  private final UserTasks userTasks;
  private final TaskChanges changes;
  private final TaskProperties properties;
  private final MessageSource messages;
  private final Clock clock;
  private final Outbox outbox;
  private final StepForms forms;

  ExtensionService(
      Tasks tasks,
      ExtensionRepository extensions,
      AttachmentService attachments,
      CaseCodes caseCodes,
      RuntimeService runtime,
      UserTasks userTasks,
      TaskChanges changes,
      TaskProperties properties,
      MessageSource messages,
      Clock clock,
      Outbox outbox,
      StepForms forms) {
    this.outbox = outbox;
    this.forms = forms;
    this.tasks = tasks;
    this.extensions = extensions;
    this.attachments = attachments;
    this.caseCodes = caseCodes;
    this.runtime = runtime;
    this.userTasks = userTasks;
    this.changes = changes;
    this.properties = properties;
    this.messages = messages;
    this.clock = clock;
  }

  @Transactional
  public Extension request(String taskCaseCode, ExtensionRequest request, Authentication caller) {
    TaskRecord task = tasks.visible(taskCaseCode, caller);
    if (!TaskScope.of(caller).leads(task)) {
      throw new ForbiddenException("forbidden.task.not-lead");
    }
    if (task.recurring()) {
      throw new ConflictException("conflict.extension.recurring");
    }
    if (!task.status().isOpen()) {
      throw new ConflictException("conflict.task.closed");
    }
    List<Extension> earlier = extensions.forTask(task.id());
    if (earlier.stream().anyMatch(Extension::isOpen)) {
      throw new ConflictException("conflict.extension.pending");
    }
    if (earlier.stream()
            .filter(e -> e.status() == ExtensionRepository.Status.APPROVED)
            .count()
        >= properties.maxExtensions()) {
      throw new ConflictException("conflict.extension.limit");
    }
    LocalDate today = LocalDate.now(clock.withZone(HanoiTime.ZONE));
    if (request.proposedDeadline() == null) {
      throw new InvalidFieldException("proposedDeadline", "validation.required");
    }
    if (!request.proposedDeadline().isAfter(task.currentDeadline())
        || request.proposedDeadline().isBefore(today)) {
      throw new InvalidFieldException("proposedDeadline", "validation.extension.not-later");
    }
    if (request.reason() == null) {
      throw new InvalidFieldException("reason", "validation.required");
    }
    String narrative = Inputs.text(request.narrative(), "narrative", 4000);
    List<Milestone> milestones = request.milestones() == null ? List.of() : request.milestones();
    if (milestones.isEmpty()) {
      throw new InvalidFieldException("milestones", "validation.extension.roadmap-required");
    }
    if (milestones.size() > MAX_MILESTONES) {
      throw new InvalidFieldException("milestones", "validation.size.max.n", MAX_MILESTONES);
    }
    for (int i = 0; i < milestones.size(); i++) {
      Milestone milestone = milestones.get(i);
      String at = "milestones[" + i + "].";
      if (milestone == null || milestone.date() == null) {
        throw new InvalidFieldException(at + "date", "validation.required");
      }
      if (milestone.date().isAfter(request.proposedDeadline())) {
        throw new InvalidFieldException(
            at + "date", "validation.extension.milestone-after-deadline");
      }
      Inputs.text(milestone.milestone(), at + "milestone", 500);
    }
    boolean late = today.isAfter(task.currentDeadline());
    String caseCode = caseCodes.next(CASE_PREFIX);
    long id = extensions.insert(
        caseCode,
        task.id(),
        caller.getName(),
        task.leadAgency(),
        task.currentDeadline(),
        request.proposedDeadline(),
        request.reason(),
        narrative,
        milestones.stream()
            .map(m -> new Milestone(m.date(), m.milestone().strip()))
            .toList(),
        late,
        clock.instant());
    if (request.attachments() != null && !request.attachments().isEmpty()) {
      attachments.attach(request.attachments(), OWNER_TYPE, id);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.EXTENSION_ID, id);
    variables.put(Var.CASE_CODE, caseCode);
    variables.put(Var.TASK_CASE_CODE, task.caseCode());
    variables.put(Var.TITLE, task.title());
    variables.put(Var.LEAD_AGENCY, task.leadAgency());
    variables.put(Var.CURRENT_DEADLINE, DisplayDates.DAY.format(task.currentDeadline()));
    variables.put(Var.PROPOSED_DEADLINE, DisplayDates.DAY.format(request.proposedDeadline()));
    variables.put(
        Var.REASON,
        messages.getMessage(request.reason().messageKey(), null, Locale.forLanguageTag("vi")));
    variables.put(Var.NARRATIVE, narrative);
    variables.put(Var.LATE, late);
    String instance = runtime
        .startProcessInstanceByKey(DeadlineExtension.PROCESS_KEY, caseCode, variables)
        .getId();
    extensions.setProcessInstance(id, instance);
    changes.recorded(
        task.id(),
        task.caseCode(),
        "EXTENSION_REQUESTED",
        caller.getName(),
        Map.of(
            "extension",
            caseCode,
            "proposedDeadline",
            request.proposedDeadline().toString(),
            "late",
            late));
    outbox.enqueue(ExtensionProjector.CASE_TYPE, id);
    return extensions.find(id).orElseThrow();
  }

  /**
   * The standing office's decision, by the form extension-decision ({@code decision}, {@code approvedDeadline},
   * {@code decisionNote}).
   */
  @Transactional
  public void decide(String caseCode, Map<String, ?> submitted, Authentication caller) {
    Extension extension = visible(caseCode, caller);
    if (caller.getAuthorities().stream()
        .noneMatch(a -> a.getAuthority().equals("ROLE_" + Roles.STANDING_OFFICE))) {
      throw new ForbiddenException("forbidden.extension.decide");
    }
    userTasks.forCaller(caller, caseCode, DeadlineExtension.TASK_DECIDE);
    Map<String, Object> variables = forms.checked(DeadlineExtension.FORM_DECIDE, submitted);
    // what the form cannot say: another date must move the deadline later, and not into the past
    if (variables.get(Var.APPROVED_DEADLINE) instanceof String day) {
      LocalDate approved = LocalDate.parse(day);
      if (!approved.isAfter(extension.currentDeadline())
          || approved.isBefore(LocalDate.now(clock.withZone(HanoiTime.ZONE)))) {
        throw new InvalidFieldException(Var.APPROVED_DEADLINE, "validation.extension.not-later");
      }
    }
    userTasks.complete(caller, caseCode, variables, DeadlineExtension.TASK_DECIDE);
  }

  /** The agency's answer to the standing office's question, by the form extension-info ({@code infoReply}). */
  @Transactional
  public void provideInfo(String caseCode, Map<String, ?> submitted, Authentication caller) {
    Extension extension = visible(caseCode, caller);
    if (!TaskScope.of(caller).memberOf().contains(extension.agency())) {
      throw new ForbiddenException("forbidden.task.not-lead");
    }
    userTasks.forCaller(caller, caseCode, DeadlineExtension.TASK_PROVIDE_INFO);
    userTasks.complete(
        caller,
        caseCode,
        forms.checked(DeadlineExtension.FORM_PROVIDE_INFO, submitted),
        DeadlineExtension.TASK_PROVIDE_INFO);
  }

  public Extension visible(String caseCode, Authentication caller) {
    Extension extension =
        extensions.findByCaseCode(caseCode).orElseThrow(() -> new CaseNotFoundException(caseCode));
    TaskScope scope = TaskScope.of(caller);
    if (scope.agencies() != null && !scope.agencies().contains(extension.agency())) {
      throw new CaseNotFoundException(caseCode);
    }
    return extension;
  }
}
