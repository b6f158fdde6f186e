package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.Api;

/** Keycloak runs with a fixed hostname (bin/dondoc, --hostname): a client's Host header does not become the tokens' issuer. */
class KeycloakHostnameIT {

  @Test
  void theIssuerDoesNotFollowTheHostHeader() throws IOException {
    URI keycloak = URI.create(Api.KEYCLOAK);
    try (Socket socket = new Socket(keycloak.getHost(), keycloak.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /realms/dondoc/.well-known/openid-configuration HTTP/1.1\r\nHost: evil.example\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(response)
          .startsWith("HTTP/1.1 200")
          .doesNotContain("evil.example")
          .contains("\"issuer\":\"" + Api.KEYCLOAK + "/realms/dondoc\"");
    }
  }
}
