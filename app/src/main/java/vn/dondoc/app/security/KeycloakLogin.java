package vn.dondoc.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.actuate.health.Status;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser login while Keycloak is down ends on Dondoc's own page ({@value #UNAVAILABLE_PAGE}, 503, in the
 * visitor's language) instead of the browser's "cannot connect" or a stack trace: before the redirect to
 * Keycloak ({@link #guard()}) and when the callback cannot redeem its code ({@link #onAuthenticationFailure}).
 * Sessions already logged in and bearer tokens already issued keep working (the JWKS is cached).
 */
@Component
class KeycloakLogin implements AuthenticationFailureHandler {

  static final String UNAVAILABLE_PAGE = "/dang-nhap-tam-ngung";
  private static final String AUTHORIZATION_PATH = "/oauth2/authorization/";
  /** How long one probe's answer is reused: logins are rare, but a flood must not become a flood of probes. */
  private static final Duration PROBE_VALIDITY = Duration.ofSeconds(5);

  private record Probe(boolean up, Instant at) {}

  private final KeycloakHealthIndicator keycloak;
  private final Clock clock;
  private final AtomicReference<Probe> lastProbe = new AtomicReference<>();
  private final AuthenticationFailureHandler otherFailures =
      new SimpleUrlAuthenticationFailureHandler("/login?error");

  KeycloakLogin(KeycloakHealthIndicator keycloak, Clock clock) {
    this.keycloak = keycloak;
    this.clock = clock;
  }

  /** Goes before the filter that redirects to Keycloak's login page. */
  OncePerRequestFilter guard() {
    return new OncePerRequestFilter() {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + AUTHORIZATION_PATH);
      }

      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (keycloakUp()) {
          chain.doFilter(request, response);
        } else {
          response.sendRedirect(request.getContextPath() + UNAVAILABLE_PAGE);
        }
      }
    };
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException, ServletException {
    if (keycloakUp()) {
      otherFailures.onAuthenticationFailure(request, response, e);
    } else {
      response.sendRedirect(request.getContextPath() + UNAVAILABLE_PAGE);
    }
  }

  private boolean keycloakUp() {
    Instant now = clock.instant();
    Probe probe = lastProbe.get();
    if (probe == null || probe.at().plus(PROBE_VALIDITY).isBefore(now)) {
      probe = new Probe(Status.UP.equals(keycloak.health().getStatus()), now);
      lastProbe.set(probe);
    }
    return probe.up();
  }
}
