package vn.dondoc.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Camunda's authorization checks see the caller of /engine-rest (an admin: SecurityConfig lets no one
 * else in): user and groups come from the already validated bearer token, so no extra call to Keycloak is
 * made per request.
 */
class CamundaRestIdentityFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  CamundaRestIdentityFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken jwt)) {
      chain.doFilter(request, response);
      return;
    }
    try {
      identityService.setAuthentication(jwt.getName(), EngineGroups.of(jwt));
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
