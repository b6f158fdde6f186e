package vn.dondoc.app.initiatives;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import vn.dondoc.app.security.KeycloakClaims;
import vn.dondoc.app.security.Roles;

/**
 * The person signed in through the browser login (OIDC session), as the initiatives service knows callers
 * from the API: a {@link JwtAuthenticationToken} named by {@code preferred_username}, with the claims of
 * their ID token (groups, name, organisation, tax_code) and a {@code ROLE_<role>} for each role group they
 * are in ({@code /innovator}, {@code /expert}, ...: the realm's role groups carry the role of the same name;
 * the ID token of {@code dondoc-web} has groups but no realm roles). The HTTP session vouches for the
 * token, as it does for Camunda's webapps (CamundaWebappAuthenticationProvider).
 *
 * <p>Deliberately the smallest thing that works for the innovator pages; the staff pages get a shared caller
 * mapping, which should replace this.
 */
final class InnovatorCaller {

  private static final Set<String> ROLE_GROUPS = Set.of(Roles.STANDING_OFFICE, Roles.AGENCY_OFFICER, Roles.AGENCY_LEADER,
      Roles.REVIEWER, Roles.EXPERT, Roles.SUPERVISOR, Roles.INNOVATOR, Roles.CITIZEN, Roles.ADMIN);

  private InnovatorCaller() {}

  static Authentication of(Authentication session) {
    if (!(session instanceof OAuth2AuthenticationToken token) || !(token.getPrincipal() instanceof OidcUser user)) {
      return session;
    }
    OidcIdToken id = user.getIdToken();
    Jwt jwt = new Jwt(id.getTokenValue(), id.getIssuedAt(), id.getExpiresAt(), Map.of("alg", "RS256"), id.getClaims());
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String group : KeycloakClaims.camundaGroupIds(id.getClaims().get("groups"))) {
      if (ROLE_GROUPS.contains(group)) {
        authorities.add(new SimpleGrantedAuthority("ROLE_" + group));
      }
    }
    return new JwtAuthenticationToken(jwt, authorities, user.getName());
  }

  static boolean isInnovator(Authentication caller) {
    return InitiativeSight.hasRole(caller, Roles.INNOVATOR);
  }
}
