package vn.dondoc.app.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.camunda.TaskAssignments;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.initiatives.ScoringWeights;
import vn.dondoc.app.notifications.NoticeBanner;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffNavigation;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.TaskLifecycle;

/**
 * The workspace's own pages: "Việc của tôi", where every staff member and expert lands, and the page
 * of one step, its form beside the case's documents, links and history.
 */
@Controller
@StaffPage
class WorkPages {

  static final int PAGE_SIZE = 25;

  /** The case types a list can be narrowed to, by process key. */
  static final List<String> PROCESSES = List.of(
      TaskLifecycle.PROCESS_KEY,
      DeadlineExtension.PROCESS_KEY,
      EvidenceReview.PROCESS_KEY,
      FeedbackHandling.PROCESS_KEY,
      InitiativeSelection.PROCESS_KEY);

  private final MyWork work;
  private final StepWork steps;
  private final CaseDossier dossier;
  private final AuditLog audit;
  private final CaseLabels labels;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final ScoringWeights scoring;
  private final TaskAssignments assignments;
  private final StaffForms forms;
  private final NoticeBanner banners;

  WorkPages(
      MyWork work,
      StepWork steps,
      CaseDossier dossier,
      AuditLog audit,
      CaseLabels labels,
      MessageSource messages,
      ObjectMapper json,
      ScoringWeights scoring,
      TaskAssignments assignments,
      StaffForms forms,
      NoticeBanner banners) {
    this.banners = banners;
    this.scoring = scoring;
    this.assignments = assignments;
    this.forms = forms;
    this.work = work;
    this.steps = steps;
    this.dossier = dossier;
    this.audit = audit;
    this.labels = labels;
    this.messages = messages;
    this.json = json;
  }

  record Choice(String value, String label) {}

  @GetMapping(value = StaffNavigation.HOME, produces = "text/html")
  String list(
      @RequestParam(name = "buoc", required = false) String step,
      @RequestParam(name = "loai", required = false) String process,
      @RequestParam(name = "trang", required = false, defaultValue = "1") int page,
      Authentication authentication,
      Model model) {
    Caller caller = Caller.of(authentication);
    model.addAttribute("page", "workspace");
    String chosenProcess = process != null && PROCESSES.contains(process) ? process : null;
    List<MyWork.Step> known = work.steps();
    String chosenStep = known.stream().anyMatch(s -> s.key().equals(step)) ? step : null;
    MyWork.Page result = work.list(
        caller, new MyWork.Filter(chosenStep, chosenProcess), Math.max(0, page - 1), PAGE_SIZE);
    model.addAttribute("result", result);
    model.addAttribute("step", chosenStep);
    model.addAttribute("process", chosenProcess);
    model.addAttribute(
        "steps",
        known.stream().map(s -> new Choice(s.key(), s.name())).distinct().toList());
    model.addAttribute(
        "processes",
        PROCESSES.stream().map(p -> new Choice(p, message("work.process." + p))).toList());
    return "staff/work-list";
  }

  @GetMapping(value = StepPages.STEP + "{taskId}", produces = "text/html")
  String step(@PathVariable String taskId, Authentication authentication, Model model)
      throws JsonProcessingException {
    StepWork.Step step = steps.open(authentication, taskId);
    Caller caller = Caller.of(authentication);
    WorkItem item = work.items(caller, List.of(step.task())).get(0);
    if (!item.href().startsWith(StepPages.STEP)) {
      return "redirect:" + item.href();
    }
    boolean staff = caller.hasAnyRole(Roles.STAFF);
    model.addAttribute("page", "step");
    model.addAttribute("item", item);
    model.addAttribute(NoticeBanner.ATTRIBUTE, banners.of(step.caseCode()));
    model.addAttribute("schema", json.writeValueAsString(step.schema()));
    model.addAttribute("formValues", json.writeValueAsString(step.data()));
    model.addAttribute("words", json.writeValueAsString(words()));
    model.addAttribute("documents", dossier.documents(step.caseCode()));
    List<CaseDossier.Related> related = new ArrayList<>();
    if (staff) {
      related.addAll(dossier.related(step.caseCode()));
      related.addAll(CaseDossier.possibleDuplicates(step.data()));
    }
    model.addAttribute("related", related);
    model.addAttribute(
        "history",
        staff
            ? audit.history(step.caseCode()).stream()
                .map(e -> new History(
                    labels.time(e.occurredAt()),
                    messages.getMessage(
                        "staff.audit." + e.action(),
                        null,
                        messages.getMessage(
                            "work.history.other", null, LocaleContextHolder.getLocale()),
                        LocaleContextHolder.getLocale()),
                    e.actor() == null ? message("staff.case.system") : e.actor()))
                .toList()
            : List.of());
    model.addAttribute("caseLink", staff);
    model.addAttribute("excludedExperts", steps.excludedExperts(step));
    model.addAttribute("roadmap", dossier.roadmap(step.caseCode()));
    model.addAttribute("deadlines", dossier.deadlineHistory(step.caseCode()));
    model.addAttribute("weights", weights(step));
    model.addAttribute("claimable", item.assignee() == null);
    model.addAttribute("releasable", item.mine() && assignments.canGiveBack(taskId));
    model.addAttribute("colleagues", assignments.colleagues(authentication, taskId));
    return "staff/work-step";
  }

