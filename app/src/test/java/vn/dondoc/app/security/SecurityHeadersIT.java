package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.staff.StaffNavigation;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserSession;
import vn.dondoc.app.support.IntegrationTest;

/** Every kind of response carries the browser-side protections: portal, staff pages, the API, errors. */
class SecurityHeadersIT extends IntegrationTest {

  @Test
  void portalApiAndErrorResponsesCarryThePolicies() {
    Map<String, Api.Response> responses = Map.of(
        "portal", api().get("/", null),
        "portal form", api().get("/gui-phan-anh", null),
        "public API", api().get("/api/v1/public/feedback-choices", null),
        "API refusal", api().get("/api/v1/feedback/PAKN-2026-000001", null),
        "page not found", api().get("/khong-co-trang-nay", null),
        "login redirect", api().get(StaffNavigation.HOME, null));
    responses.forEach((kind, response) -> assertProtected(kind, response.raw().headers()));
    assertThat(responses.get("page not found").status()).isIn(302, 404);
  }

  @Test
  void staffPagesCarryThePoliciesAndTheSessionCookieIsLax() {
    HttpResponse<String> page = new BrowserSession()
        .loginAndOpen("http://127.0.0.1:" + port + StaffNavigation.HOME, "thuongtruc");
    assertThat(page.statusCode()).isEqualTo(200);
    assertProtected("staff page", page.headers());

    Api.Response started = api().get("/sang-kien-cua-toi", null);
    List<String> cookies = started.raw().headers().allValues("Set-Cookie");
    assertThat(cookies)
        .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
        .singleElement()
        .asString()
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax");
  }

  @Test
  void theCamundaWebappsKeepTheirOwnPolicy() {
    // the webapps are the admins' (docs/OPERATIONS.md, "The engine: who reaches it")
    HttpResponse<String> cockpit = new BrowserSession()
        .loginAndOpen("http://127.0.0.1:" + port + "/camunda/app/tasklist/", "quantri");
    assertThat(cockpit.statusCode()).as("%s %s", cockpit.uri(), cockpit.body()).isEqualTo(200);
    assertThat(cockpit.headers().allValues("Content-Security-Policy"))
        .singleElement()
        .asString()
        .contains("'nonce-");
  }

  private static void assertProtected(String kind, HttpHeaders headers) {
    String csp = headers.firstValue("Content-Security-Policy").orElse("");
    assertThat(csp)
        .as(kind)
        .contains(
            "default-src 'self'",
            "script-src 'self';",
            "object-src 'none'",
            "frame-ancestors 'none'");
    assertThat(
            csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
        .as(kind)
        .doesNotContain("unsafe");
    assertThat(headers.firstValue("Referrer-Policy"))
        .as(kind)
        .contains("strict-origin-when-cross-origin");
    assertThat(headers.firstValue("Permissions-Policy").orElse(""))
        .as(kind)
        .contains("camera=()", "geolocation=()");
    assertThat(headers.firstValue("X-Content-Type-Options")).as(kind).contains("nosniff");
    assertThat(headers.firstValue("Strict-Transport-Security"))
        .as(kind + ": plain HTTP, no HSTS")
        .isEmpty();
  }
}
