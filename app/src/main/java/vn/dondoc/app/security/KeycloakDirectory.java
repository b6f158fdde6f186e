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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the app needs to know about people beyond their token: the members of a role group and a user's
 * organisation (a user-profile attribute), read from Keycloak's admin API with the identity plugin's
 * service account. (Camunda's user query filters its results by the caller's Camunda authorizations,
 * which is not the question when a panel is formed.)
 */
@Component
public class KeycloakDirectory {

  // HTTP/1.1: the JDK client would otherwise try an h2c upgrade, which can stall against Keycloak
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3)).build();
  private final ObjectMapper json;
  private final String tokenUrl;
  private final String adminUrl;
  private final String clientId;
  private final String clientSecret;
  private String token;
  private Instant tokenExpires = Instant.EPOCH;

  KeycloakDirectory(ObjectMapper json,
      @Value("${plugin.identity.keycloak.keycloak-issuer-url}") String issuer,
      @Value("${plugin.identity.keycloak.keycloak-admin-url}") String adminUrl,
      @Value("${plugin.identity.keycloak.client-id}") String clientId,
      @Value("${plugin.identity.keycloak.client-secret}") String clientSecret) {
    this.json = json;
    this.tokenUrl = issuer + "/protocol/openid-connect/token";
    this.adminUrl = adminUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /**
   * Usernames of the members of a group, sorted (at most 1,000): a role group such as {@code expert}, or a
   * Camunda group id such as {@code agencies/bkhcn/leaders} (the group's path).
   */
  public List<String> members(String groupPath) {
    try {
      String path = Arrays.stream(groupPath.split("/")).filter(s -> !s.isEmpty()).map(KeycloakDirectory::encode)
          .collect(Collectors.joining("/"));
      String groupId = get("/group-by-path/" + path).path("id").asText();
      List<String> usernames = new ArrayList<>();
      get("/groups/" + groupId + "/members?briefRepresentation=true&max=1000")
          .forEach(user -> usernames.add(user.path("username").asText()));
      return usernames.stream().sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak did not list group " + groupPath, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the realm knows of a person: name, e-mail and the {@code organisation} attribute (each may be null). */
  public record Profile(String username, String fullName, String email, String organisation, String taxCode) {}

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
              organisation == null || organisation.isBlank() ? null : organisation,
              user.path("attributes").path("taxCode").path(0).asText(null)));
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

  /** The service account's token, reused until shortly before it expires (a panel asks once per candidate). */
  private synchronized String serviceToken() throws IOException, InterruptedException {
    if (token != null && Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
        .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(5))
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("Keycloak refused the service account's token: " + response.statusCode());
    }
    JsonNode answer = json.readTree(response.body());
    token = answer.path("access_token").asText();
    tokenExpires = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong(0) - 30));
    return token;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
