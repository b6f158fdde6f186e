package vn.dondoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.CaseIndex;
import vn.dondoc.search.VersionedCase;

/**
 * Outbox lag under steady load, against a running app (bench/outbox-lag starts one): anonymous feedback
 * submitted at a steady rate; for each, the time from the 201 answer until the case is found by a search
 * of the app's alias (relay poll, projection, bulk, refresh), polled every 50 ms. Baseline, in the same
 * run and the same index: documents written straight through CaseIndex, timed from the write's answer to
 * being found the same way (the refresh interval alone). Also reads the app's own {@code dondoc.search.lag}
 * timer (committed change to indexed, without the refresh) from /actuator/prometheus. Replaces the
 * outbox-lag section of docs/PERFORMANCE.md.
 */
public final class OutboxLag {

  static final String BEGIN = "<!-- outbox-lag: bench/outbox-lag replaces this section -->";
  static final String END = "<!-- /outbox-lag -->";

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Long> pending = new ConcurrentHashMap<>();
  private final Map<String, Boolean> direct = new ConcurrentHashMap<>();
  private final Latencies appLag = new Latencies();
  private final Latencies directLag = new Latencies();
  private final Latencies submitLatency = new Latencies();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger refusedInWarmUp = new AtomicInteger();
  private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

  private String app = "http://127.0.0.1:8090";
  private String es = "http://127.0.0.1:9200";
  private String alias = "bench-app";
  private String keycloak = "http://127.0.0.1:8180";
  private double rate = 20;
  private int seconds = 60;
  private int warmUpSeconds = 20;
  private Path repo = Path.of(".");
  private Path sources;
  private Path out;
  private String command = "bench/outbox-lag";