  record History(String when, String action, String actor) {}

  /** A scoring criterion (the form's label of its score) and what it counts for, e.g. "25 %". */
  record Weight(String criterion, String share) {}

  private List<Weight> weights(StepWork.Step step) {
    Map<String, Double> byField = scoring.byScoreField(step.caseCode());
    return step.form().fields().stream()
        .filter(f -> byField.containsKey(f.key()))
        .map(f -> new Weight(f.label(), Math.round(byField.get(f.key()) * 100) + " %"))
        .toList();
  }

  @PostMapping(StepPages.STEP + "{taskId}/nhan")
  String claim(@PathVariable String taskId, Authentication caller, RedirectAttributes redirect) {
    return backToStep(taskId, redirect, () -> assignments.claim(caller, taskId), "work.claimed");
  }

  @PostMapping(StepPages.STEP + "{taskId}/tra-lai")
  String release(@PathVariable String taskId, Authentication caller, RedirectAttributes redirect) {
    return backToStep(taskId, redirect, () -> assignments.unclaim(caller, taskId), "work.released");
  }

  /** A leader (or the standing office) hands the step to a colleague, with a reason (audited). */
  @PostMapping(StepPages.STEP + "{taskId}/giao")
  String reassign(
      @PathVariable String taskId,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String reason,
      Authentication caller,
      RedirectAttributes redirect) {
    try {
      assignments.reassign(caller, taskId, assignee, reason);
      redirect.addFlashAttribute("notice", message("work.reassigned"));
    } catch (InvalidFieldException e) {
      forms.rejected(
          redirect,
          e,
          "work.reassign." + e.field(),
          StaffForms.typed("assignee", assignee, "reason", reason));
    } catch (ConflictException e) {
      redirect.addFlashAttribute("notice", message(e.messageKey()));
    } catch (ForbiddenException e) {
      redirect.addFlashAttribute("notice", message(e.messageKey()));
    }
    return "redirect:" + StepPages.STEP + taskId;
  }

  /** Runs a claim or a release and shows its outcome, or why not, on the step's page. */
  private String backToStep(
      String taskId, RedirectAttributes redirect, Runnable action, String doneKey) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", message(doneKey));
    } catch (ConflictException e) {
      redirect.addFlashAttribute("notice", message(e.messageKey()));
    }
    return "redirect:" + StepPages.STEP + taskId;
  }

  /** The page's words for form-js and the script (form-js's own checks reworded, the summary, conflicts). */
  private Map<String, String> words() {
    Map<String, String> words = new LinkedHashMap<>();
    words.put("required", message("work.form.required"));
    words.put("maxLength", message("work.form.max-length.client"));
    words.put("minLength", message("work.form.min-length"));
    words.put("min", message("work.form.min"));
    words.put("max", message("work.form.max"));
    words.put("email", message("work.form.email"));
    words.put("pattern", message("work.form.pattern"));
    words.put("choose", message("work.form.choose"));
    words.put("search", message("work.form.search"));
    words.put("noResults", message("work.form.no-results"));
    words.put("summary", message("work.form.summary"));
    words.put("sending", message("work.form.sending"));
    words.put("conflict", message("conflict.work.done"));
    words.put("network", message("work.form.network"));
    return words;
  }

  private String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
  }
}
