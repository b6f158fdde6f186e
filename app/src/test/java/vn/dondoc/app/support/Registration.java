package vn.dondoc.app.support;

import java.io.IOException;
import java.net.CookieManager;
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

/**
 * Creates an account the way an innovator does: Keycloak's registration page, filled in and posted
 * like a browser (cookies, the form's own action URL). No admin shortcut.
 */
public final class Registration {

  private static final Pattern ACTION = Pattern.compile("id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"");

  private Registration() {}

  /** Registers a new user with password "Demo-pass-123"; returns the HTTP status of the form post (302 on success). */
  public static int register(String username, String organisation, String taxCode) {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    String page = Api.KEYCLOAK + "/realms/dondoc/protocol/openid-connect/registrations?client_id=dondoc-web"
        + "&response_type=code&scope=openid&redirect_uri=" + Api.encode("http://127.0.0.1:8080/login/oauth2/code/keycloak");
    try {
      String html = browser.send(HttpRequest.newBuilder(URI.create(page)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
      Matcher action = ACTION.matcher(html);
      if (!action.find()) {
        throw new IllegalStateException("no registration form on " + page);
      }
      Map<String, String> form = new LinkedHashMap<>();
      form.put("username", username);
      form.put("email", username + "@example.vn");
      form.put("firstName", "Nguyễn");
      form.put("lastName", "Sáng Tạo");
      form.put("password", "Demo-pass-123");
      form.put("password-confirm", "Demo-pass-123");
      if (organisation != null) {
        form.put("organisation", organisation);
      }
      if (taxCode != null) {
        form.put("taxCode", taxCode);
      }
      return browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(Api.form(form))).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
