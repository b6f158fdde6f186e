package vn.dondoc.app.feedback;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.search.CallerScope;
import vn.dondoc.app.web.CaseNotFoundException;
import vn.dondoc.processes.FeedbackHandling;

/**
 * What the handling agency does with a feedback item: accept it (or return it, or send it on as beyond the
 * agency's authority), draft the answer (or ask the sender), sign the answer off (or send it back). Each step
 * is checked by its form (feedback-acceptance, feedback-answer, feedback-sign-off: required fields, lengths,
 * a text only for the choice that shows it) and completes the same user task as the caller. Who may act is
 * asked first ({@link UserTasks#forCaller}: 409 when the item is not at that step, 403 when the caller is no
 * candidate, e.g. an officer at a sign-off). Only items the caller sees (routed to their agency) are found.
 */
@Service
class FeedbackAgencyActions {

  /** The agency's steps and their forms. */
  static final Map<String, String> STEP_FORMS = Map.of(
      FeedbackHandling.TASK_ACCEPT,
      FeedbackHandling.FORM_ACCEPT,
      FeedbackHandling.TASK_DRAFT_ANSWER,
      FeedbackHandling.FORM_DRAFT_ANSWER,
      FeedbackHandling.TASK_SIGN_OFF,
      FeedbackHandling.FORM_SIGN_OFF);

  private final FeedbackRepository repository;
  private final UserTasks userTasks;
  private final StepForms forms;

  FeedbackAgencyActions(FeedbackRepository repository, UserTasks userTasks, StepForms forms) {
    this.repository = repository;
    this.userTasks = userTasks;
    this.forms = forms;
  }

  /** Completes the item's step (one of {@link #STEP_FORMS}) with what its form lets the caller write. */
  @Transactional
  public void complete(String code, String step, Map<String, ?> submitted, Authentication caller) {
    repository
        .findByCode(code)
        .filter(item -> item.visibleTo(CallerScope.of(caller)))
        .orElseThrow(() -> new CaseNotFoundException(code));
    userTasks.forCaller(caller, code, step);
    userTasks.complete(caller, code, forms.checked(STEP_FORMS.get(step), submitted), step);
  }
}
