package vn.dondoc.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vn.dondoc.app.web.ServiceUnavailableException;

/**
 * Keycloak's admin REST API of the realm as one confidential client's service account: its token is fetched by
 * client credentials and reused until shortly before it expires. The roles of that account (realm-management)
 * decide what the calls may do. Failures are {@link KeycloakUnavailableException}.
 */
public class KeycloakAdminApi {

  // HTTP/1.1: the JDK client would otherwise try an h2c upgrade, which can stall against Keycloak
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3))
      .build();
  private final ObjectMapper json;
  private final String tokenUrl;
  private final String adminUrl;
  private final String clientId;
  private final String clientSecret;
  private String token;
  private Instant tokenExpires = Instant.EPOCH;

  public KeycloakAdminApi(
      ObjectMapper json, String issuer, String adminUrl, String clientId, String clientSecret) {
    this.json = json;
    this.tokenUrl = issuer + "/protocol/openid-connect/token";
    this.adminUrl = adminUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** Keycloak did not answer, or refused the call: a 503 for the caller (message {@code keycloak.unavailable}). */
  public static class KeycloakUnavailableException extends ServiceUnavailableException {
    private final String detail;

    public KeycloakUnavailableException(String detail, Throwable cause) {
      super("keycloak.unavailable", cause);
      this.detail = detail;
    }

    @Override
    public String getMessage() {
      return detail;
    }
  }

  /** GET a path below the realm's admin URL (e.g. {@code /groups/…}); empty on 404. */
  public Optional<JsonNode> find(String path) {
    HttpResponse<String> response = send("GET", path, null);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(read(expect(response, path, 200)));
  }

  public JsonNode get(String path) {
    return find(path)
        .orElseThrow(
            () -> new KeycloakUnavailableException("Keycloak admin API: no " + path, null));
  }

  /** POST a JSON body; the id of what was created (the last segment of Location), or null when none. */
  public String post(String path, Object body) {
    HttpResponse<String> response = expect(send("POST", path, body), path, 201, 204);
    return response
        .headers()
        .firstValue("Location")
        .map(l -> l.substring(l.lastIndexOf('/') + 1))
        .orElse(null);
  }

  /** POST answering 409 when the thing exists already: false then. */
  public boolean postUnlessExists(String path, Object body) {
    HttpResponse<String> response = send("POST", path, body);
    if (response.statusCode() == 409) {
      return false;
    }
    expect(response, path, 201, 204);
    return true;
  }

  public void put(String path, Object body) {
    expect(send("PUT", path, body), path, 200, 204);
  }

  /** DELETE; a thing already gone is fine. */
  public void delete(String path) {
    expect(send("DELETE", path, null), path, 200, 204, 404);
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(String method, String path, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl + path))
          .header("Authorization", "Bearer " + serviceToken())
          .timeout(Duration.ofSeconds(10));
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new KeycloakUnavailableException(
          "Keycloak admin API did not answer " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeycloakUnavailableException("interrupted", e);
    }
  }

  private static HttpResponse<String> expect(
      HttpResponse<String> response, String path, int... statuses) {
    for (int status : statuses) {
      if (response.statusCode() == status) {
        return response;
      }
    }
    throw new KeycloakUnavailableException(
        "Keycloak admin API answered " + response.statusCode() + " for " + path + ": "
            + response.body(),
        null);
  }

  private JsonNode read(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The service account's token, reused until shortly before it expires. */
  private synchronized String serviceToken() throws IOException, InterruptedException {
    if (token != null && Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
        + encode(clientSecret);
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create(tokenUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("Keycloak refused the service account's token (" + clientId + "): "
          + response.statusCode());
    }
    JsonNode answer = json.readTree(response.body());
    token = answer.path("access_token").asText();
    tokenExpires =
        Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong(0) - 30));
    return token;
  }
}
