package vn.dondoc.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Keycloak's admin REST API as the server's own administrator (admin/admin on realm master, as bin/dondoc
 * starts it): for tests that change the realm itself or import another one. HTTP/1.1, as everywhere against Keycloak.
 */
public final class KeycloakMasterAdmin {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private KeycloakMasterAdmin() {}

  /** A call under {@code /admin/realms} (e.g. {@code "/dondoc/users?…"}); asserts success and returns the body. */
  public static JsonNode call(String method, String path, JsonNode body) throws Exception {
    String token = JSON.readTree(HTTP.send(
                HttpRequest.newBuilder(
                        URI.create(Api.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body())
        .path("access_token")
        .asText();
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create(Api.KEYCLOAK + "/admin/realms" + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()))
            .timeout(Duration.ofSeconds(120))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isLessThan(300);
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
