package vn.dondoc.app.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dondoc.keycloak.*}: where the realm is, for the server and for browsers, whose tokens the API takes,
 * the administration pages' service account, and how the realm's keys and ended sessions are kept.
 *
 * @param url the address the server reaches Keycloak at (DONDOC_KEYCLOAK_URL)
 * @param publicUrl the address browsers reach Keycloak at; differs from url only behind a proxy or in
 *     containers (DONDOC_KEYCLOAK_PUBLIC_URL)
 * @param realm the realm's name
 * @param issuer the issuer (iss) of the tokens the API and the back-channel logout accept
 * @param revokedSessionRetention how long a session Keycloak ended (back-channel logout) is refused: longer than
 *     the realm's longest session, after which its tokens have expired anyway
 * @param adminClientId the administration pages' service account (agency groups, people)
 * @param adminClientSecret its secret (DONDOC_ADMIN_CLIENT_SECRET)
 * @param jwksCacheTime how often the realm's signing keys are fetched again
 * @param jwksOutageTolerance how long the last keys fetched stay in use while Keycloak does not answer
 */
@Validated
@ConfigurationProperties("dondoc.keycloak")
public record KeycloakProperties(
    @NotBlank String url,
    @NotBlank String publicUrl,
    @NotBlank String realm,
    @NotBlank String issuer,
    @NotNull Duration revokedSessionRetention,
    @NotBlank String adminClientId,
    @NotBlank String adminClientSecret,
    @DefaultValue("PT5M") Duration jwksCacheTime,
    @DefaultValue("PT20M") Duration jwksOutageTolerance) {

  /** The realm's key set (JWKS), as {@code spring.security.oauth2.client.provider.keycloak.jwk-set-uri} says. */
  static String jwkSetUri(OAuth2ClientProperties client) {
    return client.getProvider().get("keycloak").getJwkSetUri();
  }
}
