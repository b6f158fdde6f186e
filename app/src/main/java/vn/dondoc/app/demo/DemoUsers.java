package vn.dondoc.app.demo;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The demo users as the API sees them after Keycloak: their roles and groups as in realm-dondoc.json. */
final class DemoUsers {

  static Authentication user(String username, List<String> roles, List<String> groups) {
    Jwt jwt = Jwt.withTokenValue("demo")
        .header("alg", "none")
        .subject(username)
        .claim("preferred_username", username)
        .claim("groups", groups)
        .build();
    List<GrantedAuthority> authorities = roles.stream()
        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
    return new JwtAuthenticationToken(jwt, authorities, username);
  }

  private DemoUsers() {}
}
