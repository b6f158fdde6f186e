package vn.dondoc.app.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.stereotype.Component;

/**
 * The realm's signing keys (JWKS) for checking bearer tokens, fetched from Keycloak and cached: refreshed
 * every {@code dondoc.keycloak.jwks-cache-time}, and while Keycloak does not answer, the last keys fetched
 * stay in use for {@code dondoc.keycloak.jwks-outage-tolerance}. That is longer than a token lives (the
 * realm's access tokens: 15 minutes) plus one refresh interval, so tokens issued before an outage keep
 * working until they expire. A token signed with a key not in the cache (Keycloak rotated its keys)
 * makes it fetch the keys again at once.
 */
@Component
class KeycloakKeys {

  private final JWKSource<SecurityContext> source;

  KeycloakKeys(OAuth2ClientProperties client, KeycloakProperties keycloak)
      throws MalformedURLException {
    String jwkSetUri = KeycloakProperties.jwkSetUri(client);
    Duration cacheTime = keycloak.jwksCacheTime();
    Duration outageTolerance = keycloak.jwksOutageTolerance();
    // Nimbus wants the refresh timeout and the rate limit of unknown-key refetches below the cache
    // time
    // (and no refresh ahead of expiry, as Spring's own decoder builder sets it up).
    long refreshTimeout =
        Math.min(JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, cacheTime.toMillis() / 2);
    long refetchInterval =
        Math.min(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL, cacheTime.toMillis() / 2);
    // Nimbus's default HTTP timeouts (500 ms) are too tight for a busy Keycloak.
    DefaultResourceRetriever http =
        new DefaultResourceRetriever(2000, 5000, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
    this.source = JWKSourceBuilder.<SecurityContext>create(URI.create(jwkSetUri).toURL(), http)
        .cache(cacheTime.toMillis(), refreshTimeout)
        .refreshAheadCache(false)
        .rateLimited(refetchInterval)
        .outageTolerant(outageTolerance.toMillis())
        .build();
  }

  /** RS256, what Keycloak signs access tokens with by default. */
  JWSKeySelector<SecurityContext> selector() {
    return new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source);
  }
}
