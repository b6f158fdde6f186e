package vn.dondoc.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.dondoc.app.web.DatabaseOutage;

/**
 * Keycloak sessions that ended in Keycloak (the user logged out elsewhere, an admin deleted their sessions),
 * as Keycloak announced them by back-channel logout ({@link BackChannelLogout}). Kept in PostgreSQL so that
 * every node refuses them: a page session logged in under such a Keycloak session is ended, a bearer token
 * carrying its {@code sid} is refused. Entries outlive the longest Keycloak session, then are forgotten.
 */
@Component
class RevokedSessions {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration keep;

  RevokedSessions(JdbcClient jdbc, Clock clock, KeycloakProperties keycloak) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.keep = keycloak.revokedSessionRetention();
  }

  void revoke(String sid) {
    jdbc.sql(
            "insert into revoked_session (sid, revoked_at) values (?, ?) on conflict (sid) do nothing")
        .params(sid, Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * Whether the Keycloak session has ended. When the database cannot be reached the answer is "no": the
   * request itself needs the database for anything it does and gets its 503 with Retry-After there, whereas
   * an exception here, inside the security filters, would be a 500 (EngineRestOutageIT).
   */
  boolean revoked(String sid) {
    if (sid == null) {
      return false;
    }
    try {
      return jdbc.sql("select exists (select 1 from revoked_session where sid = ?)")
          .param(sid)
          .query(Boolean.class)
          .single();
    } catch (RuntimeException e) {
      if (DatabaseOutage.causedBy(e)) {
        return false;
      }
      throw e;
    }
  }

  /** For the API's token validation: a token of a Keycloak session that has ended is refused (401). */
  OAuth2TokenValidator<Jwt> tokenValidator() {
    return jwt -> revoked(jwt.getClaimAsString("sid"))
        ? OAuth2TokenValidatorResult.failure(
            new OAuth2Error("invalid_token", "the session of this token has ended", null))
        : OAuth2TokenValidatorResult.success();
  }

  /** For the pages: a login whose Keycloak session has ended is logged out here too; the page then asks for a new login. */
  OncePerRequestFilter pageSessionFilter() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login != null
            && login.getPrincipal() instanceof OidcUser user
            && revoked(user.getIdToken().getClaimAsString("sid"))) {
          SecurityContextHolder.clearContext();
          HttpSession session = request.getSession(false);
          if (session != null) {
            session.invalidate();
          }
        }
        chain.doFilter(request, response);
      }
    };
  }

  @Scheduled(fixedDelayString = "PT1H")
  void forgetOld() {
    jdbc.sql("delete from revoked_session where revoked_at < ?")
        .param(Timestamp.from(clock.instant().minus(keep)))
        .update();
  }
}
