package vn.dondoc.app.feedback;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffNavigation;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.tasks.TaskPageFiles;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.SiteProperties;

/**
 * The staff intake page ({@value #PATH}): an item received by hotline, letter, e-mail or at the counter,
 * recorded for its sender with a scanned letter if there is one. A refusal comes back with every problem
 * under its field, what was typed and the file already uploaded; success shows the receipt slip to print
 * for the counter (the code and secret, also e-mailed to the sender when they gave an address).
 */
@Controller
@StaffPage
@EnableConfigurationProperties(SiteProperties.class)
class StaffIntakePageController {

  static final String PATH = StaffNavigation.HOME + "/tiep-nhan";
  static final String SCAN = "scan";
  private static final String RECEIPT = "intakeReceipt";

  private final FeedbackStaffIntake intake;
  private final ReferenceData reference;
  private final TaskPageFiles uploads;
  private final StaffForms forms;
  private final String followUrl;

  StaffIntakePageController(
      FeedbackStaffIntake intake,
      ReferenceData reference,
      TaskPageFiles uploads,
      StaffForms forms,
      SiteProperties site) {
    this.followUrl = site.publicBaseUrl() + "/theo-doi";
    this.intake = intake;
    this.reference = reference;
    this.uploads = uploads;
    this.forms = forms;
  }

  @GetMapping(value = PATH, produces = "text/html")
  String page(Model model, Authentication caller) {
    checkMayRecord(caller);
    model.addAttribute("page", "intake");
    model.addAttribute("channels", FeedbackChannel.staffChannels());
    model.addAttribute("types", FeedbackType.values());
    model.addAttribute("fields", FeedbackField.values());
    model.addAttribute("localities", reference.localities());
    model.addAttribute("today", intake.today().toString());
    model.addAttribute("earliest", intake.earliestDay().toString());
    model.addAttribute("followUrl", followUrl);
    if (!model.containsAttribute(TaskPageFiles.KEPT)) {
      model.addAttribute(TaskPageFiles.KEPT, Map.of());
    }
    return "staff/intake";
  }

  @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String record(
      MultipartHttpServletRequest request, Authentication caller, RedirectAttributes redirect) {
    checkMayRecord(caller);
    StaffIntakeForm form = new StaffIntakeForm(
        request.getParameter("channel"),
        request.getParameter("receivedOn"),
        request.getParameter("receivedTime"),
        request.getParameter("type"),
        request.getParameter("field"),
        request.getParameter("locality"),
        request.getParameter("title"),
        request.getParameter("content"),
        request.getParameter("senderName"),
        request.getParameter("senderEmail"),
        request.getParameter("senderPhone"),
        request.getParameter("senderConsent") != null,
        request.getParameter("consentToPublish") != null);
    Map<String, List<TaskPageFiles.Kept>> files = uploads.kept(request, List.of(SCAN));
    try {
      uploads.stage(request, files, caller);
      FeedbackReceipt receipt =
          intake.record(form, TaskPageFiles.claims(files.get(SCAN)), Caller.of(caller));
      forms.accepted(redirect, "intake", "staff.intake.done", receipt.code());
      redirect.addFlashAttribute(
          RECEIPT, Slip.of(receipt, FeedbackChannel.fromCode(form.channel().strip()), form));
    } catch (InvalidFieldException e) {
      forms.rejectedAll(redirect, e, "staff.intake.field.", form.typed());
      uploads.keep(redirect, files);
    }
    return "redirect:" + PATH;
  }

  /**
   * What the counter's slip shows, once, after the item was recorded (a flash attribute, hence
   * serializable): code and secret, when it was received, through which channel, from whom, about what.
   */
  record Slip(
      String code,
      String secret,
      String receivedAt,
      String channel,
      String senderName,
      String title)
      implements Serializable {

    static Slip of(FeedbackReceipt receipt, FeedbackChannel channel, StaffIntakeForm form) {
      return new Slip(
          receipt.code(),
          receipt.trackingSecret(),
          DisplayDates.TIME_AND_DAY.format(receipt.submittedAt().atZoneSameInstant(HanoiTime.ZONE)),
          channel.messageKey(),
          form.senderName(),
          form.title());
    }
  }

  private static void checkMayRecord(Authentication caller) {
    if (!FeedbackStaffIntake.mayRecord(Caller.of(caller))) {
      throw new ForbiddenException("staff.error.forbidden");
    }
  }
}
