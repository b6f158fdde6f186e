package vn.dondoc.app.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
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
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors, all backed by the Keycloak realm:
 * <ol>
 *   <li>/engine-rest: Camunda's REST API, bearer tokens of admins only; the caller becomes the Camunda user.</li>
 *   <li>/api and /actuator: Dondoc's API, bearer tokens; only the endpoints listed here are public.</li>
 *   <li>everything else (pages, Camunda webapps for admins only): OIDC login in the browser.</li>
 * </ol>
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties({
  MetricsScrapers.class,
  KeycloakProperties.class,
  OAuth2ClientProperties.class
})
public class SecurityConfig {

  static final String API_AUDIENCE = "dondoc-api";
  private static final String ACCESS_TOKEN_TYPE = "Bearer";
  /** The clients whose users' access tokens the API takes: the public API client and the staff pages' client. */
  private static final Set<String> AUTHORISED_PARTIES = Set.of("dondoc-api", "dondoc-web");

  private final String keycloakPublicUrl;

  SecurityConfig(KeycloakProperties keycloak) {
    this.keycloakPublicUrl = keycloak.publicUrl();
  }

  /** Messages problem.engine-forbidden.*: the engine is for admins. */
  static final String ENGINE_FORBIDDEN = "engine-forbidden";
  /** Where a non-admin in a Camunda webapp is forwarded: the page camunda.EngineRefusedPage answers. */
  public static final String ENGINE_REFUSED_PAGE = "/camunda-khong-duoc-phep";

