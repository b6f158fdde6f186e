package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Forwarded headers count only when the socket is a configured proxy. */
class TrustedProxiesTest {

  private final TrustedProxies.Settings nginxOnLoopback =
      new TrustedProxies.Settings(List.of("127.0.0.1", " 10.0.0.0/8 "));

  @Test
  void aClientCannotChooseItsAddressOrTheHostOfRedirects() throws Exception {
    HttpServletRequest seen = pass(nginxOnLoopback, forwarded("203.0.113.7"));

    assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.7");
    assertThat(seen.getServerName()).isEqualTo("dondoc.gov.vn");
    assertThat(seen.getHeader("X-Forwarded-For")).isNull();
    assertThat(seen.getHeader("X-Forwarded-Host")).isNull();
    assertThat(seen.getHeader("Forwarded")).isNull();
  }

  @Test
  void theProxyNamesTheClientAndTheHost() throws Exception {
    MockHttpServletRequest byNginx = forwarded("127.0.0.1");
    byNginx.removeHeader("Forwarded");
    HttpServletRequest fromLoopback = pass(nginxOnLoopback, byNginx);
    HttpServletRequest fromRange = pass(nginxOnLoopback, forwarded("10.1.2.3"));

    assertThat(fromLoopback.getRemoteAddr()).isEqualTo("198.51.100.20");
    assertThat(fromLoopback.getServerName()).isEqualTo("evil.example");
    assertThat(fromRange.getRemoteAddr()).as("Forwarded comes first").isEqualTo("192.0.2.1");
  }

  @Test
  void nobodyIsTrustedByDefault() throws Exception {
    HttpServletRequest seen = pass(new TrustedProxies.Settings(null), forwarded("127.0.0.1"));

    assertThat(seen.getRemoteAddr()).isEqualTo("127.0.0.1");
    assertThat(seen.getServerName()).isEqualTo("dondoc.gov.vn");
  }

  private static MockHttpServletRequest forwarded(String socket) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/feedback");
    request.setRemoteAddr(socket);
    request.setServerName("dondoc.gov.vn");
    request.addHeader("X-Forwarded-For", "198.51.100.20");
    request.addHeader("X-Forwarded-Host", "evil.example");
    request.addHeader("Forwarded", "for=192.0.2.1;host=evil.example");
    return request;
  }

  private static HttpServletRequest pass(
      TrustedProxies.Settings settings, MockHttpServletRequest request) throws Exception {
    AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
    TrustedProxies.filter(settings)
        .doFilter(
            request,
            new MockHttpServletResponse(),
            (req, res) -> seen.set((HttpServletRequest) req));
    return seen.get();
  }
}
