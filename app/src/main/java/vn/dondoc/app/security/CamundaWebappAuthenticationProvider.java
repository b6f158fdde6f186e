package vn.dondoc.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on for Tasklist, Cockpit and Admin (admins only: SecurityConfig): the user logged in through
 * Keycloak (OIDC) is the Camunda user, with the groups of the ID token. Instantiated by Camunda's container-based filter.
 */
public class CamundaWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof OAuth2AuthenticationToken token)
        || !(token.getPrincipal() instanceof OidcUser user)) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = new AuthenticationResult(user.getName(), true);
    result.setGroups(EngineGroups.of(token));
    return result;
  }
}
