package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class MetricsScrapersTest {

  private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
      "key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

  @Test
  void aScraperInAListedNetworkNeedsNoToken() {
    MetricsScrapers scrapers = new MetricsScrapers(List.of("10.0.0.0/8", " ", "192.168.5.7"));
    assertThat(granted(scrapers, "10.20.30.40", ANONYMOUS)).isTrue();
    assertThat(granted(scrapers, "192.168.5.7", ANONYMOUS)).isTrue();
    assertThat(granted(scrapers, "192.168.5.8", ANONYMOUS)).isFalse();
  }

  @Test
  void onlyAdminsOutsideThoseNetworks() {
    MetricsScrapers none = new MetricsScrapers(null);
    assertThat(granted(none, "127.0.0.1", ANONYMOUS)).isFalse();
    assertThat(granted(
            none,
            "127.0.0.1",
            new TestingAuthenticationToken("canbo", "", "ROLE_" + Roles.AGENCY_OFFICER)))
        .isFalse();
    assertThat(granted(
            none,
            "127.0.0.1",
            new TestingAuthenticationToken("quantri", "", "ROLE_" + Roles.ADMIN)))
        .isTrue();
  }

  private static boolean granted(
      MetricsScrapers scrapers, String remoteAddress, Authentication caller) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
    request.setRemoteAddr(remoteAddress);
    return scrapers
        .adminOrScrapeNetwork()
        .authorize(() -> caller, new RequestAuthorizationContext(request))
        .isGranted();
  }
}
