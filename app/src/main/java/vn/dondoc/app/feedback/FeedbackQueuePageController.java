package vn.dondoc.app.feedback;

import java.util.LinkedHashMap;
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
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffNavigation;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;
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

  FeedbackQueuePageController(FeedbackQueue queue, FeedbackAgencyActions actions, AttachmentService attachments,
      TaskService engineTasks, StaffForms forms) {
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
        Var.SENDER_REPLY, Var.SIGN_OFF_NOTE, Var.ANSWER_TEXT, Var.LOCALITY_NAME));
    model.addAttribute("page", "feedback-queue");
    model.addAttribute("waiting", waiting);
    model.addAttribute("shown", shown);
    model.addAttribute("files", attachments.listFor(FeedbackService.CASE_TYPE, waiting.item().id()).stream()
        .map(ref -> new FileView(ref, AttachmentPageController.path(ref.id()), ref.contentType().startsWith("image/")))
        .toList());
    return "staff/feedback-item";
  }

  @PostMapping(QUEUE + "/{code}/tiep-nhan")
  String accept(@PathVariable String code, @RequestParam(required = false) String acceptanceDecision,
      @RequestParam(required = false) String acceptanceReason, Authentication caller, RedirectAttributes redirect) {
    return act(code, redirect, "feedback-accept", "staff.feedback.done.accept." + acceptanceDecision,
        typed("acceptanceDecision", acceptanceDecision, "acceptanceReason", acceptanceReason),
        () -> actions.accept(code, acceptanceDecision, acceptanceReason, caller));
  }

  @PostMapping(QUEUE + "/{code}/xu-ly")
  String draft(@PathVariable String code, @RequestParam(required = false) String answerDecision,
      @RequestParam(required = false) String answerText, @RequestParam(required = false) String questionToSender,
      Authentication caller, RedirectAttributes redirect) {
    return act(code, redirect, "feedback-draft", "staff.feedback.done.draft." + answerDecision,
        typed("answerDecision", answerDecision, "answerText", answerText, "questionToSender", questionToSender),
        () -> actions.draft(code, answerDecision, answerText, questionToSender, caller));
  }

  @PostMapping(QUEUE + "/{code}/ky-duyet")
  String signOff(@PathVariable String code, @RequestParam(required = false) String signOffDecision,
      @RequestParam(required = false) String signOffNote, Authentication caller, RedirectAttributes redirect) {
    return act(code, redirect, "feedback-sign-off", "staff.feedback.done.sign-off." + signOffDecision,
        typed("signOffDecision", signOffDecision, "signOffNote", signOffNote),
        () -> actions.signOff(code, signOffDecision, signOffNote, caller));
  }

  /** Runs an action; on bad input back to the item with the message next to the field, else to the queue. */
  private String act(String code, RedirectAttributes redirect, String formId, String noticeKey, Map<String, String> typed,
      Runnable action) {
    String itemPage = "redirect:" + QUEUE + "/" + code;
    String decisionField = typed.keySet().iterator().next();
    try {
      action.run();
    } catch (InvalidFieldException e) {
      forms.rejected(redirect, e, "staff.feedback.field." + e.field(), typed);
      return itemPage;
    } catch (ForbiddenException e) {
      forms.rejected(redirect, decisionField, forms.message(e.messageKey()), typed);
      return itemPage;
    } catch (ConflictException e) {
      // Done meanwhile (by a colleague, or in Tasklist): the item has moved on.
      redirect.addFlashAttribute("notice", forms.message(e.messageKey()));
      return "redirect:" + QUEUE;
    }
    forms.accepted(redirect, formId, noticeKey, code);
    return "redirect:" + QUEUE;
  }

  /** What was typed, by field name, in the form's order (the first is the decision). */
  private static Map<String, String> typed(String... namesAndValues) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      typed.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
    }
    return typed;
  }
}
