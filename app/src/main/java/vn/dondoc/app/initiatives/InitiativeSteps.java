package vn.dondoc.app.initiatives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dondoc.app.feedback.FeedbackField;
import vn.dondoc.app.feedback.FeedbackService;
import vn.dondoc.app.feedback.FeedbackSubmission;
import vn.dondoc.app.feedback.FeedbackType;
import vn.dondoc.app.security.KeycloakDirectory;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.tasks.EvidenceLevel;
import vn.dondoc.app.tasks.TaskField;
import vn.dondoc.app.tasks.TaskIssuing;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskRepository;
import vn.dondoc.app.tasks.TaskSpec;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Decision;
import vn.dondoc.processes.InitiativeSelection.Var;

/** The initiative record's side of its process (bean {@value InitiativeSelection.Steps#BEAN}). */
@Component(InitiativeSelection.Steps.BEAN)
class InitiativeSteps implements InitiativeSelection.Steps {

  /** Tasks of a selected initiative as the API sends them (JSON list); Tasklist's form gives one in taskLeadAgency… */
  static final String DECISION_TASKS = "decisionTasks";

  /** One task to be made of a selected initiative. */
  record TaskOrder(String leadAgency, LocalDate deadline, String expectedProduct) {}

  private final InitiativeRepository initiatives;
  private final InitiativeChanges changes;
  private final InitiativeExperts experts;
  private final InitiativeProperties properties;
  private final FeedbackService feedback;
  private final KeycloakDirectory directory;
  private final TaskIssuing taskIssuing;
  private final TaskRepository tasks;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final Clock clock;

