package vn.dondoc.app.feedback;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "answerLetters" in /actuator/health (the bean's name without HealthIndicator): how many answer letters failed to
 * be made and wait for another attempt, and since when the oldest was signed. Always UP: the sign-off stands and the sender is answered on the page; the
 * operations page lists them and tries them again.
 */
@Component
class AnswerLettersHealthIndicator implements HealthIndicator {

  private final AnswerLetters letters;
  private final Clock clock;

  AnswerLettersHealthIndicator(AnswerLetters letters, Clock clock) {
    this.letters = letters;
    this.clock = clock;
  }

  @Override
  public Health health() {
    AnswerLetters.Backlog backlog = letters.backlog();
    Health.Builder health = Health.up().withDetail("waiting", backlog.waiting());
    if (backlog.oldestSignedAt() != null) {
      health.withDetail(
          "oldestWaitingSeconds",
          Duration.between(backlog.oldestSignedAt(), clock.instant()).toSeconds());
    }
    return health.build();
  }
}
