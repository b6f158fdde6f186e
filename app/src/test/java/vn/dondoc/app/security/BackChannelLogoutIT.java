package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserSession;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.support.KeycloakMasterAdmin;
import vn.dondoc.app.support.Registration;

/**
 * Sessions do not outlive Keycloak: when an admin ends a user's sessions there, Keycloak's back-channel logout
 * reaches the app, and both the user's page session and their bearer token stop working. The clients'
 * back-channel URL is pointed at this test's port for the test and put back afterwards.
 */
class BackChannelLogoutIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, String> configuredUrls = new HashMap<>();

  @BeforeEach
  void pointTheClientsAtThisTest() throws Exception {
    for (String clientId : new String[] {"dondoc-web", "dondoc-api"}) {
      JsonNode client = client(clientId);
      configuredUrls.put(
          clientId, client.path("attributes").path("backchannel.logout.url").asText());
      setLogoutUrl(client, "http://127.0.0.1:" + port + BackChannelLogout.PATH);
    }
  }

  @AfterEach
  void putTheClientsBack() throws Exception {
    for (Map.Entry<String, String> configured : configuredUrls.entrySet()) {
      setLogoutUrl(client(configured.getKey()), configured.getValue());
    }
  }

  @Test
  void endingTheUsersSessionsInKeycloakEndsThemHere() throws Exception {
    String username = "bcl" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    assertThat(Registration.register(username, "", "")).isEqualTo(302);
    String token = Api.token(username, "Demo-pass-123");
    BrowserSession browser = new BrowserSession();
    String innovatorArea = "http://127.0.0.1:" + port + "/sang-kien-cua-toi";
    assertThat(browser.loginAndOpen(innovatorArea, username, "Demo-pass-123").statusCode())
        .isEqualTo(200);
    assertThat(api().get("/api/v1/public/feedback-choices", token).status()).isEqualTo(200);

    String userId = admin("GET", "/users?exact=true&username=" + username, null)
        .get(0)
        .path("id")
        .asText();
    admin("POST", "/users/" + userId + "/logout", null);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(api().get("/api/v1/public/feedback-choices", token).status())
                .as("the bearer token")
                .isEqualTo(401));
    HttpResponse<String> page = browser.get(innovatorArea);
    assertThat(page.statusCode()).as("the page session").isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse(""))
        .contains("/oauth2/authorization/keycloak");
  }

  @Test
  void anythingButASignedLogoutTokenIsRefused() {
    Api.Response forged =
        api().postForm(BackChannelLogout.PATH, Map.of("logout_token", Api.token("congdan")));
    assertThat(forged.status()).as("an access token is no logout token").isEqualTo(400);
    assertThat(api()
            .postForm(BackChannelLogout.PATH, Map.of("logout_token", "e30.e30."))
            .status())
        .isEqualTo(400);
  }

  private JsonNode client(String clientId) throws Exception {
    return admin("GET", "/clients?clientId=" + clientId, null).get(0);
  }

  private void setLogoutUrl(JsonNode client, String url) throws Exception {
    ObjectNode changed = client.deepCopy();
    ((ObjectNode) changed.path("attributes")).put("backchannel.logout.url", url);
    admin("PUT", "/clients/" + client.path("id").asText(), changed);
  }

  private static JsonNode admin(String method, String path, JsonNode body) throws Exception {
    return KeycloakMasterAdmin.call(method, "/dondoc" + path, body);
  }
}
