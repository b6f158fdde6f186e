package vn.dondoc.app.feedback;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.attachments.AttachmentPageController;
import vn.dondoc.app.attachments.AttachmentRef;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.notifications.NoticeBanner;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffNavigation;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.NotFoundException;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;

/**
 * The agency's feedback queue ({@value #QUEUE}) with SLA countdowns, and the page of one item: the
 * sender's text and files, and the form of the step it waits at (acceptance, answer, sign-off), which
 * {@link FeedbackAgencyActions} checks by that step's form and completes.
 */
@Controller
@StaffPage
class FeedbackQueuePageController {

  static final String QUEUE = StaffNavigation.HOME + "/phan-anh";

  private final FeedbackQueue queue;
  private final FeedbackAgencyActions actions;
  private final AttachmentService attachments;
  private final TaskService engineTasks;
  private final StaffForms forms;
  private final NoticeBanner banners;
  private final StepForms stepForms;

  FeedbackQueuePageController(
      FeedbackQueue queue,
      FeedbackAgencyActions actions,
      AttachmentService attachments,
      TaskService engineTasks,
      StaffForms forms,
      NoticeBanner banners,
      StepForms stepForms) {
    this.banners = banners;
    this.stepForms = stepForms;
    this.queue = queue;
    this.actions = actions;
    this.attachments = attachments;
    this.engineTasks = engineTasks;
    this.forms = forms;
  }

  @GetMapping(value = QUEUE, produces = "text/html")
  String queue(Model model, Authentication caller) {
    model.addAttribute("page", "feedback-queue");
    model.addAttribute("waiting", queue.waitingFor(caller));
    return "staff/feedback-queue";
  }

  /** A file of the item, with the page link that shows it. */
  record FileView(AttachmentRef file, String url, boolean image) {}

  @GetMapping(value = QUEUE + "/{code}", produces = "text/html")
  String item(@PathVariable String code, Model model, Authentication caller) {
    FeedbackQueue.Waiting waiting =
        queue.find(code, caller).orElseThrow(() -> new NotFoundException("staff.error.not-found"));
    // The values the step's Tasklist form shows besides the item itself.
    Map<String, Object> shown = engineTasks.getVariables(
        waiting.taskId(),
        List.of(Var.CLASSIFICATION_NOTE, Var.SENDER_REPLY, Var.ANSWER_TEXT, Var.LOCALITY_NAME));
    model.addAttribute("page", "feedback-queue");
    model.addAttribute("waiting", waiting);
    model.addAttribute("shown", shown);
    String stepForm = FeedbackAgencyActions.STEP_FORMS.get(waiting.step());
    if (stepForm != null) {
      model.addAttribute("stepForm", stepForms.form(stepForm));
    }
    model.addAttribute(NoticeBanner.ATTRIBUTE, banners.of(code));
    model.addAttribute(
        "files",
        attachments.listFor(FeedbackService.CASE_TYPE, waiting.item().id()).stream()
            .map(ref -> new FileView(
                ref,
                AttachmentPageController.path(ref.id()),
                ref.contentType().startsWith("image/")))
            .toList());
    return "staff/feedback-item";
  }

  @PostMapping(QUEUE + "/{code}/tiep-nhan")
  String accept(
      @PathVariable String code,
      HttpServletRequest request,
      Authentication caller,
      RedirectAttributes redirect) {
    return post(
        code,
        FeedbackHandling.TASK_ACCEPT,
        "feedback-accept",
        "staff.feedback.done.accept.",
        request,
        caller,
        redirect);
  }

  @PostMapping(QUEUE + "/{code}/xu-ly")
  String draft(
      @PathVariable String code,
      HttpServletRequest request,
      Authentication caller,
      RedirectAttributes redirect) {
    return post(
        code,
        FeedbackHandling.TASK_DRAFT_ANSWER,
        "feedback-draft",
        "staff.feedback.done.draft.",
        request,
        caller,
        redirect);
  }

  @PostMapping(QUEUE + "/{code}/ky-duyet")
  String signOff(
      @PathVariable String code,
      HttpServletRequest request,
      Authentication caller,
      RedirectAttributes redirect) {
    return post(
        code,
        FeedbackHandling.TASK_SIGN_OFF,
        "feedback-sign-off",
        "staff.feedback.done.sign-off.",
        request,
        caller,
        redirect);
  }

  /**
   * A step's form of the item's page, posted with its form's field names (the decision first); done, back to
   * the queue with the notice of the decision taken.
   */
  private String post(
      String code,
      String step,
      String draftId,
      String donePrefix,
      HttpServletRequest request,
      Authentication caller,
      RedirectAttributes redirect) {
    Map<String, String> typed = StaffForms.typed(
        request, stepForms.form(FeedbackAgencyActions.STEP_FORMS.get(step)).writableKeys());
    String decision = typed.values().iterator().next();
    return forms.attempt(
        redirect,
        new StaffForms.Post(QUEUE + "/" + code, QUEUE, draftId, typed),
        () -> actions.complete(code, step, typed, caller),
        donePrefix + decision,
        code);
  }
}
