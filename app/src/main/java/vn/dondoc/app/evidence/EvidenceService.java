package vn.dondoc.app.evidence;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.attachments.AttachmentClaim;
import vn.dondoc.app.attachments.AttachmentRef;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.search.Outbox;
import vn.dondoc.app.tasks.TaskChanges;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskRepository;
import vn.dondoc.app.tasks.TaskScope;
import vn.dondoc.app.tasks.TaskStatus;
import vn.dondoc.app.tasks.Tasks;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.TaskLifecycle;

/**
 * Completion reports with evidence, and the decisions on them. A report is stored with its files and
 * completes the task's ReportCompletion step in one transaction, which starts the evidence review.
 */
@Service
public class EvidenceService {

  public static final String OWNER_TYPE = "evidence";
  static final int MAX_ITEMS = 20;

  private final Tasks tasks;
  private final TaskRepository taskRepository;
  private final EvidenceRepository evidence;
  private final AttachmentService attachments;
  private final UserTasks userTasks;
  private final TaskChanges changes;
  private final Clock clock;
  private final Outbox outbox;
  private final StepForms forms;

  EvidenceService(
      Tasks tasks,
      TaskRepository taskRepository,
      EvidenceRepository evidence,
      AttachmentService attachments,
      UserTasks userTasks,
      TaskChanges changes,
      Clock clock,
      Outbox outbox,
      StepForms forms) {
    this.outbox = outbox;
    this.forms = forms;
    this.tasks = tasks;
    this.taskRepository = taskRepository;
    this.evidence = evidence;
    this.attachments = attachments;
    this.userTasks = userTasks;
    this.changes = changes;
    this.clock = clock;
  }

  @Transactional
  public long submit(String caseCode, EvidenceSubmission submission, Authentication caller) {
    TaskRecord task = tasks.visible(caseCode, caller);
    if (!TaskScope.of(caller).leads(task)) {
      throw new ForbiddenException("forbidden.task.not-lead");
    }
    if (userTasks.open(caseCode, TaskLifecycle.TASK_REPORT_COMPLETION).isEmpty()) {
      throw new ConflictException("conflict.task.not-reporting");
    }
    String summary = Inputs.text(submission.summary(), "summary", 4000);
    List<EvidenceSubmission.Item> items =
        submission.items() == null ? List.of() : submission.items();
    if (items.isEmpty()) {
      throw new InvalidFieldException("items", "validation.required");
    }
    if (items.size() > MAX_ITEMS) {
      throw new InvalidFieldException("items", "validation.evidence.too-many", MAX_ITEMS);
    }
    for (int i = 0; i < items.size(); i++) {
      check(items.get(i), "items[" + i + "].");
    }
    if (items.stream().noneMatch(item -> item.level().compareTo(task.evidenceLevel()) >= 0)) {
      throw new InvalidFieldException(
          "items", "validation.evidence.level-not-reached", task.evidenceLevel().code());
    }
    long submissionId = evidence.insertSubmission(
        task.id(), caller.getName(), task.leadAgency(), summary, clock.instant());
    for (int i = 0; i < items.size(); i++) {
      EvidenceSubmission.Item item = items.get(i);
      List<UUID> files;
      try {
        files = attachments.attach(claims(item), OWNER_TYPE, submissionId).stream()
            .map(AttachmentRef::id)
            .toList();
      } catch (InvalidFieldException e) {
        // attach names attachments or attachments[j]; the caller sent them as this item's
        throw new InvalidFieldException(
            "items[" + i + "]." + e.field(), e.messageKey(), e.arguments());
      }
      evidence.insertItem(
          submissionId,
          new EvidenceRepository.Item(
              0,
              item.kind(),
              item.level(),
              item.description().strip(),
              Inputs.optional(item.documentNumber()),
              item.documentDate(),
              Inputs.optional(item.systemUrl()),
              item.goLiveDate(),
              Inputs.optional(item.figureName()),
              item.figureValue(),
              Inputs.optional(item.figureUnit()),
              files));
    }
    taskRepository.setStatus(task.id(), TaskStatus.COMPLETION_SUBMITTED);
    changes.recorded(
        task.id(),
        caseCode,
        "TASK_COMPLETION_REPORTED",
        caller.getName(),
        Map.of("submissionId", submissionId, "items", items.size()));
    outbox.enqueue(EvidenceProjector.CASE_TYPE, submissionId);
    userTasks.complete(
        caller,
        caseCode,
        Map.of(TaskLifecycle.Var.SUBMISSION_ID, submissionId),
        TaskLifecycle.TASK_REPORT_COMPLETION);
    return submissionId;
  }

