package vn.dondoc.app.feedback;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.attachments.AttachmentPageController;
import vn.dondoc.app.attachments.AttachmentRef;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.notifications.NoticeBanner;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffNavigation;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.NotFoundException;
import vn.dondoc.processes.FeedbackHandling.Var;

/**
 * The agency's feedback queue ({@value #QUEUE}) with SLA countdowns, and the page of one item: the
 * sender's text and files, and the form of the step it waits at (acceptance, answer, sign-off), which
 * {@link FeedbackAgencyActions} completes as the Tasklist form would.
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

  FeedbackQueuePageController(FeedbackQueue queue, FeedbackAgencyActions actions, AttachmentService attachments,
      TaskService engineTasks, StaffForms forms, NoticeBanner banners) {
    this.banners = banners;
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
    FeedbackQueue.Waiting waiting = queue.find(code, caller).orElseThrow(() -> new NotFoundException("staff.error.not-found"));
    // The values the step's Tasklist form shows besides the item itself.
    Map<String, Object> shown = engineTasks.getVariables(waiting.taskId(), List.of(Var.CLASSIFICATION_NOTE,
        Var.SENDER_REPLY, Var.ANSWER_TEXT, Var.LOCALITY_NAME));
    model.addAttribute("page", "feedback-queue");
    model.addAttribute("waiting", waiting);
    model.addAttribute("shown", shown);
    model.addAttribute(NoticeBanner.ATTRIBUTE, banners.of(code));
    model.addAttribute("files", attachments.listFor(FeedbackService.CASE_TYPE, waiting.item().id()).stream()
        .map(ref -> new FileView(ref, AttachmentPageController.path(ref.id()), ref.contentType().startsWith("image/")))
        .toList());
    return "staff/feedback-item";
  }

  @PostMapping(QUEUE + "/{code}/tiep-nhan")
  String accept(@PathVariable String code, @RequestParam(required = false) String acceptanceDecision,
      @RequestParam(required = false) String acceptanceReason, Authentication caller, RedirectAttributes redirect) {
    return forms.attempt(redirect, post(code, "feedback-accept",
            StaffForms.typed("acceptanceDecision", acceptanceDecision, "acceptanceReason", acceptanceReason)),
        () -> actions.accept(code, acceptanceDecision, acceptanceReason, caller),
        "staff.feedback.done.accept." + acceptanceDecision, code);
  }

  @PostMapping(QUEUE + "/{code}/xu-ly")
  String draft(@PathVariable String code, @RequestParam(required = false) String answerDecision,
      @RequestParam(required = false) String answerText, @RequestParam(required = false) String questionToSender,
      Authentication caller, RedirectAttributes redirect) {
    return forms.attempt(redirect, post(code, "feedback-draft", StaffForms.typed("answerDecision", answerDecision,
            "answerText", answerText, "questionToSender", questionToSender)),
        () -> actions.draft(code, answerDecision, answerText, questionToSender, caller),
        "staff.feedback.done.draft." + answerDecision, code);
  }

  @PostMapping(QUEUE + "/{code}/ky-duyet")
  String signOff(@PathVariable String code, @RequestParam(required = false) String signOffDecision,
      @RequestParam(required = false) String signOffNote, Authentication caller, RedirectAttributes redirect) {
    return forms.attempt(redirect, post(code, "feedback-sign-off",
            StaffForms.typed("signOffDecision", signOffDecision, "signOffNote", signOffNote)),
        () -> actions.signOff(code, signOffDecision, signOffNote, caller),
        "staff.feedback.done.sign-off." + signOffDecision, code);
  }

  /** A form of the item's page; done, back to the queue. */
  private static StaffForms.Post post(String code, String formId, Map<String, String> typed) {
    return new StaffForms.Post(QUEUE + "/" + code, QUEUE, formId, "staff.feedback.field.", typed);
  }
}
