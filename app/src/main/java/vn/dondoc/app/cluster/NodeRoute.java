package vn.dondoc.app.cluster;

import org.apache.catalina.Engine;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Names this node in its session ids ({@code JSESSIONID=<id>.<route>}, Tomcat's jvmRoute), so that the load
 * balancer sends a logged-in browser back to the node that holds its session: the OIDC login keeps its
 * state in the session between the redirect to Keycloak and the callback, and so do the Camunda webapps.
 * Anonymous and bearer-token requests have no session and go to any node. Set {@code DONDOC_NODE_ROUTE}
 * to the name the nginx configuration maps to this node (n1, n2); empty on a single node.
 * See docs/adr/0002-sticky-sessions-by-node-route.md.
 */
@Component
@EnableConfigurationProperties(NodeRoute.Settings.class)
class NodeRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  /**
   * {@code dondoc.node-route}.
   *
   * @param nodeRoute this node's name in its session ids, as the load balancer maps it (DONDOC_NODE_ROUTE:
   *     n1, n2); empty on a single node
   */
  @ConfigurationProperties("dondoc")
  record Settings(String nodeRoute) {}

  private final String route;

  NodeRoute(Settings settings) {
    this.route = settings.nodeRoute() == null ? "" : settings.nodeRoute().strip();
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    if (route.isEmpty()) {
      return;
    }
    if (!route.matches("[A-Za-z0-9_-]{1,32}")) {
      throw new IllegalArgumentException(
          "dondoc.node-route '" + route + "': letters, digits, _ and - only");
    }
    factory.addContextCustomizers(
        context -> ((Engine) context.getParent().getParent()).setJvmRoute(route));
  }
}
