package vn.dondoc.app.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camunda reads users and groups from Keycloak; members of the Keycloak group /admin are Camunda admins. */
@Configuration
class CamundaIdentityConfig {

  @Bean
  @ConfigurationProperties(prefix = "plugin.identity.keycloak")
  KeycloakIdentityProviderPlugin keycloakIdentityProvider() {
    return new KeycloakIdentityProviderPlugin();
  }

  /**
   * Group ids are group paths, so the admin group's id is known without asking Keycloak. (The
   * plugin's own administratorGroupName looks it up while the engine starts, which would keep the
   * application from starting whenever Keycloak is down.)
   */
  @Bean
  AbstractProcessEnginePlugin adminGroupPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getAdminGroups() == null) {
          configuration.setAdminGroups(new ArrayList<>());
        }
        configuration.getAdminGroups().add(Roles.ADMIN);
      }
    };
  }
}
