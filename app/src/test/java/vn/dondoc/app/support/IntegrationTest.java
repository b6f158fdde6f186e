package vn.dondoc.app.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cat.indices.IndicesRecord;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.dondoc.app.sla.SlaTestClockCases;
import vn.dondoc.search.CaseIndex;

/**
 * Base of the integration tests: the whole application on a random port against the real
 * PostgreSQL, Elasticsearch and Keycloak. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
// metrics are exported as in production (/actuator/prometheus); Spring Boot's tests switch that off
// otherwise
@AutoConfigureObservability(tracing = false)
@Import({IntegrationTest.DropTestIndex.class, MovableClock.Config.class, SlaTestClockCases.class})
public abstract class IntegrationTest {

  @LocalServerPort
  protected int port;

  protected Api api() {
    return new Api("http://127.0.0.1:" + port);
  }

  /**
   * Removes this run's search indices when the context closes, so runs do not pile up indices: the
   * first one and any a reindex created (all named after this run's random alias).
   */
  @TestConfiguration
  static class DropTestIndex {
    @Bean(destroyMethod = "drop")
    IndexDropper indexDropper(CaseIndex index, ElasticsearchClient client) {
      return new IndexDropper(index, client);
    }
  }

  /**
   * Uses Spring Boot's {@link ElasticsearchClient} bean: closing its transport closes the shared
   * RestClient, and depending on that bean makes Spring run {@link #drop} before that happens.
   */
  record IndexDropper(CaseIndex index, ElasticsearchClient client) {
    void drop() throws IOException {
      // Listed by name because Elasticsearch refuses to delete by wildcard
      // (action.destructive_requires_name).
      List<String> names =
          client.cat().indices(c -> c.index(index.alias() + "-*")).valueBody().stream()
              .map(IndicesRecord::index)
              .toList();
      if (!names.isEmpty()) {
        client.indices().delete(d -> d.index(names));
      }
    }
  }
}
