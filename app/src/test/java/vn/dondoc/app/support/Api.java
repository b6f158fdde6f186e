package vn.dondoc.app.support;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A small HTTP client for tests: JSON in and out, bearer tokens from the real Keycloak realm. */
public class Api {

  public static final String KEYCLOAK =
      System.getenv().getOrDefault("DONDOC_KEYCLOAK_URL", "http://127.0.0.1:8180");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  // Access tokens live 15 minutes (the realm's lifespan); a suite on a slow machine outlives them,
  // so a cached one is
  // taken again a little before it expires. Wall-clock time on purpose: the app's clock is movable
  // in tests.
  private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();
  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(2);

  private record CachedToken(String value, Instant renewAfter) {}

  private final String base;

  public Api(String base) {
    this.base = base;
  }

  /** A response with its body parsed when it is JSON. */
  public record Response(int status, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + raw.body(), e);
      }
    }

    public String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /** An access token of a demo user (password "demo"), by password grant on the public API client. */
  public static String token(String username) {
    return token(username, "demo");
  }

  /** An ID token of a demo user (scope openid), by password grant on the public API client: not an access token. */
  public static String idToken(String username) {
    String form = form(Map.of(
        "grant_type",
        "password",
        "client_id",
        "dondoc-api",
        "username",
        username,
        "password",
        "demo",
        "scope",
        "openid"));
    Response response = send(HttpRequest.newBuilder(
            URI.create(KEYCLOAK + "/realms/dondoc/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build());
    if (response.status() != 200) {
      throw new AssertionError(
          "no token for " + username + ": " + response.raw().body());
    }
    return response.json().path("id_token").asText();
  }

  /** An access token of any user of the realm, by password grant. */
  public static String token(String username, String password) {
    return TOKENS
        .compute(username, (user, cached) -> {
          if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
            return cached;
          }
          String form = form(Map.of(
              "grant_type",
              "password",
              "client_id",
              "dondoc-api",
              "username",
              user,
              "password",
              password));
          HttpRequest request = HttpRequest.newBuilder(
                  URI.create(KEYCLOAK + "/realms/dondoc/protocol/openid-connect/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build();
          Response response = send(request);
          if (response.status() != 200) {
            throw new AssertionError(
                "no token for " + user + ": " + response.raw().body());
          }
          Instant renewAfter = Instant.now()
              .plusSeconds(response.json().path("expires_in").asLong(300))
              .minus(RENEW_BEFORE_EXPIRY);
          return new CachedToken(response.json().path("access_token").asText(), renewAfter);
        })
        .value();
  }

  public Response get(String path, String token) {
    return get(path, token, Map.of());
  }

  public Response get(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder builder = builder(path, token).GET();
    headers.forEach(builder::header);
    return send(builder.build());
  }

  public Response postJson(String path, String body, String token, Map<String, String> headers) {
    HttpRequest.Builder builder = builder(path, token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    return send(builder.build());
  }

  public Response postJson(String path, String body) {
    return postJson(path, body, null, Map.of());
  }

  /** A form post without a token (application/x-www-form-urlencoded). */
  public Response postForm(String path, Map<String, String> fields) {
    return send(builder(path, null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
        .build());
  }

  public Response putJson(String path, String body, String token) {
    return send(builder(path, token)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body))
        .build());
  }

  public Response delete(String path, String token) {
    return send(builder(path, token).DELETE().build());
  }

  /** A multipart/form-data request as a browser builds it (file name in raw UTF-8), not yet sent. */
  public HttpRequest.Builder multipartRequest(
      String path,
      String part,
      String filename,
      byte[] content,
      String declaredType,
      String token) {
    String boundary = "----dondoc" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
            + "\"; filename=\"" + filename + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return builder(path, token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  /** Uploads one file to POST /api/v1/attachments. */
  public Response upload(String filename, byte[] content, String declaredType, String token) {
    return send(
        multipartRequest("/api/v1/attachments", "file", filename, content, declaredType, token)
            .build());
  }

  public static Response send(HttpRequest.Builder request) {
    return send(request.build());
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder builder(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }
}
