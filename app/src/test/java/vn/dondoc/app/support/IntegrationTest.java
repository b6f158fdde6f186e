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

  /** Removes this run's search index when the context closes, so runs do not pile up indices. */
  @TestConfiguration
  static class DropTestIndex {
    @Bean(destroyMethod = "drop")
    IndexDropper indexDropper(CaseIndex index, org.elasticsearch.client.RestClient client) {
      return new IndexDropper(index, client);
    }
  }

  record IndexDropper(CaseIndex index, org.elasticsearch.client.RestClient client) {
    void drop() throws IOException {
      try {
        client.performRequest(new org.elasticsearch.client.Request("DELETE", "/" + index.currentIndexName()));
      } catch (org.elasticsearch.client.ResponseException notThere) {
        // never created, or already gone
      }
    }
  }
}
