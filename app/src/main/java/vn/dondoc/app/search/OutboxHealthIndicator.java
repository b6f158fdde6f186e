package vn.dondoc.app.search;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "searchOutbox" in /actuator/health: how many committed changes search has not seen yet, and since
 * when. A backlog is not an outage (submissions go on), so it is reported, not turned into DOWN;
 * Elasticsearch's own health says whether search is down.
 */
@Component("searchOutbox")
class OutboxHealthIndicator implements HealthIndicator {

  private final Outbox outbox;
  private final Clock clock;

  OutboxHealthIndicator(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up().withDetail("backlog", outbox.backlog());
    outbox
        .oldestWaiting()
        .ifPresent(oldest -> health.withDetail(
            "oldestWaitingSeconds", Duration.between(oldest, clock.instant()).toSeconds()));
    return health.build();
  }
}
