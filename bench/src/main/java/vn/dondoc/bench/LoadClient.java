package vn.dondoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator's view of the app: the public and staff REST APIs as the integration tests call them,
 * with bearer tokens of the realm's demo users (password grant on the public client "dondoc-api", each
 * user's token cached until shortly before it expires). Loopback only: the app's address is checked.
 */
final class LoadClient {

  /** An answer; {@code status} 0 means no answer (connection refused, timeout), {@code error} then says why. */
  record Answer(int status, String body, String error) {
    boolean is(int expected) {
      return status == expected;
    }

    /** How a refusal is counted: "HTTP 503", "HttpTimeoutException". */
    String refusal() {
      return status == 0 ? error : "HTTP " + status;
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong SEQUENCE =
      new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

  private final String app;
  private final String keycloak;
  private final ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
    Thread thread = new Thread(runnable, "load-http");
    thread.setDaemon(true);
    return thread;
  });
  private final HttpClient http;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, long expiresAtNanos) {}

  LoadClient(String app, String keycloak) {
    URI uri = URI.create(app);
    if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
      throw new IllegalArgumentException(
          "the load generator only drives an app on the loopback interface, not " + app);
    }
    this.app = app;
    this.keycloak = keycloak;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .executor(executor)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** A fresh number for idempotency keys, symbols and markers, unique within and across runs. */
  static long next() {
    return SEQUENCE.incrementAndGet();
  }

  // ------------------------------------------------------------------ tokens

  /** An access token of a demo user (password "demo"), fetched again 30 s before it expires. */
  String token(String username) {
    Token cached = tokens.get(username);
    if (cached != null && System.nanoTime() < cached.expiresAtNanos()) {
      return cached.value();
    }
    Token fresh = fetchToken(username);
    tokens.put(username, fresh);
    return fresh.value();
  }

  private Token fetchToken(String username) {
    String form = "grant_type=password&client_id=dondoc-api&username="
        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo";
    Answer answer = send(HttpRequest.newBuilder(
            URI.create(keycloak + "/realms/dondoc/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build());
    if (!answer.is(200)) {
      throw new IllegalStateException(
          "no token for " + username + ": " + answer.refusal() + " " + answer.body());
    }
    JsonNode body = read(answer.body());
    long lifetime = Math.max(10, body.path("expires_in").asLong(60) - 30);
    return new Token(
        body.path("access_token").asText(), System.nanoTime() + lifetime * 1_000_000_000L);
  }

  // ------------------------------------------------------------------ requests

  /** A generated anonymous submission, as the portal's form sends it. */
  static ObjectNode feedback(long n, String field, String locality, String title, String content) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", "complaint")
        .put("field", field)
        .put("locality", locality)
        .put("title", title.length() > 300 ? title.substring(0, 300) : title)
        .put("content", content)
        .put("consentToPublish", n % 3 == 0);
    body.putObject("contact")
        .put("name", "Người gửi thử " + n)
        .put("email", "load" + n + "@example.vn");
    return body;
  }

  /** POST /api/v1/feedback, anonymous, with an Idempotency-Key as the portal sends one. */
  CompletableFuture<Answer> submitFeedback(ObjectNode body) {
    return sendAsync(HttpRequest.newBuilder(URI.create(app + "/api/v1/feedback"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", "load-" + next())
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build());
  }

  /** Who completes user tasks through the engine's REST API, which is for admins only (docs/OPERATIONS.md). */
  static final String ENGINE_ADMIN = "quantri";

  /** Completes the one open user task {@code taskKey} of the case through the engine's REST API, as the admin. */
  Answer completeUserTask(String caseCode, String taskKey, Map<String, Object> variables) {
    String token = token(ENGINE_ADMIN);
    Answer tasks = get(
        "/engine-rest/task?processInstanceBusinessKey=" + caseCode + "&taskDefinitionKey="
            + taskKey,
        token);
    if (!tasks.is(200)) {
      return tasks;
    }
    JsonNode found = read(tasks.body());
    if (found.size() != 1) {
      return new Answer(
          0,
          tasks.body(),
          ENGINE_ADMIN + " sees " + found.size() + " " + taskKey + " of " + caseCode);
    }
    ObjectNode typed = JsonNodeFactory.instance.objectNode();
    variables.forEach((name, value) -> typed.putObject(name).putPOJO("value", value));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("variables", typed);
    return post(
        "/engine-rest/task/" + found.get(0).path("id").asText() + "/complete",
        body.toString(),
        token);
  }

  /**
   * The staff's steps of a submitted feedback item, through the engine's REST API as the admin: routed to Hà Nội,
   * accepted, answered and signed off (8 requests). Null when all were done, else the step that failed and why.
   */
  String answerFeedback(String caseCode, String field) {
    List<Object[]> steps = List.of(
        new Object[] {"ClassifyFeedback", Map.of("handlingAgency", "hanoi", "field", field)},
        new Object[] {"AcceptFeedback", Map.of("acceptanceDecision", "accept")},
        new Object[] {
          "DraftAnswer",
          Map.of(
              "answerDecision",
              "answer",
              "answerText",
              "Sở Khoa học và Công nghệ Hà Nội đã tiếp nhận và xử lý theo quy định, mã " + caseCode)
        },
        new Object[] {"SignOffAnswer", Map.of("signOffDecision", "approve")});
    for (Object[] step : steps) {
      @SuppressWarnings("unchecked")
      Answer done = completeUserTask(caseCode, (String) step[0], (Map<String, Object>) step[1]);
      if (!done.is(204)) {
        return step[0] + " " + done.refusal();
      }
    }
    return null;
  }

  /** The standing office issues a conclusion notice with one task for {@code lead} (directives API). */
  Answer issueTask(String lead, LocalDate deadline) {
    long n = next();
    ObjectNode task = JsonNodeFactory.instance.objectNode();
    task.put("code", "1")
        .put("section", "Hoàn thiện thể chế, quy định, quy trình")
        .put("field", "FINANCE")
        .put(
            "content",
            "Ban hành hướng dẫn cơ chế tài chính cho quỹ phát triển khoa học và công nghệ, lượt "
                + n)
        .put("leadAgency", lead)
        .put("recurring", false)
        .put("deadline", deadline.toString())
        .put(
            "deadlineText",
            "chậm nhất ngày " + deadline.getDayOfMonth() + "/" + deadline.getMonthValue() + "/"
                + deadline.getYear())
        .put("expectedProduct", "Thông tư được ban hành")
        .put("evidenceLevel", "L1");
    task.putArray("cooperatingAgencies");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", "CONCLUSION_NOTICE")
        .put("symbol", n + "-TB/TAI")
        .put("issuedOn", "2025-12-29")
        .put("issuer", "Cơ quan Thường trực Ban Chỉ đạo Trung ương")
        .put("title", "Thông báo kết luận về nhiệm vụ, giải pháp trọng tâm (tải thử " + n + ")");
    body.putArray("tasks").add(task);
    return post("/api/v1/directives", body.toString(), token("thuongtruc"));
  }

  Answer acknowledge(String caseCode, String officer) {
    return post(
        "/api/v1/tasks/" + caseCode + "/acknowledge",
        "{\"acknowledgeNote\":\"Đã giao đơn vị chủ trì\"}",
        token(officer));
  }

  Answer reportProgress(String caseCode, String officer, int percent) {
    return post(
        "/api/v1/tasks/" + caseCode + "/progress",
        "{\"progressPercent\":" + percent
            + ",\"progressText\":\"Đã hoàn thành dự thảo, đang lấy ý kiến các đơn vị\"}",
        token(officer));
  }

  /** Evidence of level L1 (an issued document, no file) reporting the task completed. */
  Answer submitEvidence(String caseCode, String officer) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("kind", "ISSUED_DOCUMENT")
        .put("level", "L1")
        .put("description", "Thông tư đã được ký ban hành")
        .put("documentNumber", next() % 100 + "/2026/TT-BKHCN")
        .put("documentDate", LocalDate.now().minusDays(1).toString());
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("summary", "Đã ban hành thông tư theo đúng nội dung được giao.");
    body.putArray("items").add(item);
    return post("/api/v1/tasks/" + caseCode + "/completion", body.toString(), token(officer));
  }

  Answer review(String caseCode, String reviewer) {
    return post(
        "/api/v1/tasks/" + caseCode + "/review",
        "{\"reviewDecision\":\"accept\"}",
        token(reviewer));
  }

  Answer get(String path, String token) {
    return send(HttpRequest.newBuilder(URI.create(app + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build());
  }

  Answer post(String path, String json, String token) {
    return send(HttpRequest.newBuilder(URI.create(app + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  /** The sender rates the published answer (the public tracking API, with the secret of the submission's receipt). */
  Answer rate(String caseCode, String trackingSecret, int rating) {
    return send(
        HttpRequest.newBuilder(URI.create(app + "/api/v1/public/feedback/" + caseCode + "/rating"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Tracking-Secret", trackingSecret)
            .POST(HttpRequest.BodyPublishers.ofString("{\"rating\":" + rating + "}"))
            .build());
  }

  Answer put(String path, String json, String token) {
    return send(HttpRequest.newBuilder(URI.create(app + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }

  private CompletableFuture<Answer> sendAsync(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .handle((response, error) -> error != null
            ? new Answer(
                0,
                "",
                (error.getCause() != null ? error.getCause() : error).getClass().getSimpleName())
            : new Answer(response.statusCode(), response.body(), null));
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), null);
    } catch (IOException e) {
      return new Answer(0, "", e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "", "interrupted");
    }
  }
}
