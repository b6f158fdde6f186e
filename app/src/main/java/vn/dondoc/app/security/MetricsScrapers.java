package vn.dondoc.app.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who may read {@code /actuator/prometheus}: admins with a token, and a Prometheus scraping from one of
 * {@code dondoc.metrics.scrape-networks} (addresses or CIDR ranges, none by default) without one. The
 * address is the one the app sees: behind nginx the client's own ({@code X-Forwarded-For}), so list the
 * network the scraper reaches the nodes from, never a public one.
 *
 * @param scrapeNetworks addresses or CIDR ranges a Prometheus may scrape from without a token
 *     (DONDOC_METRICS_SCRAPE_NETWORKS, comma-separated)
 */
@ConfigurationProperties("dondoc.metrics")
record MetricsScrapers(List<String> scrapeNetworks) {

  MetricsScrapers {
    scrapeNetworks = scrapeNetworks == null
        ? List.of()
        : scrapeNetworks.stream().filter(network -> !network.isBlank()).toList();
  }

  AuthorizationManager<RequestAuthorizationContext> adminOrScrapeNetwork() {
    List<IpAddressMatcher> networks =
        scrapeNetworks.stream().map(IpAddressMatcher::new).toList();
    AuthorizationManager<RequestAuthorizationContext> fromScrapeNetwork =
        (authentication, context) -> new AuthorizationDecision(
            networks.stream().anyMatch(network -> network.matches(context.getRequest())));
    return AuthorizationManagers.anyOf(
        fromScrapeNetwork, AuthorityAuthorizationManager.hasRole(Roles.ADMIN));
  }
}
