package vn.dondoc.app.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Keycloak is healthy when the realm's OpenID configuration answers. Shown as "keycloak" in /actuator/health. */
@Component("keycloak")
class KeycloakHealthIndicator implements HealthIndicator {

  // HTTP/1.1: the JDK client would otherwise try an h2c upgrade, which can stall against Keycloak
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();
  private final URI discovery;

  KeycloakHealthIndicator(KeycloakProperties keycloak) {
    this.discovery = URI.create(
        keycloak.url() + "/realms/" + keycloak.realm() + "/.well-known/openid-configuration");
  }

  @Override
  public Health health() {
    try {
      HttpResponse<Void> response = http.send(
          HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      Health.Builder health = response.statusCode() == 200 ? Health.up() : Health.down();
      return health
          .withDetail("realm", discovery.toString())
          .withDetail("status", response.statusCode())
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().withDetail("realm", discovery.toString()).build();
    } catch (Exception e) {
      return Health.down(e).withDetail("realm", discovery.toString()).build();
    }
  }
}
