package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserSession;

/**
 * The realm file as a deployment imports it asks the deciding roles for a one-time code and nobody else.
 * The realm this machine serves signs everyone in with the password (bin/dondoc, DONDOC_STAFF_OTP), so the
 * file is imported here a second time under a name of its own, signed into through Keycloak's account console
 * as a standing-office officer and as a citizen, and removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffOneTimeCodeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final Path REALM = Path.of(System.getProperty("dondoc.repository", ".."), "docker/keycloak/realm-dondoc.json");

  private final String realm = "otp-check-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  void importTheRealmFileUnderAnotherName() throws Exception {
    ObjectNode copy = (ObjectNode) JSON.readTree(REALM.toFile());
    copy.put("realm", realm);
    copy.remove("id");
    admin("POST", "", copy);
  }

  @AfterAll
  void removeIt() throws Exception {
    admin("DELETE", "/" + realm, null);
  }

  /** The first page after the password: Keycloak's own authorization request of its account console. */
  private HttpResponse<String> signIn(String username) throws Exception {
    String verifier = "matrix-" + UUID.randomUUID() + UUID.randomUUID();
    String challenge = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String account = Api.KEYCLOAK + "/realms/" + realm + "/account/";
    String authorize = Api.KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=account-console"
        + "&response_type=code&scope=openid&code_challenge_method=S256&code_challenge=" + challenge
        + "&redirect_uri=" + URLEncoder.encode(account, StandardCharsets.UTF_8);
    return new BrowserSession().loginAndOpen(authorize, username);
  }

  @Test
  void theStandingOfficeSetsUpAOneTimeCodeAtItsFirstSignIn() throws Exception {
    HttpResponse<String> page = signIn("thuongtruc");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).as("the authenticator set-up page").contains("name=\"totp\"");
    assertThat(page.uri().toString()).doesNotContain("code=");
  }

  @Test
  void aCitizenSignsInWithThePasswordAlone() throws Exception {
    HttpResponse<String> page = signIn("congdan");
    assertThat(page.body()).doesNotContain("name=\"totp\"").doesNotContain("name=\"otp\"");
    assertThat(page.uri().toString()).as("back at the account console with a code").startsWith(Api.KEYCLOAK + "/realms/" + realm + "/account/")
        .contains("code=");
  }

  private static void admin(String method, String path, JsonNode body) throws Exception {
    String token = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(Api.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(Api.KEYCLOAK + "/admin/realms" + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
        .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
  }
}
