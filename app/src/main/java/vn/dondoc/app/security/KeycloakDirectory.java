package vn.dondoc.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the app needs to know about people beyond their token: the members of a role group (through
 * Camunda's identity service, which reads Keycloak) and a user's organisation (a user-profile attribute,
 * read with the identity plugin's service account from Keycloak's admin API).
 */
@Component
public class KeycloakDirectory {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final ObjectMapper json;
  private final IdentityService identity;
  private final String tokenUrl;
  private final String adminUrl;
  private final String clientId;
  private final String clientSecret;

  KeycloakDirectory(ObjectMapper json, IdentityService identity,
      @Value("${plugin.identity.keycloak.keycloak-issuer-url}") String issuer,
      @Value("${plugin.identity.keycloak.keycloak-admin-url}") String adminUrl,
      @Value("${plugin.identity.keycloak.client-id}") String clientId,
      @Value("${plugin.identity.keycloak.client-secret}") String clientSecret) {
    this.json = json;
    this.identity = identity;
    this.tokenUrl = issuer + "/protocol/openid-connect/token";
    this.adminUrl = adminUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** Usernames of the members of a group such as {@code expert}, sorted. */
  public List<String> members(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).sorted().toList();
  }

  /** What the realm knows of a person: name, e-mail and the {@code organisation} attribute (each may be null). */
  public record Profile(String username, String fullName, String email, String organisation) {}

  public Optional<String> organisationOf(String username) {
    return profileOf(username).map(Profile::organisation);
  }

  public Optional<Profile> profileOf(String username) {
    try {
      JsonNode users = get("/users?exact=true&briefRepresentation=false&username=" + encode(username));
      for (JsonNode user : users) {
        if (username.equals(user.path("username").asText())) {
          String organisation = user.path("attributes").path("organisation").path(0).asText(null);
          String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
          return Optional.of(new Profile(username, name.isEmpty() ? username : name, user.path("email").asText(null),
              organisation == null || organisation.isBlank() ? null : organisation));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak did not answer for user " + username, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(adminUrl + path))
        .header("Authorization", "Bearer " + serviceToken()).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("Keycloak admin API answered " + response.statusCode() + " for " + path);
    }
    return json.readTree(response.body());
  }

  private String serviceToken() throws IOException, InterruptedException {
    String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
        .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(5))
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("Keycloak refused the service account's token: " + response.statusCode());
    }
    return json.readTree(response.body()).path("access_token").asText();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