  InitiativeSteps(
      InitiativeRepository initiatives,
      InitiativeChanges changes,
      InitiativeExperts experts,
      InitiativeProperties properties,
      FeedbackService feedback,
      KeycloakDirectory directory,
      TaskIssuing taskIssuing,
      TaskRepository tasks,
      MessageSource messages,
      ObjectMapper json,
      Clock clock) {
    this.initiatives = initiatives;
    this.changes = changes;
    this.experts = experts;
    this.properties = properties;
    this.feedback = feedback;
    this.directory = directory;
    this.taskIssuing = taskIssuing;
    this.tasks = tasks;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void returnForCompletion(DelegateExecution execution) {
    Initiative initiative = initiative(execution);
    initiatives.setStatus(initiative.id(), InitiativeStatus.RETURNED);
    String note = text(execution, Var.SCREENING_NOTE);
    changes.tell(
        initiative.caseCode(),
        initiative.proposer(),
        "INITIATIVE_RETURNED",
        "notification.initiative-returned",
        initiative.title(),
        note,
        properties.completionWait().toDays());
    changes.recorded(execution, "INITIATIVE_RETURNED", Map.of("note", note));
  }

  @Override
  public void recordCompletion(DelegateExecution execution) {
    Initiative initiative = initiative(execution);
    initiatives.setStatus(initiative.id(), InitiativeStatus.SUBMITTED);
    changes.recorded(
        execution, "INITIATIVE_COMPLETED", Map.of("reply", text(execution, Var.COMPLETION_REPLY)));
  }

  @Override
  public void closeIncomplete(DelegateExecution execution) {
    Initiative initiative = initiative(execution);
    initiatives.decide(
        initiative.id(),
        InitiativeStatus.CLOSED_INCOMPLETE,
        text(execution, Var.SCREENING_NOTE),
        clock.instant());
    changes.tell(
        initiative.caseCode(),
        initiative.proposer(),
        "INITIATIVE_CLOSED",
        "notification.initiative-closed",
        initiative.title());
    changes.recorded(execution, "INITIATIVE_CLOSED_INCOMPLETE", Map.of());
  }

  @Override
  public void reclassify(DelegateExecution execution) {
    Initiative initiative = initiative(execution);
    InitiativeCategory category = InitiativeCategory.fromCode(text(execution, Var.NEW_CATEGORY));
    initiatives.setCategory(initiative.id(), category);
    execution.setVariable(Var.CATEGORY, category.code());
    execution.setVariable(Var.CATEGORY_LABEL, label(category));
    changes.recorded(
        execution,
        "INITIATIVE_RECLASSIFIED",
        Map.of(
            "from",
            initiative.category().code(),
            "to",
            category.code(),
            "note",
            text(execution, Var.SCREENING_NOTE)));
  }

  /** A feedback item is submitted in the innovator's name; the feedback's routing decides the agency. */
  @Override
  public void toFeedback(DelegateExecution execution) {
    Initiative initiative = initiative(execution);
    KeycloakDirectory.Profile proposer = directory
        .profileOf(initiative.proposer())
        .orElse(new KeycloakDirectory.Profile(
            initiative.proposer(), initiative.proposerName(), null, null, null, null, null, null));
    String content = String.join(
        "\n\n",
        nonBlank(initiative.problem(), initiative.solution(), initiative.expectedProduct()));
    String code = feedback
        .submit(
            new FeedbackSubmission(
                FeedbackType.INITIATIVE,
                FeedbackField.SUPPORT_POLICY,
                "national",
                initiative.title(),
                content.isBlank() ? initiative.title() : content,
                new FeedbackSubmission.Contact(proposer.fullName(), proposer.email(), null),
                false,
                List.of()),
            "initiative-" + initiative.caseCode(),
            initiative.proposer())
        .receipt()
        .code();
    feedback.linkInitiative(code, initiative.id());
    initiatives.linkFeedback(initiative.id(), feedback.idOf(code));
    changes.tell(
        initiative.caseCode(),
        initiative.proposer(),
        "INITIATIVE_TO_FEEDBACK",
        "notification.initiative-to-feedback",
        initiative.title(),
        code);
    changes.recorded(execution, "INITIATIVE_TO_FEEDBACK", Map.of("feedback", code));
  }

  @Override
  public void proposePanel(DelegateExecution execution) {
    Initiative initiative = initiative(execution);
    List<String> candidates = experts.candidates(initiative);
    execution.setVariable(
        Var.PANEL_TEXT,
        String.join(
            ", ", candidates.subList(0, Math.min(properties.panelSize(), candidates.size()))));
    initiatives.setStatus(initiative.id(), InitiativeStatus.IN_EVALUATION);
  }

  @Override
  public void confirmPanel(DelegateExecution execution) {
    Initiative initiative = initiative(execution);
    // the workspace's picker sends the chosen experts as a list; the proposal and the API's pick
    // are text
    Object chosen = execution.getVariable(Var.PANEL_TEXT);
    List<String> panel = parsePanel(
        chosen instanceof Collection<?> experts
            ? experts.stream().map(String::valueOf).collect(Collectors.joining(", "))
            : text(execution, Var.PANEL_TEXT),
        initiative);
    for (int seat = 0; seat < panel.size(); seat++) {
      experts.ask(initiative, panel.get(seat), seat + 1);
    }
    execution.setVariable(Var.PANEL, new ArrayList<>(panel));
    changes.recorded(execution, "INITIATIVE_PANEL", Map.of("panel", panel));
  }

  /** The experts named, in order, each once; refused (nothing changes) when one is not an expert or is the proposer. */
  List<String> parsePanel(String text, Initiative initiative) {
    Set<String> named = new LinkedHashSet<>(
        Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList());
    if (named.isEmpty()) {
      throw new BadUserRequestException(
          "Hội đồng cần ít nhất một chuyên gia. / The panel needs at least one expert.");
    }
    List<String> pool = directory.members(Roles.EXPERT);
    for (String expert : named) {
      if (!pool.contains(expert) || expert.equals(initiative.proposer())) {
        throw new BadUserRequestException(
            "'" + expert + "' không phải chuyên gia của hội đồng tư vấn hoặc là người đề xuất."
                + " / '" + expert + "' is not an expert of the council, or is the proposer.");
      }
    }
    return List.copyOf(named);
  }

  @Override
  public void notShortlisted(DelegateExecution execution) {
    Initiative initiative = initiative(execution);
    initiatives.decide(initiative.id(), InitiativeStatus.NOT_SHORTLISTED, null, clock.instant());
    changes.tell(
        initiative.caseCode(),
        initiative.proposer(),
        "INITIATIVE_NOT_SHORTLISTED",
        "notification.initiative-not-shortlisted",
        initiative.title(),
        String.valueOf(execution.getVariable(Var.MEAN_SCORE)));
    changes.recorded(execution, "INITIATIVE_NOT_SHORTLISTED", Map.of());
  }

  @Override
  public void decide(DelegateExecution execution) {
    Initiative initiative = initiative(execution);
    String decision = text(execution, Var.DECISION);
    String reason = text(execution, Var.DECISION_REASON);
    InitiativeStatus status = switch (decision) {
      case Decision.SELECTED -> InitiativeStatus.SELECTED;
      case Decision.NOT_SELECTED -> InitiativeStatus.NOT_SELECTED;
      case Decision.DEFERRED -> InitiativeStatus.DEFERRED;
      default -> throw new BadUserRequestException("unknown decision " + decision);
    };
    List<String> created = new ArrayList<>();
    if (status == InitiativeStatus.SELECTED) {
      List<TaskOrder> orders = orders(execution);
      List<TaskIssuing.CheckedTask> checked = new ArrayList<>();
      for (int i = 0; i < orders.size(); i++) {
        TaskOrder order = orders.get(i);
        String code =
            orders.size() == 1 ? initiative.caseCode() : initiative.caseCode() + "/" + (i + 1);
        try {
          checked.add(taskIssuing.checkOne(new TaskSpec(
              code,
              "Sáng kiến đột phá",
              TaskField.SCIENCE_TECHNOLOGY,
              initiative.title() + "\n\n" + String.join("\n\n", nonBlank(initiative.solution())),
              false,
              null,
              order.leadAgency(),
              List.of(),
              null,
              order.deadline(),
              order.expectedProduct(),
              EvidenceLevel.L2)));
        } catch (InvalidFieldException e) {
          throw new BadUserRequestException(
              "Nhiệm vụ " + (i + 1) + ": " + e.field() + " (" + e.messageKey() + ")");
        }
      }
      for (TaskIssuing.CheckedTask task : checked) {
        TaskRecord issued = taskIssuing.issue(task, null, null, InitiativeChanges.actor(execution));
        tasks.setSourceInitiative(issued.id(), initiative.id());
        created.add(issued.caseCode());
      }
    }
    initiatives.decide(initiative.id(), status, reason, clock.instant());
    changes.tell(
        initiative.caseCode(),
        initiative.proposer(),
        "INITIATIVE_" + status.name(),
        "notification.initiative-" + decision,
        initiative.title(),
        reason);
    changes.recorded(
        execution, "INITIATIVE_" + status.name(), Map.of("reason", reason, "tasks", created));
  }

  private List<TaskOrder> orders(DelegateExecution execution) {
    Object fromApi = execution.getVariable(DECISION_TASKS);
    if (fromApi != null) {
      try {
        return json.readValue(fromApi.toString(), new TypeReference<List<TaskOrder>>() {});
      } catch (JsonProcessingException e) {
        throw new BadUserRequestException("decisionTasks is not a list of tasks");
      }
    }
    Object deadline = execution.getVariable(Var.TASK_DEADLINE);
    if (deadline == null || execution.getVariable(Var.TASK_LEAD_AGENCY) == null) {
      throw new BadUserRequestException(
          "Sáng kiến được chọn cần cơ quan chủ trì và thời hạn của nhiệm vụ."
              + " / A selected initiative needs the task's lead agency and deadline.");
    }
    return List.of(new TaskOrder(
        text(execution, Var.TASK_LEAD_AGENCY),
        LocalDate.parse(deadline.toString().substring(0, 10)),
        (String) execution.getVariable(Var.TASK_EXPECTED_PRODUCT)));
  }

  private String label(InitiativeCategory category) {
    return messages.getMessage(category.messageKey(), null, Locale.forLanguageTag("vi"));
  }

  private Initiative initiative(DelegateExecution execution) {
    return initiatives.find(changes.initiativeId(execution)).orElseThrow();
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? "" : value.toString();
  }

  private static List<String> nonBlank(String... texts) {
    return Arrays.stream(texts).filter(t -> t != null && !t.isBlank()).toList();
  }
}
