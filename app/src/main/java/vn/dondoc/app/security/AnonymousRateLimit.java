package vn.dondoc.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.dondoc.app.web.DatabaseOutage;

/**
 * Limits anonymous submissions (feedback, uploads, the sender's replies and ratings) per client address:
 * at most {@code limit} in each fixed window, counted in PostgreSQL so that every node shares the count.
 * The next one gets 429 with Retry-After until the window ends. Only callers authenticated by a bearer
 * token are not limited: any other Authorization header (Basic, a refused token) counts as anonymous.
 * Admins can change the limit at run time for all nodes ({@link RateLimitController}).
 * The client address is the socket's, or X-Forwarded-For when the socket is a trusted proxy
 * ({@link TrustedProxies}). Runs after Spring Security, which has authenticated the bearer by then.
 */
@Component
@EnableConfigurationProperties(AnonymousRateLimit.Settings.class)
public class AnonymousRateLimit extends OncePerRequestFilter {

  /**
   * {@code dondoc.rate-limit.*}: anonymous submissions per window per address.
   *
   * @param limit submissions per client address and window (DONDOC_RATE_LIMIT); 0 turns the limit off
   * @param window the fixed window they are counted in
   */
  @ConfigurationProperties("dondoc.rate-limit")
  public record Settings(int limit, Duration window) {}

  /** The most an admin may set, on the operations page or through the API: hits per window, and the window. */
  public static final int MAX_HITS = 100_000;

  public static final int MAX_WINDOW_SECONDS = 86_400;

  private static final Set<String> LIMITED = Set.of("/api/v1/feedback", "/api/v1/attachments");
  private static final String PUBLIC = "/api/v1/public/";

  private final JdbcClient jdbc;
  private final Settings settings;
  private final ProblemResponses problems;
  private final Clock clock;

  AnonymousRateLimit(JdbcClient jdbc, Settings settings, ProblemResponses problems, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.problems = problems;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !HttpMethod.POST.matches(request.getMethod())
        || SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken
        || !(LIMITED.contains(path) || path.startsWith(PUBLIC));
  }

  /** The limit in force: an admin's change at run time (shared by all nodes), else the configuration. */
  public Settings current() {
    return jdbc.sql("select max_hits, window_seconds from rate_limit_setting where id = 1")
        .query((rs, n) ->
            new Settings(rs.getInt("max_hits"), Duration.ofSeconds(rs.getInt("window_seconds"))))
        .optional()
        .orElse(settings);
  }

  /** An admin changes the limit for every node; null goes back to the configuration. */
  public void change(Settings changed, String admin) {
    if (changed == null) {
      jdbc.sql("delete from rate_limit_setting").update();
      return;
    }
    jdbc.sql("""
            insert into rate_limit_setting (id, max_hits, window_seconds, changed_by, changed_at) values (1, ?, ?, ?, ?)
            on conflict (id) do update set max_hits = excluded.max_hits, window_seconds = excluded.window_seconds,
                changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
        .params(
            changed.limit(), changed.window().toSeconds(), admin, Timestamp.from(clock.instant()))
        .update();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean allowed;
    try {
      allowed = count(request, response);
    } catch (DataAccessException e) {
      if (!DatabaseOutage.causedBy(e)) {
        throw e;
      }
      // PostgreSQL unreachable: the submission could not be stored either; the caller retries
      // later.
      response.setHeader(HttpHeaders.RETRY_AFTER, "30");
      problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
      return;
    }
    if (allowed) {
      chain.doFilter(request, response);
    }
  }

  /** Counts this request; false (after writing the 429) when it is over the limit. */
  private boolean count(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Settings settings = current();
    if (settings.limit() <= 0) {
      return true;
    }
    long windowMillis = settings.window().toMillis();
    Instant now = clock.instant();
    Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
    int hits = jdbc.sql("""
            insert into rate_limit_window (client, window_start, hits) values (?, ?, 1)
            on conflict (client, window_start) do update set hits = rate_limit_window.hits + 1
            returning hits""")
        .params(client(request), Timestamp.from(windowStart))
        .query(Integer.class)
        .single();
    if (hits > settings.limit()) {
      long retryAfter = Math.max(
          1, Duration.between(now, windowStart.plusMillis(windowMillis)).toSeconds());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
      problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests");
      return false;
    }
    return true;
  }

  /** Past windows are of no use: kept an hour after the longest window for whoever looks into an incident. */
  @Scheduled(fixedDelayString = "PT10M")
  void forgetOldWindows() {
    jdbc.sql("delete from rate_limit_window where window_start < ?")
        .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1)).minus(Duration.ofHours(1))))
        .update();
  }

  private static String client(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    return address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
  }
}
