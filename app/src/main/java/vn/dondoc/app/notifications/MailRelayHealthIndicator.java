package vn.dondoc.app.notifications;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code mailRelay}: whether e-mails are sent at all, and how many wait or were given
 * up. Always UP: waiting e-mails are not an outage of Dondoc (Spring Boot's own {@code mail} component
 * checks the SMTP server when one is configured).
 */
@Component
class MailRelayHealthIndicator implements HealthIndicator {

  private final MailRelay relay;
  private final MailQueue queue;

  MailRelayHealthIndicator(MailRelay relay, MailQueue queue) {
    this.relay = relay;
    this.queue = queue;
  }

  @Override
  public Health health() {
    MailQueue.Backlog backlog = queue.backlog();
    return Health.up()
        .withDetail(
            "sending",
            relay.enabled() ? "enabled" : "disabled: no SMTP server configured (spring.mail.host)")
        .withDetail("pending", backlog.pending())
        .withDetail("failed", backlog.failed())
        .build();
  }
}
