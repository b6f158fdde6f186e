package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import vn.dondoc.app.support.Registration;

/**
 * Sessions do not outlive Keycloak: when an admin ends a user's sessions there, Keycloak's back-channel logout
 * reaches the app, and both the user's page session and their bearer token stop working. The clients'
 * back-channel URL is pointed at this test's port for the test and put back afterwards.
 */
class BackChannelLogoutIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String ADMIN = Api.KEYCLOAK + "/admin/realms/dondoc";
  private final Map<String, String> configuredUrls = new HashMap<>();

  @BeforeEach
  void pointTheClientsAtThisTest() throws Exception {
    for (String clientId : new String[] {"dondoc-web", "dondoc-api"}) {
      JsonNode client = client(clientId);
      configuredUrls.put(clientId, client.path("attributes").path("backchannel.logout.url").asText());
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
    assertThat(browser.loginAndOpen(innovatorArea, username, "Demo-pass-123").statusCode()).isEqualTo(200);
    assertThat(api().get("/api/v1/public/feedback-choices", token).status()).isEqualTo(200);

    String userId = admin("GET", "/users?exact=true&username=" + username, null).get(0).path("id").asText();
    admin("POST", "/users/" + userId + "/logout", null);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(api().get("/api/v1/public/feedback-choices", token).status()).as("the bearer token").isEqualTo(401));
    HttpResponse<String> page = browser.get(innovatorArea);
    assertThat(page.statusCode()).as("the page session").isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).contains("/oauth2/authorization/keycloak");
  }

  @Test
  void anythingButASignedLogoutTokenIsRefused() {
    Api.Response forged = api().postForm(BackChannelLogout.PATH, Map.of("logout_token", Api.token("congdan")));
    assertThat(forged.status()).as("an access token is no logout token").isEqualTo(400);
    assertThat(api().postForm(BackChannelLogout.PATH, Map.of("logout_token", "e30.e30.")).status()).isEqualTo(400);
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
    String token = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(Api.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ADMIN + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
