package vn.dondoc.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import vn.dondoc.search.CaseDocument;

/**
 * The load generator against a running app (bench/throughput starts one on a database of its own): anonymous
 * feedback submissions open loop at a ladder of fixed rates and closed loop at a fixed concurrency; full
 * feedback lifecycles (submitted, routed by the standing office, accepted, answered and signed off by the
 * agency, all through the REST APIs with the demo users' tokens); and a mix of those with tasks (issued by a
 * directive, acknowledged, progress reported, evidence submitted, reviewed). Writes its figures as
 * properties for {@link ThroughputReport}.
 */
public final class Throughput {

  /** Requests outstanding at most: beyond Tomcat's 200 threads more would only queue (counted as not sent). */
  private static final int MAX_IN_FLIGHT = 256;

  private String app = "http://127.0.0.1:18610";
  private String keycloak = "http://127.0.0.1:8180";
  private Path repo = Path.of(".");
  private Path out = Path.of("bench/target/throughput/http.properties");
  private List<Double> rates = List.of(25.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0, 400.0);
  private double alwaysUpTo = 200;
  private int stepSeconds = 20;
  private int warmUpSeconds = 30;
  private int closedWorkers = 8;
  private int closedSeconds = 30;
  private int lifecycleWorkers = 4;
  private int lifecycleSeconds = 40;
  private double p99Limit = 150;
  private double soakRate = 0;
  private int soakSeconds = 0;
  /** The app's database, settled before each timed phase (DatabaseSettle); none: not settled. */
  private String db;
  /** The app's process, for its CPU time in the closed loop (CpuUse); 0: the generator's alone. */
  private long appPid;
  /** The app's search index (http://host:port/name), whose size each closed loop records (IndexSize). */
  private String index;

