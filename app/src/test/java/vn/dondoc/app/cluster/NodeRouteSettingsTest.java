package vn.dondoc.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The node's route reaches {@link NodeRoute.Settings} the ways bin/dondoc and ClusterFaultsIT set it: the environment
 * variable DONDOC_NODE_ROUTE (dashes as underscores, which a typed binding must still find) or the property itself.
 */
class NodeRouteSettingsTest {

  private static NodeRoute.Settings bind(PropertySource<?> source) {
    // no property sources but the one given (not the machine's own environment)
    AbstractEnvironment environment = new AbstractEnvironment() {};
    environment.getPropertySources().addFirst(source);
    return Binder.get(environment).bindOrCreate("dondoc", NodeRoute.Settings.class);
  }

  @Test
  void theEnvironmentVariableNamesTheRoute() {
    assertThat(bind(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("DONDOC_NODE_ROUTE", "n2")))
            .nodeRoute())
        .isEqualTo("n2");
  }

  @Test
  void thePropertyNamesTheRouteAndNoneLeavesItEmpty() {
    assertThat(bind(new MapPropertySource("args", Map.of("dondoc.node-route", "n1")))
            .nodeRoute())
        .isEqualTo("n1");
    assertThat(bind(new MapPropertySource("args", Map.of())).nodeRoute()).isNull();
  }
}
