package vn.dondoc.app.security;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.web.InvalidFieldException;

/** Admins tighten or loosen the anonymous-submission limit while running, e.g. during a flood (role checked in SecurityConfig). */
@RestController
@RequestMapping("/api/v1/admin/rate-limit")
class RateLimitController {

  private final AnonymousRateLimit rateLimit;

  RateLimitController(AnonymousRateLimit rateLimit) {
    this.rateLimit = rateLimit;
  }

  record Limit(Integer limit, String window) {}

  @GetMapping
  Limit current() {
    AnonymousRateLimit.Settings settings = rateLimit.current();
    return new Limit(settings.limit(), settings.window().toString());
  }

  @PutMapping
  Limit change(@RequestBody Limit body, Authentication admin) {
    if (body.limit() == null || body.limit() < 0 || body.limit() > AnonymousRateLimit.MAX_HITS) {
      throw new InvalidFieldException("limit", "validation.range", 0, AnonymousRateLimit.MAX_HITS);
    }
    Duration window;
    try {
      window = Duration.parse(body.window() == null ? "" : body.window());
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("window", "validation.duration");
    }
    if (window.toSeconds() < 1 || window.toSeconds() > AnonymousRateLimit.MAX_WINDOW_SECONDS) {
      throw new InvalidFieldException("window", "validation.duration");
    }
    rateLimit.change(new AnonymousRateLimit.Settings(body.limit(), window), admin.getName());
    return current();
  }

  /** Back to the configured limit (dondoc.rate-limit.*). */
  @DeleteMapping
  Limit reset() {
    rateLimit.change(null, null);
    return current();
  }
}
