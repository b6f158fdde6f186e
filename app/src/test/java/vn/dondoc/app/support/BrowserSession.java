package vn.dondoc.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does for single sign-on, over plain HTTP: follows redirects, keeps cookies per host
 * (including Keycloak's Secure ones, which the JDK's cookie handler drops on http://), and submits
 * the Keycloak login form.
 */
public class BrowserSession {

  private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final Map<String, Map<String, String>> cookiesByHost = new HashMap<>();

  /** Opens a protected page, logs in at Keycloak as the demo user and returns the final page. */
  public HttpResponse<String> loginAndOpen(String url, String username) {
    return loginAndOpen(url, username, "demo");
  }

  /** The same for a user of the realm with another password. */
  public HttpResponse<String> loginAndOpen(String url, String username, String password) {
    HttpResponse<String> loginPage = follow(request(URI.create(url)).GET().build());
    Matcher action = FORM_ACTION.matcher(loginPage.body());
    if (!action.find()) {
      throw new AssertionError(
          "no Keycloak login form at " + loginPage.uri() + ": " + loginPage.statusCode());
    }
    String form = Api.form(Map.of("username", username, "password", password));
    return follow(request(URI.create(action.group(1).replace("&amp;", "&")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build());
  }

  /** One request with this session's cookies, redirects not followed. */
  public HttpResponse<String> get(String url) {
    return send(request(URI.create(url)).GET().build());
  }

  /** A request with this session's cookies, the given headers and body, redirects not followed. */
  public HttpResponse<String> send(
      String method, String url, Map<String, String> headers, String body) {
    HttpRequest.Builder request = request(URI.create(url))
        .method(
            method,
            body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** A JSON call of the Camunda webapps, with their CSRF header. */
  public HttpResponse<String> camundaGet(String url) {
    return camundaGet(url, "application/json");
  }

  /** The same, asking for another representation (Tasklist reads filter results as application/hal+json). */
  public HttpResponse<String> camundaGet(String url, String accept) {
    String xsrf =
        cookiesByHost.getOrDefault(URI.create(url).getHost(), Map.of()).get("XSRF-TOKEN");
    return send(request(URI.create(url))
        .header("X-XSRF-TOKEN", xsrf == null ? "" : xsrf)
        .header("Accept", accept)
        .GET()
        .build());
  }

  /**
   * A POST as a staff page's script sends it: the body with its content type and the CSRF header named in
   * {@code page}'s meta tags (the page the script runs on); redirects not followed.
   */
  public HttpResponse<String> pagePost(String url, String page, String contentType, byte[] body) {
    return send(request(URI.create(url))
        .header(meta(page, "_csrf_header"), meta(page, "_csrf"))
        .header("Content-Type", contentType)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build());
  }

  private static String meta(String page, String name) {
    Matcher meta =
        Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]*)\"").matcher(page);
    if (!meta.find()) {
      throw new AssertionError("no meta " + name + " on the page");
    }
    return meta.group(1);
  }

  private HttpResponse<String> follow(HttpRequest first) {
    HttpResponse<String> response = send(first);
    for (int hops = 0; hops < 15 && response.statusCode() / 100 == 3; hops++) {
      URI next =
          response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      response = send(request(next).GET().build());
    }
    return response;
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    Map<String, String> cookies = cookiesByHost.getOrDefault(uri.getHost(), Map.of());
    if (!cookies.isEmpty()) {
      builder.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, String> cookies =
          cookiesByHost.computeIfAbsent(request.uri().getHost(), h -> new HashMap<>());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
