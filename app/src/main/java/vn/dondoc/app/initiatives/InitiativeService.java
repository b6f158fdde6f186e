package vn.dondoc.app.initiatives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.cases.CaseCodes;
import vn.dondoc.app.forms.StepForm;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.CaseNotFoundException;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.FieldProblems;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Var;

/**
 * Initiatives for the people around them: innovators keep drafts and submit (the proposer of record is
 * fixed then), the standing office screens and decides, experts declare and score. Each step of the
 * process goes through the same user task Tasklist shows.
 */
@Service
public class InitiativeService {

  static final String CASE_PREFIX = "SK";
  public static final String OWNER_TYPE = "initiative";
  private static final Pattern TAX_CODE = Pattern.compile("[0-9]{10}(-?[0-9]{3})?");

  private final InitiativeRepository initiatives;
  private final InitiativeChanges changes;
  private final InitiativeSight sight;
  private final AttachmentService attachments;
  private final ReferenceData referenceData;
  private final CaseCodes caseCodes;
  private final RuntimeService runtime;
  private final UserTasks userTasks;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final Clock clock;
  private final StepForms forms;
  private final PanelChoices panelChoices;

  InitiativeService(
      InitiativeRepository initiatives,
      InitiativeChanges changes,
      InitiativeSight sight,
      AttachmentService attachments,
      ReferenceData referenceData,
      CaseCodes caseCodes,
      RuntimeService runtime,
      UserTasks userTasks,
      MessageSource messages,
      ObjectMapper json,
      Clock clock,
      StepForms forms,
      PanelChoices panelChoices) {
    this.forms = forms;
    this.panelChoices = panelChoices;
    this.initiatives = initiatives;
    this.changes = changes;
    this.sight = sight;
    this.attachments = attachments;
    this.referenceData = referenceData;
    this.caseCodes = caseCodes;
    this.runtime = runtime;
    this.userTasks = userTasks;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
  }

  // The innovator

  @Transactional
  public Initiative saveDraft(Long id, InitiativeDraft draft, Authentication caller) {
    return saveDraft(id, draft, false, caller);
  }

  /** As {@link #saveDraft(Long, InitiativeDraft, Authentication)}; {@code forSubmission} refuses what {@link #submit} would, together. */
  @Transactional
  Initiative saveDraft(
      Long id, InitiativeDraft draft, boolean forSubmission, Authentication caller) {
    requireRole(caller, Roles.INNOVATOR);
    InitiativeDraft clean = checkDraft(
        draft, forSubmission, fromToken(caller, "organisation"), fromToken(caller, "tax_code"));
    long saved;
    if (id == null) {
      saved = initiatives.insertDraft(clean, caller.getName(), fullName(caller), clock.instant());
    } else {
      Initiative existing = own(id, caller);
      if (existing.status() != InitiativeStatus.DRAFT) {
        throw new ConflictException("conflict.initiative.submitted");
      }
      initiatives.updateDraft(id, clean);
      saved = id;
    }
    if (clean.attachments() != null && !clean.attachments().isEmpty()) {
      attachments.attach(clean.attachments(), OWNER_TYPE, saved);
    }
    return initiatives.find(saved).orElseThrow();
  }

