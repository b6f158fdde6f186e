package vn.dondoc.app.support;

import java.io.IOException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.dondoc.search.CaseIndex;

/**
 * Base of the integration tests: the whole application on a random port against the real
 * PostgreSQL, Elasticsearch and Keycloak. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(IntegrationTest.DropTestIndex.class)
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
    IndexDropper indexDropper(CaseIndex index, org.elasticsearch.client.RestClient client) {
      return new IndexDropper(index, client);
    }
  }

  record IndexDropper(CaseIndex index, org.elasticsearch.client.RestClient client) {
    void drop() throws IOException {
      // Listed by name because Elasticsearch refuses to delete by wildcard (action.destructive_requires_name).
      org.elasticsearch.client.Request list = new org.elasticsearch.client.Request("GET", "/_cat/indices/" + index.currentIndexName() + "*");
      list.addParameter("h", "index");
      String names = String.join(",", new String(client.performRequest(list).getEntity().getContent().readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8).strip().split("\\s+"));
      if (!names.isEmpty()) {
        client.performRequest(new org.elasticsearch.client.Request("DELETE", "/" + names));
      }
    }
  }
}
