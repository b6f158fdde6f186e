package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;

/** A client that is not a trusted proxy cannot send the browser elsewhere with X-Forwarded-Host or Forwarded. */
class ForwardedHostIT extends IntegrationTest {

  @Test
  void theLoginRedirectStaysOnTheHostTheClientReached() {
    for (Map<String, String> forged : new Map[] {
      Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"),
      Map.of("Forwarded", "host=evil.example;proto=https")
    }) {
      Api.Response redirect = api().get("/sang-kien-cua-toi", null, forged);

      assertThat(redirect.status()).isEqualTo(302);
      assertThat(redirect.header("Location"))
          .as(forged.toString())
          .startsWith("http://127.0.0.1:" + port + "/")
          .doesNotContain("evil.example");
    }
  }
}
