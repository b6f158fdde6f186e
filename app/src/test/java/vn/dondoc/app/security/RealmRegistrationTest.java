package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Self-registration of innovators as configured in the Keycloak realm file: the realm lets people
 * register, a new account lands in /innovator, the registration form asks for an optional
 * organisation and tax code, and both reach the tokens of the app's clients. This only reads the
 * file; how Keycloak acts on it needs a running Keycloak and is not tested here.
 */
class RealmRegistrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REALM =
      Path.of(System.getProperty("dondoc.repository", ".."), "docker/keycloak/realm-dondoc.json");
  private static final String USER_PROFILE_PROVIDER =
      "org.keycloak.userprofile.UserProfileProvider";

  private static JsonNode realm;

  @BeforeAll
  static void readRealm() throws IOException {
    realm = JSON.readTree(REALM.toFile());
  }

  @Test
  void anyoneMayRegisterWithoutEmailVerification() {
    assertThat(realm.path("registrationAllowed").asBoolean()).isTrue();
    assertThat(realm.path("loginWithEmailAllowed").asBoolean()).isTrue();
    // there is no SMTP server; a required verification would lock every new account out
    assertThat(realm.path("verifyEmail").asBoolean(false)).isFalse();
  }

  @Test
  void aRegisteredUserJoinsTheInnovatorGroupWhichGrantsTheInnovatorRole() {
    assertThat(texts(realm.path("defaultGroups"))).containsExactly("/innovator");
    JsonNode innovator = null;
    for (JsonNode group : realm.path("groups")) {
      if (group.path("path").asText().equals("/innovator")) {
        innovator = group;
      }
    }
    assertThat(innovator).as("group /innovator").isNotNull();
    assertThat(texts(innovator.path("realmRoles"))).containsExactly(Roles.INNOVATOR);
  }

  @Test
  void theUserProfileKeepsTheDefaultAttributesAndAddsOptionalOrganisationAndTaxCode()
      throws IOException {
    JsonNode profile = userProfile();
    List<String> names = new ArrayList<>();
    profile.path("attributes").forEach(a -> names.add(a.path("name").asText()));
    assertThat(names)
        .containsExactly(
            "username",
            "email",
            "firstName",
            "lastName",
            "organisation",
            "taxCode",
            "affiliation",
            "affiliationTaxCode",
            "jobTitle");

    for (String name : List.of("organisation", "taxCode")) {
      JsonNode attribute = attribute(profile, name);
      assertThat(attribute.has("required")).as("%s is optional", name).isFalse();
      assertThat(texts(attribute.path("permissions").path("view")))
          .as("%s viewable", name)
          .contains("user", "admin");
      assertThat(texts(attribute.path("permissions").path("edit")))
          .as("%s editable by the user", name)
          .contains("user", "admin");
      assertThat(attribute.path("displayName").asText()).startsWith("${");
    }
    assertThat(attribute(profile, "email").path("required").path("roles").toString())
        .contains("user");
    // the affiliation conflicts are judged on, and the job title printed under a signature: the
    // person sees them,
    // only administrators change them
    for (String name : List.of("affiliation", "affiliationTaxCode", "jobTitle")) {
      JsonNode attribute = attribute(profile, name);
      assertThat(texts(attribute.path("permissions").path("view")))
          .as("%s viewable", name)
          .contains("user", "admin");
      assertThat(texts(attribute.path("permissions").path("edit")))
          .as("%s edited by administrators only", name)
          .containsExactly("admin");
    }

    assertThat(
            message("vi", attribute(profile, "organisation").path("displayName").asText()))
        .isEqualTo("Tổ chức / doanh nghiệp");
    assertThat(
            message("en", attribute(profile, "organisation").path("displayName").asText()))
        .isNotBlank();
    assertThat(message("vi", attribute(profile, "taxCode").path("displayName").asText()))
        .isEqualTo("Mã số thuế");
    assertThat(message("en", attribute(profile, "taxCode").path("displayName").asText()))
        .isNotBlank();
    // Vietnamese order: Keycloak's full name is "firstName lastName", so firstName holds the family
    // and middle
    // names and lastName the given name, and the form asks for them in that order.
    assertThat(message("vi", attribute(profile, "firstName").path("displayName").asText()))
        .isEqualTo("Họ và tên đệm");
    assertThat(message("vi", attribute(profile, "lastName").path("displayName").asText()))
        .isEqualTo("Tên");
    assertThat(message("en", attribute(profile, "firstName").path("displayName").asText()))
        .isEqualTo("Family and middle names");
    assertThat(message("en", attribute(profile, "lastName").path("displayName").asText()))
        .isEqualTo("Given name");
  }

  @Test
  void theTaxCodeHasTenOrThirteenDigitsWithAnOptionalDashBeforeTheBranchNumber()
      throws IOException {
    JsonNode validator = attribute(userProfile(), "taxCode").path("validations").path("pattern");
    Pattern pattern = Pattern.compile(validator.path("pattern").asText());
    for (String valid : List.of("0101234567", "0101234567001", "0101234567-001")) {
      assertThat(pattern.matcher(valid).matches()).as(valid).isTrue();
    }
    for (String invalid : List.of(
        "",
        "12345",
        "010123456",
        "01012345678",
        "0101234567-01",
        "0101234567-0011",
        "010123456A",
        "0101234567 001")) {
      assertThat(pattern.matcher(invalid).matches()).as(invalid).isFalse();
    }
    String errorKey = validator.path("error-message").asText();
    assertThat(message("vi", errorKey)).contains("10", "13");
    assertThat(message("en", errorKey)).contains("10", "13");
  }

  @Test
  void theAppClientsPutOrganisationAndTaxCodeIntoTheTokens() {
    for (String clientId : List.of("dondoc-web", "dondoc-api")) {
      JsonNode client = client(clientId);
      assertThat(attributeMapper(client, "organisation"))
          .as("%s: claim organisation", clientId)
          .isEqualTo("organisation");
      assertThat(attributeMapper(client, "tax_code"))
          .as("%s: claim tax_code", clientId)
          .isEqualTo("taxCode");
    }
  }

  @Test
  void everyExpertHasAnAffiliationAndThereAreEnoughForAPanelAndAReplacement() {
    List<String> organisations = new ArrayList<>();
    for (JsonNode user : realm.path("users")) {
      if (texts(user.path("groups")).contains("/expert")) {
        String organisation =
            user.path("attributes").path("affiliation").path(0).asText("");
        assertThat(organisation)
            .as("affiliation of %s", user.path("username").asText())
            .isNotBlank();
        organisations.add(organisation);
      }
    }
    assertThat(organisations).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
  }

  @Test
  void theDemoUsersListTheirGroupsSoImportingDoesNotAddTheDefaultGroup() {
    // Keycloak's import does not apply defaultGroups to the users of the file; their groups are
    // exactly those listed
    for (JsonNode user : realm.path("users")) {
      if (!user.has("serviceAccountClientId")) {
        assertThat(user.path("groups").isArray())
            .as("groups of %s", user.path("username").asText())
            .isTrue();
        assertThat(user.path("groups"))
            .as("groups of %s", user.path("username").asText())
            .isNotEmpty();
      }
    }
  }

  private static JsonNode userProfile() throws IOException {
    JsonNode providers = realm.path("components").path(USER_PROFILE_PROVIDER);
    assertThat(providers).as("user profile component").hasSize(1);
    assertThat(providers.path(0).path("providerId").asText()).isEqualTo("declarative-user-profile");
    return JSON.readTree(
        providers.path(0).path("config").path("kc.user.profile.config").path(0).asText());
  }

  private static JsonNode attribute(JsonNode profile, String name) {
    for (JsonNode attribute : profile.path("attributes")) {
      if (attribute.path("name").asText().equals(name)) {
        return attribute;
      }
    }
    throw new AssertionError("no user profile attribute " + name);
  }

  /** The realm's own translation of a message key, given as "key" or "${key}". */
  private static String message(String locale, String key) {
    String bare =
        key.startsWith("${") && key.endsWith("}") ? key.substring(2, key.length() - 1) : key;
    return realm.path("localizationTexts").path(locale).path(bare).asText("");
  }

  private static JsonNode client(String clientId) {
    for (JsonNode client : realm.path("clients")) {
      if (client.path("clientId").asText().equals(clientId)) {
        return client;
      }
    }
    throw new AssertionError("no client " + clientId);
  }

  /** The user attribute a user-attribute mapper of the client puts into the claim, or null. */
  private static String attributeMapper(JsonNode client, String claim) {
    for (JsonNode mapper : client.path("protocolMappers")) {
      JsonNode config = mapper.path("config");
      if (mapper.path("protocolMapper").asText().equals("oidc-usermodel-attribute-mapper")
          && config.path("claim.name").asText().equals(claim)) {
        assertThat(config.path("access.token.claim").asText())
            .as("%s in the access token", claim)
            .isEqualTo("true");
        assertThat(config.path("id.token.claim").asText())
            .as("%s in the ID token", claim)
            .isEqualTo("true");
        return config.path("user.attribute").asText();
      }
    }
    return null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
