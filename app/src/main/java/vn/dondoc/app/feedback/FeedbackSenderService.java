package vn.dondoc.app.feedback;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.web.CaseNotFoundException;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;

/** What the sender may do with their item; each action is a message to its process. */
@Service
class FeedbackSenderService {

  private final FeedbackRepository repository;
  private final RuntimeService runtime;

  FeedbackSenderService(FeedbackRepository repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
  }

  FeedbackRepository.Item open(String code, String secret) {
    return repository
        .findByCode(code)
        .filter(item -> TrackingSecrets.matches(secret, item.trackingSecretHash()))
        .orElseThrow(() -> new CaseNotFoundException(code));
  }

  @Transactional
  FeedbackRepository.Item reply(String code, String secret, String text) {
    FeedbackRepository.Item item = open(code, secret);
    if (item.statusValue() != FeedbackStatus.WAITING_FOR_SENDER) {
      throw new ConflictException("feedback.reply.not-waiting");
    }
    correlate(
        code,
        FeedbackHandling.MESSAGE_INFO_PROVIDED,
        Map.of(Var.SENDER_REPLY, text),
        "feedback.reply.not-waiting");
    return repository.findByCode(code).orElseThrow();
  }

  @Transactional
  FeedbackRepository.Item rate(
      String code, String secret, int rating, String comment, boolean reopen) {
    FeedbackRepository.Item item = open(code, secret);
    if (item.statusValue() != FeedbackStatus.ANSWERED || item.ratedAt() != null) {
      throw new ConflictException("feedback.rating.not-open");
    }
    if (reopen && item.reopenCount() > 0) {
      throw new ConflictException("feedback.reopen.used");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.RATING, rating);
    variables.put(Var.RATING_COMMENT, comment);
    variables.put(Var.REOPEN_REQUESTED, reopen);
    correlate(code, FeedbackHandling.MESSAGE_RATED, variables, "feedback.rating.not-open");
    return repository.findByCode(code).orElseThrow();
  }

  /**
   * A message nobody waits for (the window just closed) or one that lost a race with the same
   * message (a double click) is a conflict, not an error.
   */
  private void correlate(
      String code, String message, Map<String, Object> variables, String conflictKey) {
    try {
      runtime
          .createMessageCorrelation(message)
          .processInstanceBusinessKey(code)
          .setVariables(variables)
          .correlate();
    } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
      throw new ConflictException(conflictKey);
    }
  }
}
