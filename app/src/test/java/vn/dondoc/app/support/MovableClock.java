package vn.dondoc.app.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.dondoc.app.time.HanoiTime;

/**
 * The application's clock in integration tests: the real time, plus an offset a test may move forward to
 * stand after a deadline (and must {@link #reset()} afterwards). Everything that asks the injected
 * {@link Clock} for the time (the SLA board, the page labels, the reports) sees the moved time; Camunda's
 * own clock (ClockUtil) is not moved.
 */
public final class MovableClock extends Clock {

  private final Clock base;
  private final ZoneId zone;
  private final Duration[] offset;

  public MovableClock() {
    this(Clock.system(HanoiTime.ZONE), HanoiTime.ZONE, new Duration[] {Duration.ZERO});
  }

  private MovableClock(Clock base, ZoneId zone, Duration[] offset) {
    this.base = base;
    this.zone = zone;
    this.offset = offset;
  }

  /** Moves the time by {@code amount} from where it stands. */
  public void moveBy(Duration amount) {
    synchronized (offset) {
      offset[0] = offset[0].plus(amount);
    }
  }

  /** Back to the real time. */
  public void reset() {
    synchronized (offset) {
      offset[0] = Duration.ZERO;
    }
  }

  @Override
  public Instant instant() {
    synchronized (offset) {
      return base.instant().plus(offset[0]);
    }
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same moved time, in another zone (moving either moves both). */
  @Override
  public Clock withZone(ZoneId other) {
    return new MovableClock(base, other, offset);
  }

  /** Puts the movable clock in the place of the application's. */
  @TestConfiguration
  public static class Config {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }
}
