package vn.dondoc.app.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dondoc.app.security.KeycloakAdminApi;
import vn.dondoc.app.security.KeycloakProperties;

/**
 * The realm's admin API as the administration pages' service account {@code dondoc-admin} (realm-management roles
 * query-users, query-groups, view-users, manage-users: docs/OPERATIONS.md "Keycloak service accounts"): agency groups
 * ({@link AgencyRealm}) and people ({@link People}).
 */
@Configuration
class AdminRealmConfig {

  @Bean
  KeycloakAdminApi adminRealmApi(ObjectMapper json, KeycloakProperties keycloak) {
    String url = keycloak.url();
    String realm = keycloak.realm();
    return new KeycloakAdminApi(
        json,
        url + "/realms/" + realm,
        url + "/admin/realms/" + realm,
        keycloak.adminClientId(),
        keycloak.adminClientSecret());
  }
}
