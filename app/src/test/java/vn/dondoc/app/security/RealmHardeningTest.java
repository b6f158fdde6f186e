package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm file's security settings (docs/OPERATIONS.md, "Security"). How Keycloak acts on them is tried by
 * the ITs against a Keycloak that imported this file (BackChannelLogoutIT, the login of the browser tests).
 */
class RealmHardeningTest {

  private static final Path REALM =
      Path.of(System.getProperty("dondoc.repository", ".."), "docker/keycloak/realm-dondoc.json");
  private static JsonNode realm;

  @BeforeAll
  static void readRealm() throws IOException {
    realm = new ObjectMapper().readTree(REALM.toFile());
  }

  @Test
  void passwordsAreGuardedAgainstGuessing() {
    assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
    assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
    assertThat(realm.path("passwordPolicy").asText())
        .contains("length(12)", "notUsername", "passwordHistory(");
    assertThat(realm.path("sslRequired").asText()).isIn("external", "all");
  }

  @Test
  void theDecidingRolesSignInWithAOneTimeCode() {
    assertThat(realm.path("browserFlow").asText()).isEqualTo("dondoc browser");
    JsonNode condition = null;
    for (JsonNode config : realm.path("authenticatorConfig")) {
      if (config.path("config").path("condUserRole").asText().equals("otp-required")
          && !config.path("config").path("negate").asText().equals("true")) {
        condition = config;
      }
    }
    assertThat(condition).as("a condition on the role otp-required").isNotNull();
    boolean asksForTheCode = false;
    for (JsonNode flow : realm.path("authenticationFlows")) {
      for (JsonNode step : flow.path("authenticationExecutions")) {
        if (condition
            .path("alias")
            .asText()
            .equals(step.path("authenticatorConfig").asText())) {
          asksForTheCode = flow.toString().contains("\"auth-otp-form\"");
        }
      }
    }
    assertThat(asksForTheCode)
        .as("the flow with that condition asks for the code")
        .isTrue();
    for (JsonNode role : realm.path("roles").path("realm")) {
      String name = role.path("name").asText();
      boolean needsCode = role.path("composites").path("realm").toString().contains("otp-required");
      if (List.of(
              Roles.STANDING_OFFICE,
              Roles.AGENCY_LEADER,
              Roles.REVIEWER,
              Roles.SUPERVISOR,
              Roles.ADMIN)
          .contains(name)) {
        assertThat(needsCode).as("%s needs the one-time code", name).isTrue();
      } else if (List.of(Roles.CITIZEN, Roles.INNOVATOR).contains(name)) {
        assertThat(needsCode).as("%s signs in with a password (or VNeID)", name).isFalse();
      }
    }
  }

  @Test
  void sessionsAndTokensAreShort() {
    assertThat(realm.path("accessTokenLifespan").asInt()).isLessThanOrEqualTo(900);
    assertThat(realm.path("ssoSessionIdleTimeout").asInt()).isLessThanOrEqualTo(1800);
    assertThat(realm.path("ssoSessionMaxLifespan").asInt()).isLessThanOrEqualTo(36000);
  }

  @Test
  void publicClientsNeedPkceAndExactRedirects() {
    int publicClients = 0;
    for (JsonNode client : realm.path("clients")) {
      if (client.path("publicClient").asBoolean()) {
        publicClients++;
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asText())
            .as(client.path("clientId").asText())
            .isEqualTo("S256");
        client
            .path("redirectUris")
            .forEach(uri ->
                assertThat(uri.asText()).as(client.path("clientId").asText()).doesNotContain("*"));
      }
    }
    assertThat(publicClients).isPositive();
  }

  @Test
  void theAppsClientsAreToldOfEndedSessions() {
    for (JsonNode client : realm.path("clients")) {
      String id = client.path("clientId").asText();
      if (id.equals("dondoc-web") || id.equals("dondoc-api")) {
        assertThat(client.path("attributes").path("backchannel.logout.url").asText())
            .as(id)
            .endsWith(BackChannelLogout.PATH);
        assertThat(client
                .path("attributes")
                .path("backchannel.logout.session.required")
                .asText())
            .as(id)
            .isEqualTo("true");
        // with front-channel logout on, Keycloak would not use the back channel at all
        assertThat(client.path("frontchannelLogout").asBoolean(true)).as(id).isFalse();
      }
    }
  }

  @Test
  void vneidIsConfiguredButOff() {
    JsonNode vneid = null;
    for (JsonNode provider : realm.path("identityProviders")) {
      if (provider.path("alias").asText().equals("vneid")) {
        vneid = provider;
      }
    }
    assertThat(vneid).as("identity provider vneid").isNotNull();
    assertThat(vneid.path("enabled").asBoolean(true)).isFalse();
    assertThat(vneid.path("providerId").asText()).isEqualTo("oidc");
    assertThat(vneid.path("config").path("pkceMethod").asText()).isEqualTo("S256");
  }
}
