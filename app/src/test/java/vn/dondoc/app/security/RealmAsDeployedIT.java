package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserSession;
import vn.dondoc.app.support.KeycloakMasterAdmin;

/**
 * The realm file as a deployment imports it: the deciding roles are asked for a one-time code (set up at their
 * first sign-in), anyone else only if they set one up, and an expert cannot change the affiliation that
 * conflicts of interest are judged on. The realm this machine
 * serves signs everyone in with the password (bin/dondoc, DONDOC_STAFF_OTP), so the file is imported here a
 * second time under a name of its own, used through Keycloak's account console, and removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealmAsDeployedIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REALM =
      Path.of(System.getProperty("dondoc.repository", ".."), "docker/keycloak/realm-dondoc.json");

  private final String realm = "otp-check-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  void importTheRealmFileUnderAnotherName() throws Exception {
    ObjectNode copy = (ObjectNode) JSON.readTree(REALM.toFile());
    copy.put("realm", realm);
    copy.remove("id");
    // the innovator has set up a one-time code in their account, as anyone may
    for (JsonNode user : copy.path("users")) {
      if (user.path("username").asText().equals("sangkien")) {
        ((ObjectNode) user)
            .withArray("credentials")
            .addObject()
            .put("type", "otp")
            .put("userLabel", "điện thoại")
            .put("secretData", "{\"value\":\"dondoc-realm-check-secret\"}")
            .put(
                "credentialData",
                "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
      }
    }
    admin("POST", "", copy);
  }

  @AfterAll
  void removeIt() throws Exception {
    admin("DELETE", "/" + realm, null);
  }

  /** A sign-in through Keycloak's account console (with PKCE, as the console does): the page after the password. */
  private HttpResponse<String> signIn(String username) throws Exception {
    return signIn(new BrowserSession(), username);
  }

  private HttpResponse<String> signIn(BrowserSession session, String username) throws Exception {
    String verifier = "realm-check-" + UUID.randomUUID() + UUID.randomUUID();
    String challenge = Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256")
            .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String authorize = Api.KEYCLOAK + "/realms/" + realm
        + "/protocol/openid-connect/auth?client_id=account-console"
        + "&response_type=code&scope=openid&code_challenge_method=S256&code_challenge=" + challenge
        + "&redirect_uri=" + URLEncoder.encode(accountUrl(), StandardCharsets.UTF_8);
    return session.loginAndOpen(authorize, username);
  }

  private String accountUrl() {
    return Api.KEYCLOAK + "/realms/" + realm + "/account/";
  }

  /**
   * The person's attribute after they tried to set it to {@code value} themselves: Keycloak asks them to
   * update their profile at their next sign-in, and they send the form with the attribute changed (whether the
   * page offered the field or not).
   */
  private String changeOwnAttribute(String username, String attribute, String value)
      throws Exception {
    JsonNode user = user(username);
    ObjectNode asked = JSON.createObjectNode();
    asked.putArray("requiredActions").add("UPDATE_PROFILE");
    admin("PUT", "/" + realm + "/users/" + user.path("id").asText(), asked);
    BrowserSession session = new BrowserSession();
    HttpResponse<String> form = signIn(session, username);
    Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.body());
    assertThat(action.find()).as("the update-profile form").isTrue();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", username);
    fields.put("email", user.path("email").asText());
    fields.put("firstName", user.path("firstName").asText());
    fields.put("lastName", user.path("lastName").asText());
    fields.put(attribute, value);
    session.send(
        "POST",
        action.group(1).replace("&amp;", "&"),
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        Api.form(fields));
    return user(username).path("attributes").path(attribute).path(0).asText(null);
  }

  private JsonNode user(String username) throws Exception {
    return admin(
            "GET",
            "/" + realm + "/users?exact=true&briefRepresentation=false&username=" + username,
            null)
        .get(0);
  }

  @Test
  void anExpertCannotChangeTheAffiliationButAnyoneEditsTheOrganisationTheyDeclare()
      throws Exception {
    assertThat(changeOwnAttribute(
            "chuyengia", "affiliation", "Công ty Cổ phần Công nghệ Sáng Kiến Việt"))
        .isEqualTo("Viện Hàn lâm Khoa học và Công nghệ Việt Nam");
    assertThat(changeOwnAttribute("congdan", "organisation", "Công ty TNHH Đổi Mới"))
        .isEqualTo("Công ty TNHH Đổi Mới");
  }

  @Test
  void theStandingOfficeSetsUpAOneTimeCodeAtItsFirstSignIn() throws Exception {
    HttpResponse<String> page = signIn("thuongtruc");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).as("the authenticator set-up page").contains("name=\"totp\"");
    assertThat(page.uri().toString()).doesNotContain("code=");
  }

  @Test
  void anyoneElseWhoSetUpACodeIsAskedForIt() throws Exception {
    HttpResponse<String> page = signIn("sangkien");
    assertThat(page.body())
        .as("the one-time code form")
        .contains("name=\"otp\"")
        .doesNotContain("name=\"totp\"");
    assertThat(page.uri().toString())
        .as("not yet back at the console")
        .doesNotMatch(".*[?&]code=.*");
  }

  @Test
  void aCitizenSignsInWithThePasswordAlone() throws Exception {
    HttpResponse<String> page = signIn("congdan");
    assertThat(page.body()).doesNotContain("name=\"totp\"").doesNotContain("name=\"otp\"");
    assertThat(page.uri().toString())
        .as("back at the account console with a code")
        .startsWith(Api.KEYCLOAK + "/realms/" + realm + "/account/")
        .contains("code=");
  }

  private static JsonNode admin(String method, String path, JsonNode body) throws Exception {
    return KeycloakMasterAdmin.call(method, path, body);
  }
}
