package vn.dondoc.app.feedback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.search.CallerScope;
import vn.dondoc.app.web.CaseNotFoundException;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Decision;
import vn.dondoc.processes.FeedbackHandling.Var;

/**
 * What the handling agency does with a feedback item, with the checks and the variables of the Tasklist
 * forms feedback-acceptance, feedback-answer and feedback-sign-off (required fields, lengths, a text only
 * for the choice that shows it), completing the same user tasks as the caller ({@link UserTasks#complete}:
 * 409 when the item is not at that step, 403 when the caller is no candidate, e.g. an officer at a
 * sign-off). Only items the caller sees (routed to their agency) are found.
 */
@Service
class FeedbackAgencyActions {

  static final int REASON_MAX = 2000;
  static final int ANSWER_MAX = 10000;

  private final FeedbackRepository repository;
  private final UserTasks userTasks;

  FeedbackAgencyActions(FeedbackRepository repository, UserTasks userTasks) {
    this.repository = repository;
    this.userTasks = userTasks;
  }

  /** Accepts the item, returns it for rerouting, or sends it to the standing office as beyond the agency's authority. */
  @Transactional
  public void accept(String code, String decision, String reason, Authentication caller) {
    visible(code, caller);
    choice(decision, "acceptanceDecision", Decision.ACCEPT, Decision.RETURN, Decision.BEYOND_AUTHORITY);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.ACCEPTANCE_DECISION, decision);
    if (!Decision.ACCEPT.equals(decision)) {
      variables.put(Var.ACCEPTANCE_REASON, Inputs.text(reason, "acceptanceReason", REASON_MAX));
    }
    userTasks.complete(caller, code, variables, FeedbackHandling.TASK_ACCEPT);
  }

  /** Drafts the answer (for the leader's sign-off) or asks the sender for more information. */
  @Transactional
  public void draft(String code, String decision, String answerText, String question, Authentication caller) {
    visible(code, caller);
    choice(decision, "answerDecision", Decision.ANSWER, Decision.ASK_SENDER);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.ANSWER_DECISION, decision);
    if (Decision.ANSWER.equals(decision)) {
      variables.put(Var.ANSWER_TEXT, Inputs.text(answerText, "answerText", ANSWER_MAX));
    } else {
      variables.put(Var.QUESTION_TO_SENDER, Inputs.text(question, "questionToSender", REASON_MAX));
    }
    userTasks.complete(caller, code, variables, FeedbackHandling.TASK_DRAFT_ANSWER);
  }

  /** The leader approves the drafted answer (it goes out) or sends it back for revision with a note. */
  @Transactional
  public void signOff(String code, String decision, String note, Authentication caller) {
    visible(code, caller);
    choice(decision, "signOffDecision", Decision.APPROVE, Decision.REVISE);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.SIGN_OFF_DECISION, decision);
    if (Decision.REVISE.equals(decision)) {
      variables.put(Var.SIGN_OFF_NOTE, Inputs.text(note, "signOffNote", REASON_MAX));
    }
    userTasks.complete(caller, code, variables, FeedbackHandling.TASK_SIGN_OFF);
  }

  private void visible(String code, Authentication caller) {
    repository.findByCode(code).filter(item -> item.visibleTo(CallerScope.of(caller)))
        .orElseThrow(() -> new CaseNotFoundException(code));
  }

  private static void choice(String value, String field, String... allowed) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "validation.required");
    }
    if (!List.of(allowed).contains(value)) {
      throw new InvalidFieldException(field, "validation.value.invalid");
    }
  }
}
