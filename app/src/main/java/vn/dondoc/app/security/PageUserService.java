package vn.dondoc.app.security;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * The person signing in to the pages, with the same authorities as their bearer token on the API.
 * Keycloak puts the realm roles (realm_access) into the access token only, not into the ID token, so
 * they are read from the access token of the login, checked by the API's own {@link JwtDecoder}
 * (signature, issuer, audience dondoc-api) and converted by {@link KeycloakClaims#roleAuthorities}.
 */
@Component
class PageUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService oidc = new OidcUserService();
  private final JwtDecoder apiTokens;

  PageUserService(JwtDecoder apiTokens) {
    this.apiTokens = apiTokens;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = oidc.loadUser(request);
    Jwt access;
    try {
      access = apiTokens.decode(request.getAccessToken().getTokenValue());
    } catch (JwtException e) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error("invalid_token", e.getMessage(), null), e);
    }
    Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
    authorities.addAll(KeycloakClaims.roleAuthorities(access.getClaims()));
    return new DefaultOidcUser(
        authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
  }
}
