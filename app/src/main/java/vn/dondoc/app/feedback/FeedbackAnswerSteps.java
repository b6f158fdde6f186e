package vn.dondoc.app.feedback;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.camunda.CaseKeys;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;

/** Handling, the answer going out, the sender's rating or reopening, and the case's end. */
@Component(FeedbackHandling.Answers.BEAN)
class FeedbackAnswerSteps implements FeedbackHandling.Answers {

  private final FeedbackRepository repository;
  private final FeedbackChanges changes;
  private final FeedbackMail mail;
  private final AnswerLetters letters;

  FeedbackAnswerSteps(
      FeedbackRepository repository,
      FeedbackChanges changes,
      FeedbackMail mail,
      AnswerLetters letters) {
    this.repository = repository;
    this.changes = changes;
    this.mail = mail;
    this.letters = letters;
  }

  @Override
  public void startHandling(DelegateExecution execution) {
    FeedbackRepository.Item item = changes.item(execution);
    repository.changeStatus(item.id(), FeedbackStatus.IN_PROGRESS, changes.now());
    changes.recorded(execution, "HANDLING_STARTED", Map.of("agency", item.handlingAgency()));
  }

  /** Runs in the transaction of the leader's sign-off, so the signing leader is the one answering. */
  @Override
  public void publish(DelegateExecution execution) {
    long id = changes.feedbackId(execution);
    repository.publish(
        id,
        (String) execution.getVariable(Var.ANSWER_TEXT),
        FeedbackChanges.actor(execution),
        changes.now());
    FeedbackRepository.Item answered = repository.findById(id).orElseThrow();
    changes.recorded(execution, "ANSWERED", Map.of("published", answered.published()));
    mail.toSender(answered, FeedbackMail.Kind.ANSWER);
    letters.signed(answered, FeedbackChanges.actor(execution));
  }

  @Override
  public void recordRating(DelegateExecution execution) {
    long id = changes.feedbackId(execution);
    Number rating = (Number) execution.getVariable(Var.RATING);
    boolean reopen = Boolean.TRUE.equals(execution.getVariable(Var.REOPEN_REQUESTED));
    if (rating != null) {
      repository.rate(
          id, rating.intValue(), (String) execution.getVariable(Var.RATING_COMMENT), changes.now());
    }
    if (!reopen) {
      repository.close(id, changes.now());
    }
    Map<String, Object> detail = new HashMap<>();
    detail.put("rating", rating);
    detail.put("reopen", reopen);
    changes.recorded(execution, "RATED", detail);
  }

  @Override
  public void reopen(DelegateExecution execution) {
    repository.reopen(changes.feedbackId(execution), changes.now());
    changes.recorded(execution, "REOPENED", Map.of());
  }

  @Override
  public void close(DelegateExecution execution) {
    repository.close(changes.feedbackId(execution), changes.now());
    changes.recorded(execution, "CLOSED", Map.of("reason", "rating window over"));
  }

  @Override
  public void closeWithoutAnswer(DelegateExecution execution) {
    long id = changes.feedbackId(execution);
    repository.close(id, changes.now());
    changes.recorded(execution, "CLOSED", Map.of("reason", "sender did not reply"));
    mail.toSender(repository.findById(id).orElseThrow(), FeedbackMail.Kind.CLOSED_NO_REPLY);
  }

  @Override
  public void recordDraft(DelegateTask task) {
    if (FeedbackHandling.Decision.ANSWER.equals(task.getVariable(Var.ANSWER_DECISION))) {
      String code = CaseKeys.caseCode(task);
      changes.recorded(changes.feedbackId(task), code, "ANSWER_DRAFTED", completer(task), Map.of());
    }
  }

  /** A draft sent back: the leader's note, as they wrote it in this completion, goes on the record. */
  @Override
  public void recordSignOff(DelegateTask task) {
    if (FeedbackHandling.Decision.REVISE.equals(task.getVariable(Var.SIGN_OFF_DECISION))) {
      Object note = task.getVariable(Var.SIGN_OFF_NOTE);
      changes.recorded(
          changes.feedbackId(task),
          CaseKeys.caseCode(task),
          "ANSWER_SENT_BACK",
          completer(task),
          Map.of("note", note == null ? "" : note.toString()));
    }
  }

  private static String completer(DelegateTask task) {
    Authentication user =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }
}
