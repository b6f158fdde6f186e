package vn.dondoc.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forwarded headers ({@code Forwarded}, {@code X-Forwarded-For/-Host/-Proto/-Port/-Prefix}) are
 * honoured only on requests whose socket address is one of the configured proxies (the nginx in front);
 * from anyone else they are removed, so that a client can neither pick the address the anonymous rate
 * limit counts nor the host that redirects are built on. Replaces server.forward-headers-strategy.
 */
@Configuration
@EnableConfigurationProperties(TrustedProxies.Settings.class)
class TrustedProxies {

  /**
   * {@code dondoc.proxies.*}.
   *
   * @param trusted socket addresses or CIDR ranges of the reverse proxies whose forwarded headers are believed
   *     (DONDOC_TRUSTED_PROXIES, comma-separated); empty: nobody's
   */
  @ConfigurationProperties("dondoc.proxies")
  record Settings(List<String> trusted) {
    Settings {
      trusted = trusted == null
          ? List.of()
          : trusted.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> forwardedHeaders(Settings settings) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(filter(settings));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static OncePerRequestFilter filter(Settings settings) {
    List<IpAddressMatcher> proxies =
        settings.trusted().stream().map(IpAddressMatcher::new).toList();
    ForwardedHeaderFilter honour = new ForwardedHeaderFilter();
    ForwardedHeaderFilter remove = new ForwardedHeaderFilter();
    remove.setRemoveOnly(true);
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String socket = request.getRemoteAddr();
        boolean fromProxy =
            socket != null && proxies.stream().anyMatch(proxy -> proxy.matches(socket));
        (fromProxy ? honour : remove).doFilter(request, response, chain);
      }

      @Override
      protected boolean shouldNotFilterAsyncDispatch() {
        return false;
      }

      @Override
      protected boolean shouldNotFilterErrorDispatch() {
        return false;
      }
    };
  }
}
