package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;

/** Only access tokens open the API and the engine's REST API: an ID token of the same user does not. */
class TokenTypesIT extends IntegrationTest {

  @Test
  void anIdTokenIsNotAnAccessToken() {
    String idToken = Api.idToken("quantri");

    assertThat(api().get("/engine-rest/task/count", idToken).status()).isEqualTo(401);
    assertThat(api().get("/api/v1/admin/rate-limit", idToken).status()).isEqualTo(401);
    assertThat(api().get("/api/v1/admin/rate-limit", Api.token("quantri")).status())
        .as("the access token")
        .isEqualTo(200);
  }
}
