package vn.dondoc.app.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.tasks.EvidenceLevel;
import vn.dondoc.app.tasks.TaskField;
import vn.dondoc.app.tasks.TaskIssuing;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskSpec;
import vn.dondoc.app.web.CaseNotFoundException;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;

/**
 * The standing office turns a feedback item (a proposal, a recurring problem) into a task for an
 * agency. The task's code is the feedback's case code; each links to the other. The feedback item's
 * own lifecycle goes on: its sender still gets an answer.
 */
@RestController
class FeedbackTaskController {

  private static final String SECTION = "Phản ánh, kiến nghị (PAKN)";

  private final FeedbackRepository repository;
  private final FeedbackChanges changes;
  private final TaskIssuing issuing;

  FeedbackTaskController(
      FeedbackRepository repository, FeedbackChanges changes, TaskIssuing issuing) {
    this.repository = repository;
    this.changes = changes;
    this.issuing = issuing;
  }

  /** What the standing office decides about the task; the content defaults to the feedback's title and text. */
  record TaskFromFeedback(
      String leadAgency,
      List<String> cooperatingAgencies,
      Boolean recurring,
      LocalDate deadline,
      TaskField field,
      EvidenceLevel evidenceLevel,
      String expectedProduct,
      String content) {}

  record Created(String feedback, String task) {}

  @PostMapping("/api/v1/feedback/{code}/task")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  Created createTask(
      @PathVariable String code, @RequestBody TaskFromFeedback body, Authentication caller) {
    if (caller.getAuthorities().stream()
        .noneMatch(a -> a.getAuthority().equals("ROLE_" + Roles.STANDING_OFFICE))) {
      throw new ForbiddenException("forbidden.feedback.task");
    }
    FeedbackRepository.Item item =
        repository.findByCode(code).orElseThrow(() -> new CaseNotFoundException(code));
    if (repository.taskCaseCode(item.id()).isPresent()) {
      throw new ConflictException("conflict.feedback.has-task");
    }
    String content = body.content() == null || body.content().isBlank()
        ? item.title() + "\n\n" + item.content()
        : body.content();
    TaskIssuing.CheckedTask checked = issuing.checkOne(new TaskSpec(
        item.code(),
        SECTION,
        body.field(),
        content,
        body.recurring(),
        null,
        body.leadAgency(),
        body.cooperatingAgencies(),
        null,
        body.deadline(),
        body.expectedProduct(),
        body.evidenceLevel()));
    TaskRecord task = issuing.issue(checked, null, item.id(), caller.getName());
    repository.linkTask(item.id(), task.id(), changes.now());
    changes.recorded(
        item.id(),
        item.code(),
        "FEEDBACK_TASK_CREATED",
        caller.getName(),
        Map.of("task", task.caseCode()));
    return new Created(item.code(), task.caseCode());
  }
}
