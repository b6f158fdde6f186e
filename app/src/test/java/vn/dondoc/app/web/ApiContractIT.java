package vn.dondoc.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.BrowserSession;
import vn.dondoc.app.support.IntegrationTest;

/** The OpenAPI contract: for signed-in staff and admins only, the REST API alone, the Vietnamese examples on it. */
class ApiContractIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPOSITORY = Path.of(System.getProperty("dondoc.repository", ".."));
  private static final Pattern CALL =
      Pattern.compile("\\b(GET|POST|PUT|DELETE|PATCH) (/[\\w/{}.-]+)");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private JsonNode contractAs(String username) throws IOException {
    HttpResponse<String> response =
        new BrowserSession().loginAndOpen(url(ApiContract.DOCS), username);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void nobodyReadsItWithoutSigningInAndACitizenNotAtAll() {
    HttpResponse<String> anonymous = new BrowserSession().get(url(ApiContract.DOCS));
    assertThat(anonymous.statusCode()).as("to the login").isEqualTo(302);
    assertThat(new BrowserSession().get(url(ApiContract.UI)).statusCode()).isEqualTo(302);

    assertThat(
            new BrowserSession().loginAndOpen(url(ApiContract.DOCS), "congdan").statusCode())
        .isEqualTo(403);
  }

  @Test
  void describesTheRestApiAloneWithItsBearerToken() throws IOException {
    JsonNode contract = contractAs("canbo.hanoi");

    List<String> paths = new ArrayList<>();
    contract.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .contains("/api/v1/feedback", "/api/v1/search", "/api/v1/tasks/{caseCode}/extensions")
        .allMatch(path -> path.startsWith("/api/"));
    assertThat(contract.at("/components/securitySchemes/keycloak/scheme").asText())
        .isEqualTo("bearer");
  }

  @Test
  void everyVietnameseExampleSitsOnItsOperation() throws IOException {
    JsonNode contract = contractAs("quantri");
    JsonNode examples;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ApiContract.EXAMPLES)) {
      examples = JSON.readTree(in);
    }

    assertThat(examples.size()).as("a test over nothing would pass").isGreaterThanOrEqualTo(5);
    examples.fields().forEachRemaining(entry -> {
      String[] key = entry.getKey().split(" ", 2);
      JsonNode operation =
          contract.path("paths").path(key[1]).path(key[0].toLowerCase(Locale.ROOT));
      assertThat(operation.isMissingNode())
          .as("an operation %s in the contract", entry.getKey())
          .isFalse();
      assertThat(operation.path("summary").asText())
          .isEqualTo(entry.getValue().path("summary").asText());
      if (entry.getValue().has("request")) {
        assertThat(operation.path("requestBody").path("content").findValue("example"))
            .as("request example of %s", entry.getKey())
            .isEqualTo(entry.getValue().get("request"));
      }
      entry
          .getValue()
          .path("parameters")
          .fields()
          .forEachRemaining(parameter -> assertThat(operation.path("parameters"))
              .as("parameter %s of %s", parameter.getKey(), entry.getKey())
              .anyMatch(p -> p.path("name").asText().equals(parameter.getKey())
                  && p.path("example").asText().equals(parameter.getValue().asText())));
    });
    assertThat(contract
            .at("/paths/~1api~1v1~1feedback/post/responses/201/content")
            .findValue("example")
            .path("code")
            .asText())
        .isEqualTo("PAKN-2026-000009");
  }

  /** docs/API.md names calls as "POST /tasks/{code}/acknowledge" (under /api/v1) or in full; each is in the contract. */
  @Test
  void everyCallTheApiPageNamesIsAnOperationOfTheContract() throws IOException {
    JsonNode contract = contractAs("quantri");
    Set<String> operations = new TreeSet<>();
    contract
        .path("paths")
        .fields()
        .forEachRemaining(path -> path.getValue()
            .fieldNames()
            .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " "
                + PLACEHOLDER.matcher(path.getKey()).replaceAll("{}"))));

    Matcher call = CALL.matcher(Files.readString(REPOSITORY.resolve("docs/API.md")));
    List<String> named = new ArrayList<>();
    while (call.find()) {
      String path = call.group(2).startsWith("/api/") ? call.group(2) : "/api/v1" + call.group(2);
      named.add(call.group(1) + " " + PLACEHOLDER.matcher(path).replaceAll("{}"));
    }
    assertThat(named).as("a test over nothing would pass").hasSizeGreaterThan(20);
    assertThat(named)
        .as("calls docs/API.md names that the contract does not have")
        .allMatch(operations::contains);
  }
}
