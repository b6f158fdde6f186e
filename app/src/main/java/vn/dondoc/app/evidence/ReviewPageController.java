package vn.dondoc.app.evidence;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import vn.dondoc.app.attachments.PdfSignatureCheck;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.tasks.EvidenceLevel;
import vn.dondoc.app.web.NotFoundException;

/**
 * The reviewer queue ({@value #QUEUE}): evidence submissions waiting for the caller's decision, oldest
 * first; and the review page of one, with its items and files shown inline and the decision form, which
 * decides through {@link EvidenceService#decide} exactly as {@code POST /api/v1/tasks/{code}/review}.
 */
@Controller
@StaffPage
class ReviewPageController {

  static final String QUEUE = "/tham-dinh";
  private static final String FORM = "review";

  private final ReviewQueue queue;
  private final EvidenceRepository evidence;
  private final AttachmentService attachments;
  private final EvidenceService service;
  private final StaffForms forms;
  private final StepForms stepForms;

  ReviewPageController(
      ReviewQueue queue,
      EvidenceRepository evidence,
      AttachmentService attachments,
      EvidenceService service,
      StaffForms forms,
      StepForms stepForms) {
    this.stepForms = stepForms;
    this.queue = queue;
    this.evidence = evidence;
    this.attachments = attachments;
    this.service = service;
    this.forms = forms;
  }

  @GetMapping(value = QUEUE, produces = "text/html")
  String queue(Model model, Authentication caller) {
    model.addAttribute("page", "review");
    model.addAttribute("waiting", queue.waitingFor(caller));
    return "staff/review-queue";
  }

  /** An evidence item with its files, in the order they were sent. */
  record ItemView(EvidenceRepository.Item item, List<FileView> files) {}

  /**
   * A file as the page shows it: PDF in a frame with the verdict on its embedded signatures (null for other
   * types), images as pictures, other types as a link. {@code issuedDocument}: the item claims an issued
   * document (its kind, or level L1), whose PDF should carry the issuer's signature.
   */
  record FileView(AttachmentRef file, PdfSignatureCheck signatures, boolean issuedDocument) {

    public String url() {
      return AttachmentPageController.path(file.id());
    }

    public boolean pdf() {
      return "application/pdf".equals(file.contentType());
    }

    public boolean image() {
      return file.contentType().startsWith("image/");
    }

    /** An issued document's PDF without any signature: flagged to the reviewer. */
    public boolean unsignedIssuedDocument() {
      return issuedDocument
          && signatures != null
          && signatures.verdict() == PdfSignatureCheck.Verdict.NOT_SIGNED;
    }
  }

  private FileView view(EvidenceRepository.Item item, AttachmentRef file) {
    boolean issuedDocument =
        item.kind() == EvidenceKind.ISSUED_DOCUMENT || item.level() == EvidenceLevel.L1;
    return new FileView(file, attachments.signatures(file).orElse(null), issuedDocument);
  }

  @GetMapping(value = QUEUE + "/{caseCode}", produces = "text/html")
  String review(@PathVariable String caseCode, Model model, Authentication caller) {
    ReviewQueue.Waiting waiting = queue
        .find(caseCode, caller)
        .orElseThrow(() -> new NotFoundException("staff.error.not-found"));
    Map<UUID, AttachmentRef> files =
        attachments.listFor(EvidenceService.OWNER_TYPE, waiting.submission().id()).stream()
            .collect(Collectors.toMap(AttachmentRef::id, Function.identity()));
    List<ItemView> items = evidence.items(waiting.submission().id()).stream()
        .map(item -> new ItemView(
            item,
            item.attachmentIds().stream().map(id -> view(item, files.get(id))).toList()))
        .toList();
    model.addAttribute("page", "review");
    model.addAttribute("waiting", waiting);
    model.addAttribute("items", items);
    model.addAttribute("decisionForm", stepForms.form(service.decisionForm(caseCode)));
    return "staff/review";
  }

  /** The open step's form fields (the reviewer's, or the domain verifier's), checked by that form. */
  @PostMapping(QUEUE + "/{caseCode}")
  String decide(
      @PathVariable String caseCode,
      HttpServletRequest request,
      Authentication caller,
      RedirectAttributes redirect) {
    Map<String, String> typed =
        StaffForms.typed(request, stepForms.form(service.decisionForm(caseCode)).writableKeys());
    StaffForms.Post post = new StaffForms.Post(QUEUE + "/" + caseCode, QUEUE, FORM, typed);
    // the decision is the form's first field, as the page lays it out
    String decision = typed.values().iterator().next();
    return forms.attempt(
        redirect,
        post,
        () -> service.decide(caseCode, typed, caller),
        "staff.review.done." + decision,
        caseCode);
  }
}