  /** A complete draft becomes a submission: a case code, the proposer-of-record instant, the selection process. */
  @Transactional
  public Initiative submit(long id, Authentication caller) {
    Initiative draft = own(id, caller);
    if (draft.status() != InitiativeStatus.DRAFT) {
      throw new ConflictException("conflict.initiative.submitted");
    }
    FieldProblems missing = new FieldProblems();
    Map<String, String> texts = new HashMap<>();
    texts.put("problem", draft.problem());
    texts.put("solution", draft.solution());
    texts.put("expectedProduct", draft.expectedProduct());
    neededToSubmit(missing, texts);
    missing.throwIfAny();
    String caseCode = caseCodes.next(CASE_PREFIX);
    initiatives.submit(id, caseCode, clock.instant());
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.INITIATIVE_ID, id);
    variables.put(Var.CASE_CODE, caseCode);
    variables.put(Var.TITLE, draft.title());
    variables.put(Var.CATEGORY, draft.category().code());
    variables.put(
        Var.CATEGORY_LABEL,
        messages.getMessage(draft.category().messageKey(), null, Locale.forLanguageTag("vi")));
    variables.put(Var.PROBLEM, draft.problem());
    variables.put(Var.SOLUTION, draft.solution());
    variables.put(Var.PROPOSER, draft.proposer());
    variables.put(Var.ORGANISATION, draft.organisation());
    String instance = runtime
        .startProcessInstanceByKey(InitiativeSelection.PROCESS_KEY, caseCode, variables)
        .getId();
    initiatives.setProcessInstance(id, instance);
    changes.recorded(
        id,
        caseCode,
        "INITIATIVE_SUBMITTED",
        caller.getName(),
        Map.of("category", draft.category().code()));
    return initiatives.find(id).orElseThrow();
  }

  /** The proposer completes a returned submission, by the form initiative-completion ({@code completionReply}). */
  @Transactional
  void completeSubmission(String code, Map<String, ?> submitted, Authentication caller) {
    Initiative initiative = visible(code, caller);
    if (!initiative.proposer().equals(caller.getName())) {
      throw new ForbiddenException("forbidden.initiative.not-proposer");
    }
    userTasks.assignedTo(caller, code, InitiativeSelection.TASK_COMPLETE_SUBMISSION);
    userTasks.completeAssigned(
        caller,
        code,
        forms.checked(InitiativeSelection.FORM_COMPLETE_SUBMISSION, submitted),
        InitiativeSelection.TASK_COMPLETE_SUBMISSION);
  }

  // The standing office

  /**
   * Screening, by the form initiative-screening ({@code screeningDecision}, {@code screeningNote} unless
   * evaluating, {@code newCategory} when reclassifying).
   */
  @Transactional
  public void screen(String code, Map<String, ?> submitted, Authentication caller) {
    visible(code, caller);
    requireRole(caller, Roles.STANDING_OFFICE);
    userTasks.forCaller(caller, code, InitiativeSelection.TASK_SCREEN);
    userTasks.complete(
        caller,
        code,
        forms.checked(InitiativeSelection.FORM_SCREEN, submitted),
        InitiativeSelection.TASK_SCREEN);
  }

  /**
   * The panel, by the form initiative-panel ({@code panelText}: usernames of the experts who may sit on it, the
   * list the workspace's picker offers).
   */
  @Transactional
  public void pickPanel(String code, Map<String, ?> submitted, Authentication caller) {
    visible(code, caller);
    requireRole(caller, Roles.STANDING_OFFICE);
    userTasks.forCaller(caller, code, InitiativeSelection.TASK_PICK_PANEL);
    List<StepForm.Option> eligible = panelChoices.forCase(code).stream()
        .filter(PanelChoices.Choice::eligible)
        .map(choice -> new StepForm.Option(choice.username(), choice.fullName()))
        .toList();
    userTasks.complete(
        caller,
        code,
        forms.checked(
            InitiativeSelection.FORM_PICK_PANEL, submitted, Map.of(Var.PANEL_TEXT, eligible)),
        InitiativeSelection.TASK_PICK_PANEL);
  }

  /** The panel's agreed score, by the form initiative-consensus ({@code consensusScore}, {@code consensusNote}). */
  @Transactional
  void reachConsensus(String code, Map<String, ?> submitted, Authentication caller) {
    visible(code, caller);
    requireRole(caller, Roles.STANDING_OFFICE);
    userTasks.forCaller(caller, code, InitiativeSelection.TASK_CONSENSUS);
    userTasks.complete(
        caller,
        code,
        forms.checked(InitiativeSelection.FORM_CONSENSUS, submitted),
        InitiativeSelection.TASK_CONSENSUS);
  }

  @Transactional
  void decide(
      String code,
      String decision,
      String reason,
      List<InitiativeSteps.TaskOrder> tasks,
      Authentication caller) {
    visible(code, caller);
    requireRole(caller, Roles.STANDING_OFFICE);
    if (!List.of(
            InitiativeSelection.Decision.SELECTED,
            InitiativeSelection.Decision.NOT_SELECTED,
            InitiativeSelection.Decision.DEFERRED)
        .contains(decision)) {
      throw new InvalidFieldException("decision", "validation.value.invalid");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.DECISION, decision);
    variables.put(Var.DECISION_REASON, Inputs.text(reason, "reason", 4000));
    if (InitiativeSelection.Decision.SELECTED.equals(decision)) {
      if (tasks == null || tasks.isEmpty()) {
        throw new InvalidFieldException("tasks", "validation.required");
      }
      for (int i = 0; i < tasks.size(); i++) {
        InitiativeSteps.TaskOrder order = tasks.get(i);
        if (order == null
            || order.leadAgency() == null
            || !referenceData.agencyExists(order.leadAgency())) {
          throw new InvalidFieldException(
              "tasks[" + i + "].leadAgency",
              "validation.agency.unknown",
              order == null ? null : order.leadAgency());
        }
        if (order.deadline() == null
            || order.deadline().isBefore(LocalDate.now(clock.withZone(HanoiTime.ZONE)))) {
          throw new InvalidFieldException(
              "tasks[" + i + "].deadline", "validation.task.deadline-required");
        }
      }
      try {
        variables.put(InitiativeSteps.DECISION_TASKS, json.writeValueAsString(tasks));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    userTasks.complete(caller, code, variables, InitiativeSelection.TASK_DECIDE);
  }

  // Experts

  /** An expert's declaration, by the form initiative-conflict ({@code conflictDeclared}, {@code conflictNote} when declared). */
  @Transactional
  public void declare(String code, Map<String, ?> submitted, Authentication caller) {
    visible(code, caller);
    userTasks.assignedTo(caller, code, InitiativeSelection.TASK_DECLARE_CONFLICT);
    userTasks.completeAssigned(
        caller,
        code,
        forms.checked(InitiativeSelection.FORM_DECLARE_CONFLICT, submitted),
        InitiativeSelection.TASK_DECLARE_CONFLICT);
  }

  public record Mark(BigDecimal score, String comment) {}

  /**
   * An expert's sheet, by the form initiative-scoring: a score 0–10 (one decimal) and a comment for each criterion
   * ({@code scoreNovelty}, {@code commentNovelty}, …).
   */
  @Transactional
  public void score(String code, Map<String, ?> submitted, Authentication caller) {
    visible(code, caller);
    userTasks.assignedTo(caller, code, InitiativeSelection.TASK_SCORE);
    userTasks.completeAssigned(
        caller,
        code,
        forms.checked(InitiativeSelection.FORM_SCORE, submitted),
        InitiativeSelection.TASK_SCORE);
  }

  /** A correction is a new row that supersedes the expert's score in force; both stay. Only before the decision. */
  @Transactional
  void correct(String code, String criterion, Mark mark, String reason, Authentication caller) {
    Initiative initiative = visible(code, caller);
    if (initiative.decidedAt() != null) {
      throw new ConflictException("conflict.initiative.decided");
    }
    if (!InitiativeExperts.SHEET.containsKey(criterion)) {
      throw new InvalidFieldException("criterion", "validation.value.invalid");
    }
    InitiativeRepository.Score current = initiatives.scores(initiative.id()).stream()
        .filter(s -> s.expert().equals(caller.getName()) && s.criterion().equals(criterion))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new ConflictException("conflict.initiative.not-scored"));
    if (mark == null
        || mark.score() == null
        || mark.score().compareTo(BigDecimal.ZERO) < 0
        || mark.score().compareTo(BigDecimal.TEN) > 0) {
      throw new InvalidFieldException("score", "validation.range", 0, 10);
    }
    initiatives.addScore(
        initiative.id(),
        caller.getName(),
        criterion,
        mark.score(),
        Inputs.text(mark.comment(), "comment", 2000),
        current.id(),
        Inputs.text(reason, "reason", 2000),
        clock.instant());
    changes.recorded(
        initiative.id(),
        code,
        "SCORE_CORRECTED",
        caller.getName(),
        Map.of("criterion", criterion, "from", current.score(), "to", mark.score()));
  }

  /**
   * Scores as the caller may see them: the standing office and supervisors all of them; an expert their
   * own, and the others' only once their own are in; nobody else any.
   */
  List<InitiativeRepository.Score> scores(String code, Authentication caller) {
    Initiative initiative = visible(code, caller);
    List<InitiativeRepository.Score> all = initiatives.scores(initiative.id());
    if (hasRole(caller, Roles.STANDING_OFFICE)
        || hasRole(caller, Roles.SUPERVISOR)
        || hasRole(caller, Roles.ADMIN)) {
      return all;
    }
    if (hasRole(caller, Roles.EXPERT)) {
      boolean scored = all.stream().anyMatch(s -> s.expert().equals(caller.getName()));
      return scored ? all : List.of();
    }
    throw new ForbiddenException("forbidden.initiative.scores");
  }

  // Sight

  /** A submitted initiative the caller may see, or 404: the proposer, an expert on its panel, the oversight roles. */
  Initiative visible(String code, Authentication caller) {
    Initiative initiative =
        initiatives.findByCode(code).orElseThrow(() -> new CaseNotFoundException(code));
    if (sees(initiative, caller)) {
      return initiative;
    }
    throw new CaseNotFoundException(code);
  }

  boolean sees(Initiative initiative, Authentication caller) {
    return sight.sees(initiative, caller);
  }

  List<Initiative> list(Authentication caller, int limit, int offset) {
    if (hasRole(caller, Roles.STANDING_OFFICE)
        || hasRole(caller, Roles.SUPERVISOR)
        || hasRole(caller, Roles.ADMIN)) {
      return initiatives.submitted(limit, offset);
    }
    if (hasRole(caller, Roles.EXPERT)) {
      return initiatives.onPanelOf(caller.getName());
    }
    return initiatives.ofProposer(caller.getName());
  }

  Initiative own(long id, Authentication caller) {
    return initiatives
        .find(id)
        .filter(i -> i.proposer().equals(caller.getName()))
        .orElseThrow(() -> new CaseNotFoundException(String.valueOf(id)));
  }

  List<Initiative> selected() {
    return initiatives.selected();
  }

  /**
   * The longest text each draft field takes, in characters: what {@link #checkDraft} refuses and what the
   * draft page shows (and counts) before anyone types.
   */
  static final Map<String, Integer> TEXT_LIMITS = Map.of(
      "title",
      300,
      "problem",
      10000,
      "solution",
      10000,
      "expectedProduct",
      4000,
      "resourcesNeeded",
      4000,
      "techGroup",
      60,
      "ipStatus",
      30,
      "organisation",
      200);

  /** Every problem of the draft at once; with {@code forSubmission}, also the fields a submission needs. */
  private InitiativeDraft checkDraft(
      InitiativeDraft d, boolean forSubmission, String tokenOrganisation, String tokenTaxCode) {
    FieldProblems problems = new FieldProblems();
    if (d.category() == null) {
      problems.add("category", "validation.required");
    }
    String title = problems.check(() -> Inputs.text(d.title(), "title", TEXT_LIMITS.get("title")));
    String organisation =
        d.organisation() != null ? Inputs.optional(d.organisation()) : tokenOrganisation;
    String taxCode = d.taxCode() != null ? Inputs.optional(d.taxCode()) : tokenTaxCode;
    if (taxCode != null && !TAX_CODE.matcher(taxCode).matches()) {
      problems.add("taxCode", "validation.tax-code");
    }
    for (String[] agency : new String[][] {
      {"orderingAgency", d.orderingAgency()}, {"receivingAgency", d.receivingAgency()}
    }) {
      if (agency[1] != null && !agency[1].isBlank() && !referenceData.agencyExists(agency[1])) {
        problems.add(agency[0], "validation.agency.unknown", agency[1]);
      }
    }
    Map<String, String> texts = new HashMap<>();
    texts.put("problem", d.problem());
    texts.put("solution", d.solution());
    texts.put("expectedProduct", d.expectedProduct());
    texts.put("resourcesNeeded", d.resourcesNeeded());
    texts.put("techGroup", d.techGroup());
    texts.put("ipStatus", d.ipStatus());
    texts.put("organisation", organisation);
    if (forSubmission) {
      neededToSubmit(problems, texts);
    }
    List.of(
            "problem",
            "solution",
            "expectedProduct",
            "resourcesNeeded",
            "techGroup",
            "ipStatus",
            "organisation")
        .forEach(field -> problems.limit(texts.get(field), field, TEXT_LIMITS.get(field)));
    problems.throwIfAny();
    return new InitiativeDraft(
        d.category(),
        title,
        Inputs.optional(d.problem()),
        Inputs.optional(d.solution()),
        Inputs.optional(d.expectedProduct()),
        Inputs.optional(d.techGroup()),
        Inputs.optional(d.orderingAgency()),
        Inputs.optional(d.receivingAgency()),
        Inputs.optional(d.resourcesNeeded()),
        Inputs.optional(d.ipStatus()),
        organisation,
        taxCode,
        d.publishProposer(),
        d.attachments());
  }

  /** The texts a submission cannot do without. */
  private static void neededToSubmit(FieldProblems problems, Map<String, String> texts) {
    List.of("problem", "solution", "expectedProduct").stream()
        .filter(f -> texts.get(f) == null || texts.get(f).isBlank())
        .forEach(f -> problems.add(f, "validation.initiative.required-to-submit"));
  }

  private static void requireRole(Authentication caller, String role) {
    if (!hasRole(caller, role)) {
      throw new ForbiddenException("forbidden.initiative.role");
    }
  }

  private static boolean hasRole(Authentication caller, String role) {
    return InitiativeSight.hasRole(caller, role);
  }

  private static String fromToken(Authentication caller, String claim) {
    return Caller.claim(caller, claim);
  }

  private static String fullName(Authentication caller) {
    return Caller.of(caller).name();
  }
}
