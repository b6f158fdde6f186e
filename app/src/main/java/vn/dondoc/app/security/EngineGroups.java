package vn.dondoc.app.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * The Camunda groups of a person who reaches the engine's API or webapps: their Keycloak groups, and the admin
 * group whenever they hold the realm role admin (a service account given the role, say, without the group), so
 * that whoever SecurityConfig lets in is a Camunda admin (CamundaIdentityConfig) and no one else is.
 */
final class EngineGroups {

  private EngineGroups() {}

  static List<String> of(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    List<String> groups = new ArrayList<>(caller.groups());
    if (caller.hasRole(Roles.ADMIN) && !groups.contains(Roles.ADMIN)) {
      groups.add(Roles.ADMIN);
    }
    return groups;
  }
}
