package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserSession;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.IntegrationTest;

/**
 * Who may call what, asked of the running application: every route of its own controllers (API and
 * pages, read from Spring's request mappings, so none is forgotten) and the engine's REST API, for
 * anonymous visitors and one demo user of each role, against the one table
 * {@code security/authorization-matrix.tsv}. A route without a row fails, as does a row without a route.
 *
 * <p>A cell says: {@code A} allowed (anything but 401/403 or the way to the login page; never a 5xx),
 * {@code D} denied (401/403/404 or the login page), {@code O} own agency only (allowed on a task of the
 * user's agency, denied on another agency's), {@code -} not called (what it would change is named in the
 * row's note; its refusal for the other roles is still checked). Path variables named like a case code
 * take a real task's code; others a value that names nothing.
 *
 * <p>{@code -Ddondoc.matrix.record=true} writes what was observed to {@code target/authorization-matrix.observed.tsv}
 * (to review, never to copy blindly).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends IntegrationTest {

  /** Anonymous first, then one demo user per role, in the table's column order. */
  static final List<String> WHO = List.of(
      "anonymous",
      "congdan",
      "sangkien",
      "canbo.bkhcn",
      "lanhdao.bkhcn",
      "thuongtruc",
      "thamdinh",
      "chuyengia",
      "giamsat",
      "quantri");

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
  private static final List<String> CASE_VARIABLES = List.of("caseCode", "code");
  private static final boolean RECORD = Boolean.getBoolean("dondoc.matrix.record");

  /** The engine's REST API, mounted outside Spring MVC: a few of its routes stand for all of it. */
  private static final List<String> ENGINE_ROUTES = List.of(
      "GET /engine-rest/task",
      "GET /engine-rest/process-instance",
      "GET /engine-rest/user",
      "POST /engine-rest/message",
      "GET /camunda/app/cockpit/default/");

  @Autowired
  ApplicationContext context;

  private final Map<String, BrowserSession> sessions = new HashMap<>();
  private final Map<String, String> tokens = new HashMap<>();
  private final Map<String, String> csrf = new HashMap<>();
  /** What each call answered, for the record (status and where a redirect points). */
  private final Map<String, Map<String, String>> details = new TreeMap<>();

  private String ownTask;
  private String otherTask;

  record Row(String route, List<String> cells, String note) {}

  @BeforeAll
  void signInEveryone() {
    String office = Api.token("thuongtruc");
    ownTask = issue("bkhcn", office);
    otherTask = issue("hanoi", office);
    for (String who : WHO.subList(1, WHO.size())) {
      tokens.put(who, Api.token(who));
      BrowserSession session = new BrowserSession();
      session.loginAndOpen(base() + "/ho-so/" + ownTask, who);
      sessions.put(who, session);
      csrf.put(who, csrfToken(session));
    }
    sessions.put("anonymous", new BrowserSession());
    csrf.put("anonymous", csrfToken(sessions.get("anonymous")));
  }

  @Test
  void everyRouteHasItsRowAndEveryoneGetsWhatTheRowSays() throws IOException {
    Map<String, Row> table = table();
    TreeSet<String> routes = routes();
    assertThat(table.keySet())
        .as("rows of security/authorization-matrix.tsv without a route")
        .isSubsetOf(routes);

    List<String> wrong = new ArrayList<>();
    Map<String, List<String>> observed = new TreeMap<>();
    for (String route : routes) {
      Row row = table.get(route);
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < WHO.size(); i++) {
        String expected = row == null ? "-" : row.cells().get(i);
        String outcome =
            "-".equals(expected) && row != null ? "-" : outcome(route, WHO.get(i), wrong);
        seen.add(outcome);
        if (row != null && !"-".equals(expected) && !expected.equals(outcome)) {
          wrong.add(route + " as " + WHO.get(i) + ": expected " + expected + ", got " + outcome);
        }
      }
      observed.put(route, seen);
    }
    if (RECORD) {
      write(observed, table);
    }
    assertThat(new TreeSet<>(routes).stream().filter(r -> !table.containsKey(r)).toList())
        .as("routes without a row in security/authorization-matrix.tsv (add one: who may call it?)")
        .isEmpty();
    assertThat(wrong)
        .as("cells of the authorization matrix that the application does not keep")
        .isEmpty();
  }

  /** A, D or O for one route and one person; a 5xx is recorded as a failure of its own. */
  private String outcome(String route, String who, List<String> wrong) {
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1);
    boolean caseScoped =
        VARIABLE.matcher(path).results().anyMatch(m -> CASE_VARIABLES.contains(m.group(1)));
    boolean onOwn = allowed(call(method, fill(path, ownTask), who), route, who, wrong);
    if (!caseScoped) {
      return onOwn ? "A" : "D";
    }
    boolean onOther = allowed(call(method, fill(path, otherTask), who), route, who, wrong);
    return onOwn && onOther ? "A" : onOwn ? "O" : "D";
  }

  private boolean allowed(
      HttpResponse<String> response, String route, String who, List<String> wrong) {
    boolean page = !route.contains(" /api/")
        && !route.contains(" /engine-rest")
        && !route.contains(" /actuator");
    int status = response.statusCode();
    if (RECORD) {
      details
          .computeIfAbsent(route, r -> new TreeMap<>())
          .merge(
              who,
              status
                  + response
                      .headers()
                      .firstValue("Location")
                      .map(l -> ">" + l.replaceAll("\\?.*", ""))
                      .orElse(""),
              (a, b) -> a + "," + b);
    }
    // the page that says the login service is down answers 503 on purpose
    if (status >= 500
        && !(status == 503 && route.equals("GET " + KeycloakLogin.UNAVAILABLE_PAGE))) {
      wrong.add(route + " as " + who + ": " + status);
    }
    String location = response.headers().firstValue("Location").orElse("");
    boolean toLogin = status / 100 == 3
        && (location.contains("/oauth2/authorization") || location.contains("/realms/"));
    // an anonymous post to a page has no session to act for: it is sent away, whichever page it
    // names
    boolean sentAway =
        page && "anonymous".equals(who) && !route.startsWith("GET ") && status / 100 == 3;
    return status != 401 && status != 403 && status != 404 && !toLogin && !sentAway;
  }

  private HttpResponse<String> call(String method, String path, String who) {
    Map<String, String> headers = new LinkedHashMap<>();
    boolean api =
        path.startsWith("/api/") || path.startsWith("/engine-rest") || path.startsWith("/actuator");
    if (api && tokens.containsKey(who)) {
      headers.put("Authorization", "Bearer " + tokens.get(who));
    }
    headers.put("Accept", api ? "application/json" : "text/html");
    String body = "";
    if (!"GET".equals(method)) {
      // an empty object (or form) gets past the body's parsing, so the answer is the route's own
      headers.put("X-CSRF-TOKEN", csrf.get(who));
      headers.put("Content-Type", api ? "application/json" : "application/x-www-form-urlencoded");
      body = api ? "{}" : "";
    }
    BrowserSession session = api ? new BrowserSession() : sessions.get(who);
    HttpResponse<String> response = session.send(method, base() + path, headers, body);
    // a page's action that takes JSON (the step page's completion) or files: asked again in its own
    // type
    if (response.statusCode() == 415) {
      headers.put("Content-Type", "application/json");
      response = session.send(method, base() + path, headers, "{}");
    }
    if (response.statusCode() == 415) {
      headers.put("Content-Type", "multipart/form-data; boundary=matrix");
      response = session.send(method, base() + path, headers, "--matrix--\r\n");
    }
    return response;
  }

  /** The path with its variables filled: case codes with the given task's, anything else with a value that names nothing. */
  private static String fill(String path, String caseCode) {
    Matcher m = VARIABLE.matcher(path);
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = CASE_VARIABLES.contains(name)
          ? caseCode
          : name.toLowerCase().contains("year") ? "2026" : "0";
      m.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    m.appendTail(filled);
    return filled.toString().replace("/**", "/x");
  }

  /** Every route of the application's own controllers, as "METHOD /path", plus the engine's. */
  private TreeSet<String> routes() {
    TreeSet<String> routes = new TreeSet<>(ENGINE_ROUTES);
    for (RequestMappingHandlerMapping mapping :
        context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
          mapping.getHandlerMethods().entrySet()) {
        if (!entry.getValue().getBeanType().getName().startsWith("vn.dondoc.app.")) {
          continue;
        }
        RequestMappingInfo info = entry.getKey();
        var methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (methods.isEmpty()) {
            routes.add("GET " + pattern);
          }
          for (RequestMethod method : methods) {
            routes.add(method.name() + " " + pattern);
          }
        }
      }
    }
    return routes;
  }

  private static Map<String, Row> table() throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (InputStream in = AuthorizationMatrixIT.class
        .getClassLoader()
        .getResourceAsStream("security/authorization-matrix.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        assertThat(parts.length)
            .as("a row of %d cells and an optional note: %s", WHO.size(), line)
            .isBetween(WHO.size() + 1, WHO.size() + 2);
        List<String> cells = List.of(parts).subList(1, WHO.size() + 1);
        assertThat(cells).as(line).allMatch(c -> List.of("A", "D", "O", "-").contains(c));
        assertThat(rows.put(
                parts[0],
                new Row(
                    parts[0], cells, parts.length > WHO.size() + 1 ? parts[WHO.size() + 1] : "")))
            .as("one row per route: %s", parts[0])
            .isNull();
      }
    }
    return rows;
  }

  private void write(Map<String, List<String>> observed, Map<String, Row> table)
      throws IOException {
    StringBuilder out = new StringBuilder("# route\t" + String.join("\t", WHO) + "\tnote\n");
    observed.forEach((route, cells) -> out.append(route)
        .append('\t')
        .append(String.join("\t", cells))
        .append('\t')
        .append(table.containsKey(route) ? table.get(route).note() : "")
        .append('\n'));
    Files.writeString(Path.of("target/authorization-matrix.observed.tsv"), out);
    StringBuilder answers = new StringBuilder();
    details.forEach(
        (route, byWho) -> answers.append(route).append('\t').append(byWho).append('\n'));
    Files.writeString(Path.of("target/authorization-matrix.answers.tsv"), answers);
  }

  private String issue(String lead, String office) {
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(
                Directives.freshSymbol(),
                List.of(Directives.task("1.a", lead, LocalDate.now().plusMonths(3))))),
            office,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.json().path("caseCodes").get(0).asText();
  }

  /** The session's CSRF token, from a page's form or the staff layout's meta tag. */
  private String csrfToken(BrowserSession session) {
    String page = session.get(base() + "/gui-phan-anh").body();
    Matcher token =
        Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"").matcher(page);
    return token.find() ? token.group(1) : "";
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
