package vn.dondoc.app.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dondoc.app.security.KeycloakDirectory;

/**
 * A person's full name for what staff pages show of who did something (the realm's first and last name), the
 * login when the realm does not know it or cannot be asked. Names are kept ten minutes, so that a page of a
 * hundred events by five people asks the realm five times.
 */
@Component
public class PersonNames {

  private static final Logger log = LoggerFactory.getLogger(PersonNames.class);
  private static final Duration KEPT = Duration.ofMinutes(10);
  private static final int MAX_KEPT = 10_000;

  private record Known(String name, Instant until) {}

  private final KeycloakDirectory directory;
  private final Clock clock;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  PersonNames(KeycloakDirectory directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  /** The full name of {@code username}; the username itself when unknown; null for null. */
  public String of(String username) {
    if (username == null || username.isBlank()) {
      return username;
    }
    Instant now = clock.instant();
    Known kept = known.get(username);
    if (kept != null && now.isBefore(kept.until())) {
      return kept.name();
    }
    String name;
    try {
      name =
          directory.profileOf(username).map(KeycloakDirectory.Profile::fullName).orElse(username);
    } catch (RuntimeException e) {
      log.warn(
          "The name of {} is not known, the realm did not answer: {}", username, e.getMessage());
      return username;
    }
    if (known.size() >= MAX_KEPT) {
      known.clear();
    }
    known.put(username, new Known(name, now.plus(KEPT)));
    return name;
  }
}