  private LoadClient client;
  private final List<ObjectNode> bodies = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Throughput t = new Throughput();
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--app" -> t.app = args[++k];
        case "--keycloak" -> t.keycloak = args[++k];
        case "--repo" -> t.repo = Path.of(args[++k]);
        case "--out" -> t.out = Path.of(args[++k]);
        case "--rates" ->
          t.rates =
              List.of(args[++k].split(",")).stream().map(Double::parseDouble).toList();
        case "--always-up-to" -> t.alwaysUpTo = Double.parseDouble(args[++k]);
        case "--step-seconds" -> t.stepSeconds = Integer.parseInt(args[++k]);
        case "--warm-up-seconds" -> t.warmUpSeconds = Integer.parseInt(args[++k]);
        case "--closed-workers" -> t.closedWorkers = Integer.parseInt(args[++k]);
        case "--closed-seconds" -> t.closedSeconds = Integer.parseInt(args[++k]);
        case "--lifecycle-workers" -> t.lifecycleWorkers = Integer.parseInt(args[++k]);
        case "--lifecycle-seconds" -> t.lifecycleSeconds = Integer.parseInt(args[++k]);
        case "--soak-rate" -> t.soakRate = Double.parseDouble(args[++k]);
        case "--soak-seconds" -> t.soakSeconds = Integer.parseInt(args[++k]);
        case "--db" -> t.db = args[++k];
        case "--app-pid" -> t.appPid = Long.parseLong(args[++k]);
        case "--index" -> t.index = args[++k];
        default -> throw new IllegalArgumentException("unknown option " + args[k]);
      }
    }
    t.run();
  }

  private void run() throws Exception {
    client = new LoadClient(app, keycloak);
    prepareBodies();
    for (String user : List.of("thuongtruc", LoadClient.ENGINE_ADMIN, "canbo.bkhcn", "thamdinh")) {
      client.token(user);
    }
    StringBuilder properties = new StringBuilder();
    if (soakSeconds > 0) {
      // bench/throughput --soak: one steady open-loop step, the heap read by the script around it
      LoadShape.Figures soak =
          LoadShape.openLoop("soak", soakRate, soakSeconds, 2000, this::submitOne);
      Bench.log("%s", soak);
      properties.append(soak.properties("soak"));
      write(properties);
      return;
    }
    Bench.log("warm-up: %d workers for %d s", closedWorkers / 2, warmUpSeconds);
    Bench.log(
        "%s",
        LoadShape.closedLoop(
            "warm-up",
            Math.max(1, closedWorkers / 2),
            warmUpSeconds,
            w -> submitOne().get()));
    settleDatabase();

    double best = 0;
    int step = 0;
    for (double rate : rates) {
      LoadShape.Figures f = LoadShape.openLoop(
          "open loop " + rate + "/s", rate, stepSeconds, MAX_IN_FLIGHT, this::submitOne);
      Bench.log("%s", f);
      properties.append(f.properties("open." + step++));
      if (f.keeps(p99Limit)) {
        best = Math.max(best, rate);
      } else if (rate >= alwaysUpTo || f.accepted < 0.5 * f.sent) {
        // past the knee: a higher rate only queues more work in Tomcat and poisons the steps after
        // it
        drain();
        break;
      }
      drain();
    }
    properties
        .append("open.steps=")
        .append(step)
        .append('\n')
        .append("open.best_rate=")
        .append(best)
        .append('\n');

    Map<String, Long> jvms = new LinkedHashMap<>();
    if (appPid != 0) {
      jvms.put("app", appPid);
    }
    jvms.put("generator", ProcessHandle.current().pid());
    properties.append(new CpuUse(jvms)
        .closedLoop(
            "closed",
            "closed loop",
            closedWorkers,
            closedSeconds,
            w -> submitOne().get(),
            index));
    drain();

    LoadShape.Figures lifecycles = LoadShape.closedLoop(
        "feedback lifecycles", lifecycleWorkers, lifecycleSeconds, w -> lifecycle());
    Bench.log("%s", lifecycles);
    properties.append(lifecycles.properties("lifecycle"));
    drain();

    // the mix: a steady stream of submissions next to staff working feedback and tasks
    AtomicReference<LoadShape.Figures> stream = new AtomicReference<>();
    Thread submissions = new Thread(() -> {
      try {
        stream.set(LoadShape.openLoop(
            "mix: submissions 50/s", 50, lifecycleSeconds, MAX_IN_FLIGHT, this::submitOne));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    submissions.start();
    AtomicReference<LoadShape.Figures> tasks = new AtomicReference<>();
    Thread taskWorkers = new Thread(() -> {
      try {
        tasks.set(LoadShape.closedLoop(
            "mix: task lifecycles", 2, lifecycleSeconds, w -> taskLifecycle()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    taskWorkers.start();
    LoadShape.Figures mixLifecycles =
        LoadShape.closedLoop("mix: feedback lifecycles", 2, lifecycleSeconds, w -> lifecycle());
    submissions.join();
    taskWorkers.join();
    for (LoadShape.Figures f : List.of(stream.get(), mixLifecycles, tasks.get())) {
      Bench.log("%s", f);
    }
    properties
        .append(stream.get().properties("mix.submissions"))
        .append(mixLifecycles.properties("mix.lifecycles"))
        .append(tasks.get().properties("mix.tasks"));
    write(properties);
  }

  /**
   * Waits until the app answers a health probe within a second again (at most two minutes), then 3 s more:
   * requests a step left queued in Tomcat must not be counted against the next step. Then settles the database.
   */
  private void drain() throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      LoadClient.Answer health = client.get("/actuator/health", client.token("thuongtruc"));
      if (health.status() != 0 && System.nanoTime() - t0 < 1_000_000_000L) {
        break;
      }
      Thread.sleep(1000);
    }
    Thread.sleep(3000);
    settleDatabase();
  }

  private void settleDatabase() throws Exception {
    if (db == null) {
      return;
    }
    try (java.sql.Connection connection =
        java.sql.DriverManager.getConnection(db, "dondoc", "dondoc")) {
      DatabaseSettle.settle(connection);
    }
  }

  private void write(StringBuilder properties) throws Exception {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, properties.toString(), StandardCharsets.UTF_8);
    Bench.log("wrote %s", out);
  }

  /** Titles, texts, fields and localities of generated feedback cases (as bench/outbox-lag's). */
  private void prepareBodies() throws Exception {
    Corpus corpus = Corpus.read(repo.resolve("../shared/sources").normalize());
    CaseGenerator generator = new CaseGenerator(
        59, corpus, ReferenceData.agencyCodes(repo), ReferenceData.localityCodes(repo));
    for (long i = 0; bodies.size() < 2000; i++) {
      CaseDocument d = generator.generate(i);
      if (d.caseType().equals("feedback")) {
        bodies.add(LoadClient.feedback(0, d.field(), d.locality(), d.title(), d.content()));
      }
    }
  }

  private CompletableFuture<LoadShape.Outcome> submitOne() {
    long n = LoadClient.next();
    ObjectNode template = bodies.get((int) (n % bodies.size()));
    ObjectNode body = LoadClient.feedback(
        n,
        template.path("field").asText(),
        template.path("locality").asText(),
        template.path("title").asText(),
        template.path("content").asText());
    return client
        .submitFeedback(body)
        .thenApply(
            a -> a.is(201) ? LoadShape.Outcome.ACCEPTED : LoadShape.Outcome.refused(a.refusal()));
  }

  /** Submitted, routed to Hà Nội, accepted, answered and signed off through the engine's REST API as the admin (9 requests). */
  private LoadShape.Outcome lifecycle() throws Exception {
    long n = LoadClient.next();
    ObjectNode template = bodies.get((int) (n % bodies.size()));
    LoadClient.Answer submitted = client
        .submitFeedback(LoadClient.feedback(
            n,
            template.path("field").asText(),
            "hanoi",
            template.path("title").asText(),
            template.path("content").asText()))
        .get();
    if (!submitted.is(201)) {
      return LoadShape.Outcome.refused("submit " + submitted.refusal());
    }
    String code = LoadClient.read(submitted.body()).path("code").asText();
    String failed = client.answerFeedback(code, template.path("field").asText());
    if (failed != null) {
      return LoadShape.Outcome.refused(failed);
    }
    return LoadShape.Outcome.ACCEPTED;
  }

  /** Issued by a directive, acknowledged, progress reported, evidence submitted, accepted by the reviewer. */
  private LoadShape.Outcome taskLifecycle() {
    LoadClient.Answer issued = client.issueTask("bkhcn", LocalDate.now().plusMonths(3));
    if (!issued.is(201)) {
      return LoadShape.Outcome.refused("issue " + issued.refusal());
    }
    String code = LoadClient.read(issued.body()).path("caseCodes").get(0).asText();
    LoadClient.Answer a = client.acknowledge(code, "canbo.bkhcn");
    if (!a.is(200)) {
      return LoadShape.Outcome.refused("acknowledge " + a.refusal());
    }
    a = client.reportProgress(code, "canbo.bkhcn", 60);
    if (!a.is(200)) {
      return LoadShape.Outcome.refused("progress " + a.refusal());
    }
    a = client.submitEvidence(code, "canbo.bkhcn");
    if (!a.is(201)) {
      return LoadShape.Outcome.refused("evidence " + a.refusal());
    }
    a = client.review(code, "thamdinh");
    return a.is(200)
        ? LoadShape.Outcome.ACCEPTED
        : LoadShape.Outcome.refused("review " + a.refusal());
  }
}