  public static void main(String[] args) throws Exception {
    OutboxLag lag = new OutboxLag();
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--app" -> lag.app = args[++k];
        case "--es" -> lag.es = args[++k];
        case "--alias" -> lag.alias = args[++k];
        case "--keycloak" -> lag.keycloak = args[++k];
        case "--rate" -> lag.rate = Double.parseDouble(args[++k]);
        case "--seconds" -> lag.seconds = Integer.parseInt(args[++k]);
        case "--warm-up-seconds" -> lag.warmUpSeconds = Integer.parseInt(args[++k]);
        case "--repo" -> lag.repo = Path.of(args[++k]);
        case "--sources" -> lag.sources = Path.of(args[++k]);
        case "--out" -> lag.out = Path.of(args[++k]);
        case "--command" -> lag.command = args[++k];
        default -> throw new IllegalArgumentException("unknown option " + args[k]);
      }
    }
    if (lag.sources == null) {
      lag.sources = lag.repo.resolve("../shared/sources").normalize();
    }
    if (lag.out == null) {
      lag.out = lag.repo.resolve("docs/PERFORMANCE.md");
    }
    lag.run();
  }

  void run() throws Exception {
    Corpus corpus = Corpus.read(sources);
    CaseGenerator generator = new CaseGenerator(
        58, corpus, ReferenceData.agencyCodes(repo), ReferenceData.localityCodes(repo));
    RestClient restClient = RestClient.builder(HttpHost.create(es)).build();
    CaseIndex index = new CaseIndex(restClient, alias);
    // The app creates its index when it first relays; the baseline's writes must not create one
    // first.
    index.ensureExists();
    String loadBefore = loadAverage();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3);
    AtomicInteger submitted = new AtomicInteger();
    AtomicInteger directCount = new AtomicInteger();
    long periodMicros = (long) (1_000_000 / rate);
    int warmUp = (int) Math.round(rate * warmUpSeconds);
    int total = warmUp + (int) Math.round(rate * seconds);
    scheduler.scheduleAtFixedRate(
        () -> {
          int n = submitted.getAndIncrement();
          if (n >= total) {
            return;
          }
          submit(feedback(generator, n), n, n >= warmUp);
        },
        0,
        periodMicros,
        TimeUnit.MICROSECONDS);
    Thread.sleep(warmUpSeconds * 1000L);
    Bench.log(
        "warm-up done (%d submissions refused); measuring for %d s",
        refusedInWarmUp.get(), seconds);
    Instant started = Instant.now();
    scheduler.scheduleAtFixedRate(
        () -> {
          int n = directCount.incrementAndGet();
          if (n > seconds * 2) {
            return;
          }
          CaseDocument d = generator.generate(1_000_000 + n);
          String code = "BENCH-DIRECT-" + n;
          CaseDocument document = CaseDocument.of(
              d.caseType(),
              code,
              d.title(),
              d.content(),
              d.status(),
              d.timeliness(),
              d.leadAgency(),
              d.agencies(),
              d.field(),
              d.locality(),
              d.createdAt(),
              d.updatedAt(),
              d.dueAt(),
              d.closedAt(),
              false);
          try {
            index.index(List.of(new VersionedCase(document, 1)));
            pending.put(code, System.nanoTime());
            direct.put(code, true);
          } catch (Exception e) {
            Bench.log("direct write failed: %s", e);
          }
        },
        250,
        500,
        TimeUnit.MILLISECONDS);
    Instant stopPolling = started.plusSeconds(seconds + 120);
    while (Instant.now().isBefore(stopPolling)) {
      Thread.sleep(50);
      poll();
      if (submitted.get() >= total && directCount.get() > seconds * 2 && pending.isEmpty()) {
        break;
      }
    }
    scheduler.shutdownNow();
    int lost = pending.size();
    String metric = appMetric();
    restClient.close();
    Bench.log(
        "outbox lag p50 %.0f ms p99 %.0f ms (%d), direct p50 %.0f p99 %.0f ms (%d); refused %d; not found %d",
        appLag.percentileMillis(0.5),
        appLag.percentileMillis(0.99),
        appLag.count(),
        directLag.percentileMillis(0.5),
        directLag.percentileMillis(0.99),
        directLag.count(),
        refused.get(),
        lost);
    String block = String.format(
        Locale.ROOT,
        """
        <!-- outbox-lag-run %s -->
        ### %s submissions a second

        Command: `%s` (the app jar on a database and alias of its own, `DONDOC_RATE_LIMIT=0`), run %s, load
        average before %s, after %s.

        | path | count | p50 (ms) | p99 (ms) | max (ms) | ratio p50 | ratio p99 |
        |---|---:|---:|---:|---:|---:|---:|
        | anonymous feedback: 201 answer → found by a search of `%s` | %d | %.0f | %.0f | %.0f | %.2f× | %.2f× |
        | baseline: CaseIndex write answered → found by the same search | %d | %.0f | %.0f | %.0f | 1.00× | 1.00× |

        %.0f submissions a second for %d s after %d s of warm-up at the same rate (not counted; %d refused
        then) on the freshly started app: %d answered 201, %d refused or failed (all refusals: %s), %d never
        found within two minutes; submission latency (request → 201) p50 %.0f ms, p99 %.0f ms. Both kinds of document were
        looked for together by one `ids` search every 50 ms, so each figure includes up to 50 ms of polling and
        up to the index's refresh interval (1 s); the baseline is that floor measured in the same run, next to
        the same load. No target was set for this figure.

        The app's own timer `dondoc.search.lag` (outbox row committed → indexed, without the refresh), from
        `/actuator/metrics` at the end of the run: %s
        <!-- /outbox-lag-run %s -->
        """,
        fmt(rate),
        fmt(rate),
        command,
        started.toString().substring(0, 19) + "Z",
        loadBefore,
        loadAverage(),
        alias,
        appLag.count(),
        appLag.percentileMillis(0.5),
        appLag.percentileMillis(0.99),
        appLag.percentileMillis(1.0),
        appLag.percentileMillis(0.5) / directLag.percentileMillis(0.5),
        appLag.percentileMillis(0.99) / directLag.percentileMillis(0.99),
        directLag.count(),
        directLag.percentileMillis(0.5),
        directLag.percentileMillis(0.99),
        directLag.percentileMillis(1.0),
        rate,
        seconds,
        warmUpSeconds,
        refusedInWarmUp.get(),
        submitLatency.count(),
        refused.get(),
        refusals.isEmpty() ? "none" : refusals,
        lost,
        submitLatency.percentileMillis(0.5),
        submitLatency.percentileMillis(0.99),
        metric,
        fmt(rate));
    String report = Files.readString(out, StandardCharsets.UTF_8);
    int begin = report.indexOf(BEGIN);
    int end = report.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException(out + " has no outbox-lag section; run bench/run first");
    }
    String section = report.substring(begin + BEGIN.length(), end);
    String open = "<!-- outbox-lag-run " + fmt(rate) + " -->";
    String close = "<!-- /outbox-lag-run " + fmt(rate) + " -->";
    if (!section.contains("<!-- outbox-lag-run ")) {
      section = "\n## Outbox lag under steady load\n\n" + block;
    } else if (section.contains(open)) {
      section = section.substring(0, section.indexOf(open))
          + block.strip()
          + section.substring(section.indexOf(close) + close.length());
    } else {
      section = section.stripTrailing() + "\n\n" + block;
    }
    report = report.substring(0, begin + BEGIN.length()) + section + report.substring(end);
    report = report.replace(
        "| outbox lag p99 under steady load | — | not measured (below) |",
        "| outbox lag p99 under steady load (submission → searchable) | — | measured, see below |");
    Files.writeString(out, report, StandardCharsets.UTF_8);
    Bench.log("wrote %s", out);
  }

  /** A generated feedback case (titles, texts, fields and localities as the bench's), the n-th one found from 20n on. */
  private static CaseDocument feedback(CaseGenerator generator, int n) {
    for (long i = 20L * n; ; i++) {
      CaseDocument d = generator.generate(i);
      if (d.caseType().equals("feedback")) {
        return d;
      }
    }
  }

  private void submit(CaseDocument d, int n, boolean measured) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", "complaint")
        .put("field", d.field())
        .put("locality", d.locality())
        .put("title", d.title().length() > 300 ? d.title().substring(0, 300) : d.title())
        .put("content", d.content())
        .put("consentToPublish", d.publicVisible());
    body.putObject("contact")
        .put("name", "Người gửi thử " + n)
        .put("email", "bench" + n + "@example.vn");
    HttpRequest request = HttpRequest.newBuilder(URI.create(app + "/api/v1/feedback"))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", "bench-lag-" + n + "-" + System.nanoTime())
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
    long t0 = System.nanoTime();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete((response, error) -> {
          if (error != null || response.statusCode() != 201) {
            (measured ? refused : refusedInWarmUp).incrementAndGet();
            refusals.merge(
                error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode(),
                1,
                Integer::sum);
            return;
          }
          if (!measured) {
            return;
          }
          long answered = System.nanoTime();
          synchronized (submitLatency) {
            submitLatency.add(answered - t0);
          }
          try {
            pending.put(json.readTree(response.body()).path("code").asText(), answered);
          } catch (Exception e) {
            refused.incrementAndGet();
          }
        });
  }

  private void poll() {
    if (pending.isEmpty()) {
      return;
    }
    List<String> codes = new ArrayList<>(pending.keySet());
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("size", codes.size()).put("_source", false);
    ArrayNode values = body.putObject("query").putObject("ids").putArray("values");
    codes.forEach(values::add);
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_search"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      long now = System.nanoTime();
      if (response.statusCode() != 200) {
        return;
      }
      for (JsonNode hit : json.readTree(response.body()).path("hits").path("hits")) {
        String code = hit.path("_id").asText();
        Long since = pending.remove(code);
        if (since != null) {
          if (direct.containsKey(code)) {
            directLag.add(now - since);
          } else {
            synchronized (appLag) {
              appLag.add(now - since);
            }
          }
        }
      }
    } catch (Exception e) {
      Bench.log("poll failed: %s", e);
    }
  }

  /** The dondoc_search_lag_seconds lines of /actuator/prometheus, as the admin quantri. */
  private String appMetric() {
    try {
      String form = "grant_type=password&client_id=dondoc-api&username=quantri&password=demo";
      HttpResponse<String> token = http.send(
          HttpRequest.newBuilder(
                  URI.create(keycloak + "/realms/dondoc/protocol/openid-connect/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      String accessToken = json.readTree(token.body()).path("access_token").asText();
      StringBuilder lines = new StringBuilder("\n\n```\n");
      for (String path : List.of(
          "dondoc.search.lag",
          "dondoc.search.lag.percentile?tag=phi:0.5",
          "dondoc.search.lag.percentile?tag=phi:0.99",
          "dondoc.outbox.backlog")) {
        HttpResponse<String> metric = http.send(
            HttpRequest.newBuilder(URI.create(app + "/actuator/metrics/" + path))
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
        lines
            .append(path)
            .append(": ")
            .append(
                metric.statusCode() == 200
                    ? json.readTree(metric.body()).path("measurements").toString()
                    : "HTTP " + metric.statusCode())
            .append('\n');
      }
      return lines
          .append(
              "```\n\n(seconds; the percentiles are Micrometer's, over its decaying window of the last"
                  + " minutes; /actuator/prometheus is not available, the app has no Prometheus registry)")
          .toString();
    } catch (Exception e) {
      return "not read (" + e.getMessage() + ").";
    }
  }

  private static String fmt(double rate) {
    return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }
}
