package vn.dondoc.app.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Reads roles and groups out of Keycloak token claims. */
public final class KeycloakClaims {

  private KeycloakClaims() {}

  /** realm_access.roles as Spring authorities ROLE_{role}. */
  public static Collection<GrantedAuthority> roleAuthorities(Map<String, Object> claims) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
        && realmAccess.get("roles") instanceof Collection<?> roles) {
      roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
    }
    return authorities;
  }

  /**
   * Group ids as Camunda knows them: the group path without its leading slash ({@code agencies/bkhcn}),
   * matching the identity plugin's useGroupPathAsCamundaGroupId.
   */
  public static List<String> camundaGroupIds(Object groupsClaim) {
    List<String> ids = new ArrayList<>();
    if (groupsClaim instanceof Collection<?> groups) {
      for (Object group : groups) {
        String path = String.valueOf(group);
        ids.add(path.startsWith("/") ? path.substring(1) : path);
      }
    }
    return ids;
  }
}