  /**
   * A reviewer's (or domain verifier's) decision on the submission under review, checked by the open step's form:
   * {@code evidence-review} ({@code reviewDecision}, {@code reviewNote}) or {@code evidence-verification}
   * ({@code verifyDecision}, {@code verifyNote}). Returns what it wrote.
   */
  @Transactional
  public Map<String, Object> decide(
      String caseCode, Map<String, ?> submitted, Authentication caller) {
    TaskRecord task = tasks.visible(caseCode, caller);
    // who may decide comes before what they sent: the reviewers, or the verifying agency, and never
    // the submitter's own
    if (UserTasks.groups(caller).stream()
        .anyMatch(group -> group.equals("agencies/" + task.leadAgency()))) {
      throw new ForbiddenException("forbidden.evidence.own-agency");
    }
    userTasks.forCaller(caller, caseCode, EvidenceReview.TASK_REVIEW, EvidenceReview.TASK_VERIFY);
    Map<String, Object> variables = forms.checked(decisionForm(caseCode), submitted);
    userTasks.complete(
        caller, caseCode, variables, EvidenceReview.TASK_REVIEW, EvidenceReview.TASK_VERIFY);
    return variables;
  }

  /** The form of the decision step open on the task: the domain verifier's once the reviewer has accepted. */
  public String decisionForm(String caseCode) {
    return userTasks.open(caseCode, EvidenceReview.TASK_VERIFY).isPresent()
        ? EvidenceReview.FORM_VERIFY
        : EvidenceReview.FORM_REVIEW;
  }

  private static void check(EvidenceSubmission.Item item, String at) {
    if (item == null) {
      throw new InvalidFieldException(at.substring(0, at.length() - 1), "validation.required");
    }
    if (item.kind() == null) {
      throw new InvalidFieldException(at + "kind", "validation.required");
    }
    if (item.level() == null) {
      throw new InvalidFieldException(at + "level", "validation.required");
    }
    Inputs.text(item.description(), at + "description", 4000);
    LocalDate today = LocalDate.now(HanoiTime.ZONE);
    switch (item.kind()) {
      case ISSUED_DOCUMENT -> {
        Inputs.text(item.documentNumber(), at + "documentNumber", 80);
        if (item.documentDate() == null) {
          throw new InvalidFieldException(at + "documentDate", "validation.required");
        }
        if (item.documentDate().isAfter(today)) {
          throw new InvalidFieldException(at + "documentDate", "validation.date.future");
        }
      }
      case SYSTEM_IN_USE -> {
        String url = Inputs.text(item.systemUrl(), at + "systemUrl", 500);
        if (!(url.startsWith("https://") || url.startsWith("http://")) || !validUri(url)) {
          throw new InvalidFieldException(at + "systemUrl", "validation.url");
        }
        if (item.goLiveDate() == null) {
          throw new InvalidFieldException(at + "goLiveDate", "validation.required");
        }
      }
      case USAGE_FIGURES -> {
        Inputs.text(item.figureName(), at + "figureName", 200);
        if (item.figureValue() == null) {
          throw new InvalidFieldException(at + "figureValue", "validation.required");
        }
      }
      case OTHER -> {
        if (claims(item).isEmpty()) {
          throw new InvalidFieldException(at + "attachments", "validation.required");
        }
      }
    }
  }

  private static List<AttachmentClaim> claims(EvidenceSubmission.Item item) {
    return item.attachments() == null ? List.of() : item.attachments();
  }

  private static boolean validUri(String url) {
    try {
      return URI.create(url).getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
