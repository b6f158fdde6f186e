package vn.dondoc.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;

/**
 * Every API endpoint that takes a body, from the application's own request mappings, posted with the wrong
 * content type, an empty body and a broken one, by every kind of caller: a 4xx, never a 500. A new endpoint
 * is covered without anyone adding it here.
 */
class MalformedRequestsIT extends IntegrationTest {

  /** One demo user per role, and the anonymous caller (null). */
  static final List<String> CALLERS = java.util.Arrays.asList(
      null,
      "congdan",
      "sangkien",
      "chuyengia",
      "canbo.hanoi",
      "lanhdao.hanoi",
      "thuongtruc",
      "thamdinh",
      "giamsat",
      "quantri");

  /** Content type and body of each malformed request. */
  static final List<Map.Entry<String, String>> MALFORMED = List.of(
      Map.entry("application/x-www-form-urlencoded", "title=x&agency=hanoi"),
      Map.entry("text/plain", "x"),
      Map.entry("application/json", ""),
      Map.entry("application/json", "{\"title\": "),
      Map.entry("application/json", "[1, 2]"),
      Map.entry("multipart/form-data; boundary=xyz", "--xyz--"));

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void noEndpointAnswersAMalformedRequestWithA500() throws Exception {
    Set<String> endpoints = new LinkedHashSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
          if (verb == RequestMethod.POST
              || verb == RequestMethod.PUT
              || verb == RequestMethod.PATCH) {
            endpoints.add(verb + " " + pattern.replaceAll("\\{[^}]+}", "1"));
          }
        }
      }
    });
    assertThat(endpoints).as("the API's mappings were found").hasSizeGreaterThan(20);

    List<String> failures = new ArrayList<>();
    for (String caller : CALLERS) {
      String token = caller == null ? null : Api.token(caller);
      for (String endpoint : endpoints) {
        String[] verbAndPath = endpoint.split(" ", 2);
        for (Map.Entry<String, String> malformed : MALFORMED) {
          HttpRequest.Builder request = HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + port + verbAndPath[1]))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", malformed.getKey())
              .method(verbAndPath[0], HttpRequest.BodyPublishers.ofString(malformed.getValue()));
          if (token != null) {
            request.header("Authorization", "Bearer " + token);
          }
          HttpResponse<String> response =
              HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() >= 500) {
            failures.add(caller + " " + endpoint + " " + malformed.getKey() + " ["
                + malformed.getValue() + "] -> " + response.statusCode() + " "
                + response.body().substring(0, Math.min(200, response.body().length())));
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }
}
