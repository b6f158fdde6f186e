package vn.dondoc.app.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.dondoc.app.portal.UnknownAddress;
import vn.dondoc.app.staff.StaffSession;

/**
 * Three doors, all backed by the Keycloak realm:
 * <ol>
 *   <li>/engine-rest: Camunda's REST API, bearer tokens; the caller becomes the Camunda user.</li>
 *   <li>/api and /actuator: Dondoc's API, bearer tokens; only the endpoints listed here are public.</li>
 *   <li>everything else (pages, Camunda webapps): OIDC login in the browser.</li>
 * </ol>
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

  static final String API_AUDIENCE = "dondoc-api";

  @Bean
  JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.client.provider.keycloak.jwk-set-uri}") String jwkSetUri,
      @Value("${dondoc.keycloak.issuer}") String issuer, KeycloakKeys keys) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
        .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(keys.selector())).build();
    OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(API_AUDIENCE)
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "token is not meant for " + API_AUDIENCE, null));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audience));
    return decoder;
  }

  @Bean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(jwt -> KeycloakClaims.roleAuthorities(jwt.getClaims()));
    converter.setPrincipalClaimName("preferred_username");
    return converter;
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, JwtAuthenticationConverter converter, ProblemResponses problems,
      IdentityService identityService) throws Exception {
    return bearerOnly(http.securityMatcher(path("/engine-rest/**")), converter, problems)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .addFilterAfter(new CamundaRestIdentityFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, JwtAuthenticationConverter converter, ProblemResponses problems) throws Exception {
    return bearerOnly(http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/actuator/**"))), converter, problems)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/v1/feedback").permitAll()
            .requestMatchers("/api/v1/public/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/v1/attachments").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
            // Everyone may search; the caller's scope decides what they find (the public: published items only).
            .requestMatchers(HttpMethod.GET, "/api/v1/search").permitAll()
            .requestMatchers("/api/v1/feedback/**").hasAnyRole(Roles.STAFF)
            .requestMatchers("/api/v1/admin/**").hasRole(Roles.ADMIN)
            .requestMatchers("/api/v1/directives/**").hasRole(Roles.STANDING_OFFICE)
            .requestMatchers("/api/v1/tasks", "/api/v1/tasks/**", "/api/v1/extensions/**").hasAnyRole(Roles.STAFF)
            // The ranking compares agencies: the oversight that steers them, not the agencies themselves
            // (they read the public ranking at /api/v1/public/figures). The SLA board is scoped per caller.
            .requestMatchers("/api/v1/dashboards/ranking").hasAnyRole(Roles.STANDING_OFFICE, Roles.SUPERVISOR, Roles.ADMIN)
            .requestMatchers("/api/v1/dashboards/**").hasAnyRole(Roles.STAFF)
            .anyRequest().authenticated())
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository clients, PageUserService pageUsers,
      KeycloakLogin keycloakLogin, UnknownAddress unknownAddress)
      throws Exception {
    OidcClientInitiatedLogoutSuccessHandler keycloakLogout = new OidcClientInitiatedLogoutSuccessHandler(clients);
    keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/");
    return http
        .authorizeHttpRequests(requests -> requests
            // The public portal (vn.dondoc.app.portal) and its static files; its forms post JSON to the public API.
            .requestMatchers(HttpMethod.GET, "/", "/gui-phan-anh", "/theo-doi", "/tra-loi", "/tra-loi/*", "/sang-kien").permitAll()
            .requestMatchers("/css/**", "/js/**", "/img/**", "/vendor/**", "/favicon.ico", "/error").permitAll()
            // Staff pages (vn.dondoc.app.staff and the capabilities' page controllers) need a login; the
            // session probe answers everyone, so that staff.js can tell an expired session before a post.
            .requestMatchers(HttpMethod.GET, StaffSession.PROBE).permitAll()
            // The public figures with their charts (vn.dondoc.app.dashboards.TransparencyPage; Chart.js from its webjar).
            // The innovator area (/sang-kien-cua-toi) is not listed: it needs the browser login.
            .requestMatchers(HttpMethod.GET, "/so-lieu").permitAll()
            .requestMatchers(HttpMethod.GET, "/webjars/**").permitAll()
            .requestMatchers(HttpMethod.GET, KeycloakLogin.UNAVAILABLE_PAGE).permitAll()
            // An address no page answers gets the portal's "not found", not the staff login (issue 23).
            .requestMatchers(unknownAddress).permitAll()
            .anyRequest().authenticated())
        .exceptionHandling(errors -> errors.accessDeniedHandler(new StaffSession.ExpiredFormHandler()))
        // The Camunda webapps run their own CSRF protection on /camunda/api.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
        .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(pageUsers))
            .failureHandler(keycloakLogin))
        .addFilterBefore(keycloakLogin.guard(), OAuth2AuthorizationRequestRedirectFilter.class)
        .logout(logout -> logout.logoutSuccessHandler(keycloakLogout))
        .build();
  }

  /** Path patterns on the whole URI: /engine-rest is served by Jersey, not by Spring MVC's servlet. */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static HttpSecurity bearerOnly(HttpSecurity http, JwtAuthenticationConverter converter, ProblemResponses problems)
      throws Exception {
    return http
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .oauth2ResourceServer(oauth2 -> oauth2
            .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems));
  }

  /** Runs after Spring Security so that the webapps see the user it logged in. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSso() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(Map.of("authentication-provider", CamundaWebappAuthenticationProvider.class.getName()));
    registration.setUrlPatterns(List.of("/camunda/app/*", "/camunda/api/*"));
    registration.setOrder(201);
    return registration;
  }
}
