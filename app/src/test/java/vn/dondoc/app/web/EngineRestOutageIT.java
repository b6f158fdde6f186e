package vn.dondoc.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;

/**
 * The engine's REST API when no database connection can be had: every connection of the pool is held by the
 * test, as a burst of load holds them, and an admin's request is answered 503 with Retry-After, not 500.
 */
class EngineRestOutageIT extends IntegrationTest {

  @Autowired
  DataSource dataSource;

  @Test
  void anExhaustedPoolIsA503WithRetryAfterAndTheNextRequestWorks() throws SQLException {
    String token = Api.token("quantri");
    List<Connection> held = new ArrayList<>();
    Api.Response refused;
    try {
      // Borrow until the pool has none left (its time-out, 5 s, ends the last attempt).
      while (true) {
        try {
          held.add(dataSource.getConnection());
        } catch (SQLException exhausted) {
          break;
        }
      }
      refused = api().get("/engine-rest/task?maxResults=1", token);
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    assertThat(held).isNotEmpty();
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(503);
    assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("30");
    assertThat(refused.json().path("type").asText()).isEqualTo("ServiceUnavailable");

    assertThat(api().get("/engine-rest/task?maxResults=1", token).status()).isEqualTo(200);
  }
}
