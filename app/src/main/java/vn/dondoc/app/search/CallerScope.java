package vn.dondoc.app.search;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import vn.dondoc.app.agencies.AgencyGroups;
import vn.dondoc.app.security.KeycloakClaims;
import vn.dondoc.app.security.Roles;
import vn.dondoc.search.SearchScope;

/** What the caller may see, derived from the token's roles and agency groups. */
public final class CallerScope {

  private CallerScope() {}

  public static SearchScope of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return SearchScope.publishedOnly();
    }
    Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
    for (String oversight : Roles.OVERSIGHT) {
      if (roles.contains(oversight)) {
        return SearchScope.unrestricted();
      }
    }
    if (authentication instanceof JwtAuthenticationToken jwt
        && (roles.contains(Roles.AGENCY_OFFICER) || roles.contains(Roles.AGENCY_LEADER))) {
      return SearchScope.ofAgencies(AgencyGroups.agencyCodes(KeycloakClaims.camundaGroupIds(jwt.getTokenAttributes().get("groups"))));
    }
    return SearchScope.publishedOnly();
  }
}
