package vn.dondoc.app.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dondoc.app.security.KeycloakAdminApi;

/**
 * The realm's admin API as the administration pages' service account {@code dondoc-admin} (realm-management roles
 * query-users, query-groups, view-users, manage-users: docs/OPERATIONS.md "Keycloak service accounts"): agency groups
 * ({@link AgencyRealm}) and people ({@link People}).
 */
@Configuration
class AdminRealmConfig {

  @Bean
  KeycloakAdminApi adminRealmApi(ObjectMapper json, @Value("${dondoc.keycloak.url}") String url,
      @Value("${dondoc.keycloak.realm}") String realm, @Value("${dondoc.keycloak.admin-client-id}") String clientId,
      @Value("${dondoc.keycloak.admin-client-secret}") String clientSecret) {
    return new KeycloakAdminApi(json, url + "/realms/" + realm, url + "/admin/realms/" + realm, clientId, clientSecret);
  }
}
