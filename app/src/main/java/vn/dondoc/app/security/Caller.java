package vn.dondoc.app.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import vn.dondoc.app.agencies.AgencyGroups;

/**
 * The signed-in person as every service sees them, whichever door they came through: a bearer token
 * on the API ({@link JwtAuthenticationToken}) or the browser's OIDC session on the pages
 * ({@link OAuth2AuthenticationToken}, whose authorities {@link PageUserService} maps from the same
 * realm roles). The one place that reads claims out of either.
 *
 * @param username the Keycloak user name (what {@link Authentication#getName()} gives)
 * @param name the person's full name, the user name when the realm has none
 * @param roles realm roles, without the ROLE_ prefix
 * @param groups Camunda group ids ({@code agencies/bkhcn}, {@code agency-officer})
 * @param agencies codes of the agencies the person belongs to
 */
public record Caller(
    String username, String name, Set<String> roles, List<String> groups, Set<String> agencies) {

  public static Caller of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return new Caller(null, null, Set.of(), List.of(), Set.of());
    }
    Set<String> roles = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring(5))
        .collect(Collectors.toUnmodifiableSet());
    List<String> groups = KeycloakClaims.camundaGroupIds(claims(authentication).get("groups"));
    Object fullName = claims(authentication).get("name");
    return new Caller(
        authentication.getName(),
        fullName == null ? authentication.getName() : fullName.toString(),
        roles,
        List.copyOf(groups),
        Set.copyOf(AgencyGroups.agencyCodes(groups)));
  }

  /** A claim of the caller's token (API) or ID token (pages) as text; null when absent or anonymous. */
  public static String claim(Authentication authentication, String claim) {
    Object value = claims(authentication).get(claim);
    return value == null ? null : value.toString();
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(String... wanted) {
    for (String role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> claims(Authentication authentication) {
    if (authentication instanceof JwtAuthenticationToken jwt) {
      return jwt.getTokenAttributes();
    }
    if (authentication instanceof OAuth2AuthenticationToken token
        && token.getPrincipal() instanceof OidcUser user) {
      return user.getClaims();
    }
    return Map.of();
  }
}
