package vn.dondoc.app.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Creates an account the way an innovator does: Keycloak's registration page, filled in and posted
 * like a browser (its cookies, the form's own action URL). No admin shortcut.
 */
public final class Registration {

  private static final Pattern ACTION =
      Pattern.compile("id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"");

  private Registration() {}

  /** Registers a new user with password "Demo-pass-123"; returns the HTTP status of the form post (302 on success). */
  public static int register(String username, String organisation, String taxCode) {
    // HTTP/1.1 as browsers speak to a plain-http Keycloak: the JDK's h2c upgrade attempt can stall
    // there
    HttpClient browser = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    String page =
        Api.KEYCLOAK + "/realms/dondoc/protocol/openid-connect/registrations?client_id=dondoc-web"
            + "&response_type=code&scope=openid&redirect_uri="
            + Api.encode("http://127.0.0.1:8080/login/oauth2/code/keycloak");
    try {
      HttpResponse<String> form = browser.send(
          HttpRequest.newBuilder(URI.create(page))
              .timeout(Duration.ofSeconds(20))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String html = form.body();
      // Keycloak marks its session cookies Secure, which Java's cookie store then keeps off plain
      // http:
      // they are sent back by hand, as a browser does for localhost.
      String cookies = form.headers().allValues("set-cookie").stream()
          .map(c -> c.substring(0, c.indexOf(';')))
          .collect(Collectors.joining("; "));
      Matcher action = ACTION.matcher(html);
      if (!action.find()) {
        throw new IllegalStateException("no registration form on " + page);
      }
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("username", username);
      fields.put("email", username + "@example.vn");
      fields.put("firstName", "Nguyễn");
      fields.put("lastName", "Sáng Tạo");
      fields.put("password", "Demo-pass-123");
      fields.put("password-confirm", "Demo-pass-123");
      if (organisation != null) {
        fields.put("organisation", organisation);
      }
      if (taxCode != null) {
        fields.put("taxCode", taxCode);
      }
      return browser
          .send(
              HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                  .timeout(Duration.ofSeconds(20))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Cookie", cookies)
                  .POST(HttpRequest.BodyPublishers.ofString(Api.form(fields)))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
