package vn.dondoc.app.security;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenID Connect Back-Channel Logout 1.0: Keycloak posts a signed logout token here when a session ends
 * (configured as the back-channel logout URL of the clients dondoc-web and dondoc-api in the realm). The
 * token's {@code sid} joins {@link RevokedSessions}. Anything but a valid logout token of this realm is a 400.
 */
@RestController
class BackChannelLogout {

  static final String PATH = "/api/v1/back-channel-logout";
  private static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
  private static final Set<String> CLIENTS = Set.of("dondoc-web", "dondoc-api");

  private final NimbusJwtDecoder logoutTokens;
  private final RevokedSessions revoked;

  BackChannelLogout(
      OAuth2ClientProperties client,
      KeycloakProperties keycloak,
      KeycloakKeys keys,
      RevokedSessions revoked) {
    this.revoked = revoked;
    logoutTokens = NimbusJwtDecoder.withJwkSetUri(KeycloakProperties.jwkSetUri(client))
        .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(keys.selector()))
        // Keycloak's logout tokens say typ "logout+jwt" in the header; Nimbus accepts only JWT by
        // default
        .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier((type, context) -> {}))
        .build();
    OAuth2TokenValidator<Jwt> logoutToken = jwt -> {
      boolean forUs =
          jwt.getAudience() != null && jwt.getAudience().stream().anyMatch(CLIENTS::contains);
      boolean isLogout =
          jwt.getClaim("events") instanceof Map<?, ?> events && events.containsKey(LOGOUT_EVENT);
      return forUs
              && isLogout
              && jwt.getClaim("nonce") == null
              && jwt.getClaimAsString("sid") != null
          ? OAuth2TokenValidatorResult.success()
          : OAuth2TokenValidatorResult.failure(
              new OAuth2Error("invalid_request", "not a logout token of a Dondoc client", null));
    };
    logoutTokens.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(keycloak.issuer()), logoutToken));
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Void> logout(@RequestParam("logout_token") String token) {
    Jwt logout;
    try {
      logout = logoutTokens.decode(token);
    } catch (JwtException e) {
      return ResponseEntity.status(HttpStatus.BAD_REQUEST).build();
    }
    revoked.revoke(logout.getClaimAsString("sid"));
    return ResponseEntity.ok().header("Cache-Control", "no-store").build();
  }
}