  @Bean
  JwtDecoder jwtDecoder(
      OAuth2ClientProperties client,
      KeycloakProperties keycloak,
      KeycloakKeys keys,
      RevokedSessions revokedSessions) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(KeycloakProperties.jwkSetUri(client))
        .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(keys.selector()))
        .build();
    OAuth2TokenValidator<Jwt> audience =
        jwt -> jwt.getAudience() != null && jwt.getAudience().contains(API_AUDIENCE)
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(
                new OAuth2Error("invalid_token", "token is not meant for " + API_AUDIENCE, null));
    // An ID token of the public client carries aud dondoc-api too: only Keycloak's access tokens
    // (typ Bearer),
    // issued to one of Dondoc's own clients, are accepted.
    OAuth2TokenValidator<Jwt> accessToken =
        jwt -> ACCESS_TOKEN_TYPE.equals(jwt.getClaimAsString("typ"))
                && AUTHORISED_PARTIES.contains(jwt.getClaimAsString("azp"))
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(
                new OAuth2Error("invalid_token", "not an access token of a Dondoc client", null));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(keycloak.issuer()),
        audience,
        accessToken,
        revokedSessions.tokenValidator()));
    return decoder;
  }

  @Bean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> KeycloakClaims.roleAuthorities(jwt.getClaims()));
    converter.setPrincipalClaimName("preferred_username");
    return converter;
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(
      HttpSecurity http,
      JwtAuthenticationConverter converter,
      ProblemResponses problems,
      IdentityService identityService)
      throws Exception {
    return bearerOnly(http.securityMatcher(path("/engine-rest/**")), converter, problems)
        // Admins and service accounts given the admin role only: a task's candidate would otherwise
        // hold UPDATE on
        // it here (variables, assignee, identity links). Staff work through /api
        // (docs/OPERATIONS.md, "The engine: who reaches it").
        .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Roles.ADMIN))
        .exceptionHandling(
            errors -> errors.accessDeniedHandler(problems.forbidden(ENGINE_FORBIDDEN)))
        .addFilterAfter(new CamundaRestIdentityFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(
      HttpSecurity http,
      JwtAuthenticationConverter converter,
      ProblemResponses problems,
      MetricsScrapers scrapers)
      throws Exception {
    return bearerOnly(
            http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/actuator/**"))),
            converter,
            problems)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/v1/feedback")
            .permitAll()
            .requestMatchers("/api/v1/public/**")
            .permitAll()
            .requestMatchers(HttpMethod.POST, "/api/v1/attachments")
            .permitAll()
            // Keycloak's back-channel logout: the signed logout token is the credential.
            .requestMatchers(HttpMethod.POST, BackChannelLogout.PATH)
            .permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
            .permitAll()
            .requestMatchers("/actuator/prometheus")
            .access(scrapers.adminOrScrapeNetwork())
            .requestMatchers("/actuator/**")
            .hasRole(Roles.ADMIN)
            // Everyone may search; the caller's scope decides what they find (the public: published
            // items only).
            .requestMatchers(HttpMethod.GET, "/api/v1/search")
            .permitAll()
            .requestMatchers("/api/v1/feedback/**")
            .hasAnyRole(Roles.STAFF)
            .requestMatchers("/api/v1/admin/**")
            .hasRole(Roles.ADMIN)
            .requestMatchers("/api/v1/directives/**")
            .hasRole(Roles.STANDING_OFFICE)
            .requestMatchers("/api/v1/tasks", "/api/v1/tasks/**", "/api/v1/extensions/**")
            .hasAnyRole(Roles.STAFF)
            // The ranking compares agencies: the oversight that steers them, not the agencies
            // themselves
            // (they read the public ranking at /api/v1/public/figures). The SLA board is scoped per
            // caller.
            .requestMatchers("/api/v1/dashboards/ranking")
            .hasAnyRole(Roles.STANDING_OFFICE, Roles.SUPERVISOR, Roles.ADMIN)
            .requestMatchers("/api/v1/dashboards/**")
            .hasAnyRole(Roles.STAFF)
            .anyRequest()
            .authenticated())
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(
      HttpSecurity http,
      ClientRegistrationRepository clients,
      PageUserService pageUsers,
      KeycloakLogin keycloakLogin,
      ProblemResponses problems,
      RevokedSessions revokedSessions,
      UnknownAddress unknownAddress)
      throws Exception {
    OidcClientInitiatedLogoutSuccessHandler keycloakLogout =
        new OidcClientInitiatedLogoutSuccessHandler(clients);
    keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/");
    return http.headers(this::securityHeaders)
        .authorizeHttpRequests(requests -> requests
            // The public portal (vn.dondoc.app.portal) and its static files; its forms post JSON to
            // the public API.
            .requestMatchers(
                HttpMethod.GET,
                "/",
                "/gui-phan-anh",
                "/theo-doi",
                "/tra-loi",
                "/tra-loi/*",
                "/sang-kien")
            .permitAll()
            .requestMatchers("/css/**", "/js/**", "/img/**", "/vendor/**", "/favicon.ico", "/error")
            .permitAll()
            // Staff pages (vn.dondoc.app.staff and the capabilities' page controllers) need a
            // login; the
            // session probe answers everyone, so that staff.js can tell an expired session before a
            // post.
            .requestMatchers(HttpMethod.GET, StaffSession.PROBE)
            .permitAll()
            // The public figures with their charts (vn.dondoc.app.dashboards.TransparencyPage;
            // Chart.js from its webjar).
            // The innovator area (/sang-kien-cua-toi) is not listed: it needs the browser login.
            .requestMatchers(HttpMethod.GET, "/so-lieu")
            .permitAll()
            .requestMatchers(HttpMethod.GET, "/webjars/**")
            .permitAll()
            .requestMatchers(HttpMethod.GET, KeycloakLogin.UNAVAILABLE_PAGE)
            .permitAll()
            // Cockpit, Tasklist and Admin: for admins, as /engine-rest.
            .requestMatchers("/camunda/**")
            .hasRole(Roles.ADMIN)
            // The API's contract and Swagger UI (vn.dondoc.app.web.ApiContract): signed-in staff
            // and admins.
            .requestMatchers(
                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
            .hasAnyRole(Roles.STAFF)
            // An address no page answers gets the portal's "not found", not the staff login (issue
            // 23).
            .requestMatchers(unknownAddress)
            .permitAll()
            .anyRequest()
            .authenticated())
        .exceptionHandling(errors -> errors.accessDeniedHandler(pageAccessDenied(problems)))
        // The Camunda webapps run their own CSRF protection on /camunda/api.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
        .oauth2Login(login -> login
            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(pageUsers))
            .failureHandler(keycloakLogin))
        .addFilterBefore(keycloakLogin.guard(), OAuth2AuthorizationRequestRedirectFilter.class)
        .addFilterBefore(revokedSessions.pageSessionFilter(), AuthorizationFilter.class)
        .logout(logout -> logout.logoutSuccessHandler(keycloakLogout))
        .build();
  }

  /**
   * A non-admin in a Camunda webapp gets problem JSON from its API and a Vietnamese page otherwise
   * (camunda.EngineRefusedPage, status 403); a staff form is handled as before.
   */
  private static AccessDeniedHandler pageAccessDenied(ProblemResponses problems) {
    AccessDeniedHandlerImpl refusedPage = new AccessDeniedHandlerImpl();
    refusedPage.setErrorPage(ENGINE_REFUSED_PAGE);
    LinkedHashMap<RequestMatcher, AccessDeniedHandler> handlers = new LinkedHashMap<>();
    handlers.put(path("/camunda/api/**"), problems.forbidden(ENGINE_FORBIDDEN));
    handlers.put(path("/camunda/**"), refusedPage);
    return new RequestMatcherDelegatingAccessDeniedHandler(
        handlers, new StaffSession.ExpiredFormHandler());
  }

  /**
   * Our pages load scripts, styles and images from the app only and no inline script (data for the scripts
   * comes in JSON blocks); inline styles stay allowed for form-js. Forms post to the app, whose logout goes on
   * to Keycloak. The Camunda webapps send their own policy (they need inline scripts), so ours stays off them.
   */
  static String contentSecurityPolicy(String keycloakPublicUrl) {
    return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
        + "form-action 'self' " + keycloakPublicUrl;
  }

  /** Headers of every response: CSP, no referrer across origins, no powerful browser features, HSTS over TLS. */
  private void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
            new NegatedRequestMatcher(path("/camunda/**")),
            new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy(keycloakPublicUrl))))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
        // written only on requests that arrived over TLS (directly, or said so by a trusted proxy)
        .httpStrictTransportSecurity(hsts ->
            hsts.includeSubDomains(true).maxAgeInSeconds(Duration.ofDays(365).toSeconds()));
  }

  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()";

  /** Path patterns on the whole URI: /engine-rest is served by Jersey, not by Spring MVC's servlet. */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private HttpSecurity bearerOnly(
      HttpSecurity http, JwtAuthenticationConverter converter, ProblemResponses problems)
      throws Exception {
    return http.headers(this::securityHeaders)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
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
    registration.setInitParameters(
        Map.of("authentication-provider", CamundaWebappAuthenticationProvider.class.getName()));
    registration.setUrlPatterns(List.of("/camunda/app/*", "/camunda/api/*"));
    registration.setOrder(201);
    return registration;
  }
}
