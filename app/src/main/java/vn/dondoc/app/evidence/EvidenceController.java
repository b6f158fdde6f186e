package vn.dondoc.app.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.attachments.AttachmentRef;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.Tasks;

/**
 * Completion reports with evidence (the lead agency; files uploaded first to /api/v1/attachments) and
 * the review decisions on them (reviewers and domain verifiers; the same steps Tasklist offers).
 */
@RestController
@RequestMapping("/api/v1/tasks/{caseCode}")
class EvidenceController {

  private final EvidenceService service;
  private final EvidenceRepository evidence;
  private final AttachmentService attachments;
  private final Tasks tasks;

  EvidenceController(
      EvidenceService service,
      EvidenceRepository evidence,
      AttachmentService attachments,
      Tasks tasks) {
    this.service = service;
    this.evidence = evidence;
    this.attachments = attachments;
    this.tasks = tasks;
  }

  record SubmissionView(
      EvidenceRepository.Submission submission,
      List<EvidenceRepository.Item> items,
      List<AttachmentRef> files) {}

  @PostMapping("/completion")
  @ResponseStatus(HttpStatus.CREATED)
  SubmissionView report(
      @PathVariable String caseCode, @RequestBody EvidenceSubmission body, Authentication caller) {
    long id = service.submit(caseCode, body, caller);
    return view(evidence.find(id).orElseThrow());
  }

  @GetMapping("/submissions")
  List<SubmissionView> submissions(@PathVariable String caseCode, Authentication caller) {
    TaskRecord task = tasks.visible(caseCode, caller);
    return evidence.forTask(task.id()).stream().map(this::view).toList();
  }

  /**
   * The open decision step's form fields (evidence-review: reviewDecision, reviewNote; evidence-verification:
   * verifyDecision, verifyNote); answers with what was written.
   */
  @PostMapping("/review")
  Map<String, Object> review(
      @PathVariable String caseCode, @RequestBody Map<String, Object> body, Authentication caller) {
    Map<String, Object> decided = new LinkedHashMap<>();
    decided.put("caseCode", caseCode);
    decided.putAll(service.decide(caseCode, body, caller));
    return decided;
  }

  private SubmissionView view(EvidenceRepository.Submission submission) {
    return new SubmissionView(
        submission,
        evidence.items(submission.id()),
        attachments.listFor(EvidenceService.OWNER_TYPE, submission.id()));
  }
}
