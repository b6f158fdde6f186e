package vn.dondoc.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.stereotype.Component;

/**
 * What the app needs to know about people beyond their token: the members of a role group and a user's
 * organisation (a user-profile attribute), read from Keycloak's admin API with the identity plugin's
 * service account. (Camunda's user query filters its results by the caller's Camunda authorizations,
 * which is not the question when a panel is formed.)
 */
@Component
public class KeycloakDirectory {

  private final KeycloakAdminApi api;

  /** @param plugin the identity plugin, bound to {@code plugin.identity.keycloak.*} ({@link CamundaIdentityConfig}) */
  KeycloakDirectory(ObjectMapper json, KeycloakIdentityProviderPlugin plugin) {
    this.api = new KeycloakAdminApi(
        json,
        plugin.getKeycloakIssuerUrl(),
        plugin.getKeycloakAdminUrl(),
        plugin.getClientId(),
        plugin.getClientSecret());
  }

  /**
   * Usernames of the members of a group, sorted (at most 1,000): a role group such as {@code expert}, or a
   * Camunda group id such as {@code agencies/bkhcn/leaders} (the group's path).
   */
  public List<String> members(String groupPath) {
    // a nested path (agencies/hanoi/leaders) is encoded segment by segment: its slashes are the
    // path's own
    String path = Arrays.stream(groupPath.split("/"))
        .filter(s -> !s.isEmpty())
        .map(KeycloakDirectory::encode)
        .collect(Collectors.joining("/"));
    String groupId = api.get("/group-by-path/" + path).path("id").asText();
    List<String> usernames = new ArrayList<>();
    api.get("/groups/" + groupId + "/members?briefRepresentation=true&max=1000")
        .forEach(user -> usernames.add(user.path("username").asText()));
    return usernames.stream().sorted().toList();
  }

  /**
   * What the realm knows of a person (each may be null): name, e-mail, the organisation and tax code they
   * declare themselves (an innovator's, at registration), and the affiliation the administrators confirm (an
   * expert's: users cannot edit it, so it is what conflicts of interest are judged on).
   */
  public record Profile(
      String username,
      String fullName,
      String email,
      String organisation,
      String taxCode,
      String affiliation,
      String affiliationTaxCode,
      String jobTitle) {}

  public Optional<Profile> profileOf(String username) {
    JsonNode users =
        api.get("/users?exact=true&briefRepresentation=false&username=" + encode(username));
    for (JsonNode user : users) {
      if (username.equals(user.path("username").asText())) {
        JsonNode attributes = user.path("attributes");
        String name =
            (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
        return Optional.of(new Profile(
            username,
            name.isEmpty() ? username : name,
            user.path("email").asText(null),
            attribute(attributes, "organisation"),
            attribute(attributes, "taxCode"),
            attribute(attributes, "affiliation"),
            attribute(attributes, "affiliationTaxCode"),
            attribute(attributes, "jobTitle")));
      }
    }
    return Optional.empty();
  }

  private static String attribute(JsonNode attributes, String name) {
    String value = attributes.path(name).path(0).asText(null);
    return value == null || value.isBlank() ? null : value;
  }

  private static String encode(String value) {
    return KeycloakAdminApi.encode(value);
  }
}
