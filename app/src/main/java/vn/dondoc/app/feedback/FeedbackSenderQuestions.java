package vn.dondoc.app.feedback;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.dondoc.app.sla.SlaClockService;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;
import vn.dondoc.processes.sla.SlaStage;

/** Asking the sender for more information: the answer clock stops while the sender has the ball. */
@Component(FeedbackHandling.InfoRequests.BEAN)
class FeedbackSenderQuestions implements FeedbackHandling.InfoRequests {

  private final FeedbackRepository repository;
  private final FeedbackChanges changes;
  private final SlaClockService clocks;
  private final FeedbackMail mail;

  FeedbackSenderQuestions(
      FeedbackRepository repository,
      FeedbackChanges changes,
      SlaClockService clocks,
      FeedbackMail mail) {
    this.repository = repository;
    this.changes = changes;
    this.clocks = clocks;
    this.mail = mail;
  }

  @Override
  public void ask(DelegateExecution execution) {
    String question = (String) execution.getVariable(Var.QUESTION_TO_SENDER);
    long id = changes.feedbackId(execution);
    repository.askSender(id, question, changes.now());
    clocks.pause(execution.getProcessInstanceId(), SlaStage.ANSWER);
    changes.recorded(execution, "ASKED_SENDER", Map.of("question", question));
    mail.toSender(repository.findById(id).orElseThrow(), FeedbackMail.Kind.QUESTION);
  }

  @Override
  public void resume(DelegateExecution execution) {
    String reply = (String) execution.getVariable(Var.SENDER_REPLY);
    repository.senderReplied(changes.feedbackId(execution), reply, changes.now());
    clocks.resume(execution.getProcessInstanceId(), SlaStage.ANSWER);
    changes.recorded(execution, "SENDER_REPLIED", Map.of());
  }
}
