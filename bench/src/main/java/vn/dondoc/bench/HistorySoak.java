package vn.dondoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import vn.dondoc.search.CaseDocument;

/**
 * Camunda's history under a stream of closed cases (bench/history-soak, issue 20 item 9): full feedback lifecycles
 * through the REST APIs (submitted, classified, accepted, answered, signed off, rated by the sender, so the process
 * ends), closed loop, while the database's size and Camunda's history rows are sampled at a fixed interval, then a
 * quiet tail with the sampling alone. The script runs two of these at the same time on two apps with databases of
 * their own: one with the history time to live of every deployed definition set to 0 days (what ends is removable at
 * once, the cleanup in its window removes it), one as shipped (a year: the cleanup runs in the same window and finds
 * nothing due, as on a node's first year). Phase {@code report} writes both, side by side, into docs/PERFORMANCE.md.
 */
public final class HistorySoak {

  static final String SECTION = "history-soak";
  static final String SUMMARY_ROW =
      "| Camunda history with the cleanup running, per closed case (bench/history-soak) |";

  private String phase = "run";
  private String app = "http://127.0.0.1:18190";
  private String keycloak = "http://127.0.0.1:8180";
  private String db = "jdbc:postgresql://127.0.0.1:5432/dondoc_bench_hist";
  private Path sources = Path.of("../shared/sources");
  private Path repo = Path.of(".");
  private String label = "baseline";
  private Integer ttlDays;
  private int workers = 2;
  private int seconds = 600;
  private int tailSeconds = 120;
  private int sampleSeconds = 30;
  private Path dir = Path.of("bench/target/history-soak");
  private Path out = Path.of("docs/PERFORMANCE.md");
  private String command = "bench/history-soak";

  public static void main(String[] args) throws Exception {
    HistorySoak b = new HistorySoak();
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--phase" -> b.phase = args[++k];
        case "--app" -> b.app = args[++k];
        case "--keycloak" -> b.keycloak = args[++k];
        case "--db" -> b.db = args[++k];
        case "--sources" -> b.sources = Path.of(args[++k]);
        case "--repo" -> b.repo = Path.of(args[++k]);
        case "--label" -> b.label = args[++k];
        case "--ttl-days" -> b.ttlDays = Integer.parseInt(args[++k]);
        case "--workers" -> b.workers = Integer.parseInt(args[++k]);
        case "--seconds" -> b.seconds = Integer.parseInt(args[++k]);
        case "--tail-seconds" -> b.tailSeconds = Integer.parseInt(args[++k]);
        case "--sample-seconds" -> b.sampleSeconds = Integer.parseInt(args[++k]);
        case "--dir" -> b.dir = Path.of(args[++k]);
        case "--out" -> b.out = Path.of(args[++k]);
        case "--command" -> b.command = args[++k];
        default -> throw new IllegalArgumentException("unknown option " + args[k]);
      }
    }
    if (b.phase.equals("report")) {
      b.report();
    } else {
      b.run();
    }
  }

  private record Sample(
      long elapsed,
      long closed,
      long historicInstances,
      long historyRows,
      long historyBytes,
      long databaseBytes) {}

  private void run() throws Exception {
    CaseGenerator generator = new CaseGenerator(
        57,
        Corpus.read(sources),
        ReferenceData.agencyCodes(repo),
        ReferenceData.localityCodes(repo));
    List<CaseDocument> items = new ArrayList<>();
    for (long i = 0; items.size() < 500; i++) {
      CaseDocument d = generator.generate(i);
      if (d.caseType().equals("feedback")) {
        items.add(d);
      }
    }
    LoadClient client = new LoadClient(app, keycloak);
    Properties p = new Properties();
    if (ttlDays != null) {
      p.setProperty("ttl_definitions", Integer.toString(setTimeToLive(client, ttlDays)));
    }
    p.setProperty("ttl_days", ttlDays == null ? "" : ttlDays.toString());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Thread t = new Thread(
          () -> {
            while (running.get()) {
              String failure;
              try {
                failure = lifecycle(client, items.get((int) (LoadClient.next() % items.size())));
              } catch (RuntimeException e) {
                failure = e.getClass().getSimpleName();
              }
              if (failure == null) {
                done.incrementAndGet();
              } else {
                failed.incrementAndGet();
                failures.merge(
                    failure.length() > 60 ? failure.substring(0, 60) : failure, 1, Integer::sum);
              }
            }
          },
          "lifecycle-" + w);
      t.setDaemon(true);
      threads.add(t);
    }
    List<Sample> samples = new ArrayList<>();
    String loadBefore = Bench.loadAverage();
    long t0 = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(db, "dondoc", "dondoc")) {
      samples.add(sample(connection, 0));
      threads.forEach(Thread::start);
      int total = seconds + tailSeconds;
      for (int k = 1; k * sampleSeconds <= total; k++) {
        long wake = t0 + k * sampleSeconds * 1_000_000_000L;
        Thread.sleep(Math.max(0, (wake - System.nanoTime()) / 1_000_000));
        if (k * sampleSeconds >= seconds && running.getAndSet(false)) {
          for (Thread t : threads) {
            t.join(60_000);
          }
        }
        Sample s = sample(connection, (System.nanoTime() - t0) / 1_000_000_000L);
        samples.add(s);
        Bench.log(
            "%s %4d s: %,d closed, %,d historic instances, %,d history rows, history %,d kB, database %,d kB;"
                + " lifecycles %d done, %d failed %s",
            label,
            s.elapsed(),
            s.closed(),
            s.historicInstances(),
            s.historyRows(),
            s.historyBytes() / 1024,
            s.databaseBytes() / 1024,
            done.get(),
            failed.get(),
            failures);
      }
    }
    p.setProperty("load_before", loadBefore);
    p.setProperty("load_after", Bench.loadAverage());
    p.setProperty("lifecycles", Integer.toString(done.get()));
    p.setProperty("failed", Integer.toString(failed.get()));
    p.setProperty("failures", failures.toString());
    p.setProperty("samples", Integer.toString(samples.size()));
    for (int k = 0; k < samples.size(); k++) {
      Sample s = samples.get(k);
      p.setProperty(
          "sample." + k,
          s.elapsed() + "," + s.closed() + "," + s.historicInstances() + "," + s.historyRows() + ","
              + s.historyBytes() + "," + s.databaseBytes());
    }
    Files.createDirectories(dir);
    try (var w =
        Files.newBufferedWriter(dir.resolve(label + ".properties"), StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
  }

  /** Sets the history time to live of every deployed process and decision definition (the engine's REST API, as the admin). */
  private static int setTimeToLive(LoadClient client, int days) {
    String token = client.token(LoadClient.ENGINE_ADMIN);
    int changed = 0;
    for (String kind : List.of("process-definition", "decision-definition")) {
      LoadClient.Answer list = client.get("/engine-rest/" + kind + "?maxResults=1000", token);
      for (int attempt = 1; !list.is(200) && list.status() == 0 && attempt < 5; attempt++) {
        list = client.get(
            "/engine-rest/" + kind + "?maxResults=1000",
            token); // a busy machine: a time-out is retried
      }
      if (!list.is(200)) {
        throw new IllegalStateException(
            kind + " list answered " + list.refusal() + ": " + list.body());
      }
      for (JsonNode definition : LoadClient.read(list.body())) {
        LoadClient.Answer put = client.put(
            "/engine-rest/" + kind + "/" + definition.path("id").asText() + "/history-time-to-live",
            "{\"historyTimeToLive\":" + days + "}",
            token);
        if (!put.is(204)) {
          throw new IllegalStateException("history time to live of "
              + definition.path("id").asText() + ": " + put.status() + " " + put.body());
        }
        changed++;
      }
    }
    Bench.log("history time to live %d days on %d definitions", days, changed);
    return changed;
  }

  /** Submitted, classified, accepted, answered, signed off and rated: null, or what failed. */
  private static String lifecycle(LoadClient client, CaseDocument item) {
    long n = LoadClient.next();
    try {
      LoadClient.Answer submitted = client
          .submitFeedback(
              LoadClient.feedback(n, item.field(), "hanoi", item.title(), item.content()))
          .get();
      if (!submitted.is(201)) {
        return "submit " + submitted.refusal();
      }
      JsonNode receipt = LoadClient.read(submitted.body());
      String code = receipt.path("code").asText();
      String failed = client.answerFeedback(code, item.field());
      if (failed != null) {
        return failed;
      }
      LoadClient.Answer rated = client.rate(code, receipt.path("trackingSecret").asText(), 5);
      return rated.is(200) ? null : "rate " + rated.refusal();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (java.util.concurrent.ExecutionException e) {
      return "submit " + e.getCause();
    }
  }

  private static Sample sample(Connection connection, long elapsed) throws Exception {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("""
        select (select count(*) from dondoc.feedback_item where closed_at is not null),
               (select count(*) from public.act_hi_procinst),
               (select count(*) from public.act_hi_actinst) + (select count(*) from public.act_hi_varinst)
                 + (select count(*) from public.act_hi_detail) + (select count(*) from public.act_hi_taskinst)
                 + (select count(*) from public.act_hi_identitylink) + (select count(*) from public.act_hi_job_log)
                 + (select count(*) from public.act_hi_dec_in) + (select count(*) from public.act_hi_dec_out)
                 + (select count(*) from public.act_hi_decinst) + (select count(*) from public.act_hi_procinst)
                 + (select count(*) from public.act_hi_op_log),
               (select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind = 'r' and c.relname like 'act\\_hi\\_%'),
               pg_database_size(current_database())""")) {
      r.next();
      return new Sample(
          elapsed, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
    }
  }

  // ---------------------------------------------------------------- the report

  private static List<Sample> samples(Properties p) {
    List<Sample> samples = new ArrayList<>();
    for (int k = 0; k < Integer.parseInt(p.getProperty("samples")); k++) {
      String[] v = p.getProperty("sample." + k).split(",");
      samples.add(new Sample(
          Long.parseLong(v[0]),
          Long.parseLong(v[1]),
          Long.parseLong(v[2]),
          Long.parseLong(v[3]),
          Long.parseLong(v[4]),
          Long.parseLong(v[5])));
    }
    return samples;
  }

  /** Growth of the history's size per case closed between two samples, in kB. */
  private static double perClosed(Sample from, Sample to, boolean database) {
    long closed = to.closed() - from.closed();
    long bytes = database
        ? to.databaseBytes() - from.databaseBytes()
        : to.historyBytes() - from.historyBytes();
    return closed == 0 ? Double.NaN : bytes / 1024.0 / closed;
  }

  /** History rows added per case closed between two samples. */
  private static double rowsPerClosed(Sample from, Sample to) {
    long closed = to.closed() - from.closed();
    return closed == 0 ? Double.NaN : (double) (to.historyRows() - from.historyRows()) / closed;
  }

  private void report() throws Exception {
    Properties base = Sections.load(dir, "baseline");
    Properties clean = Sections.load(dir, "cleanup");
    Properties meta = Sections.load(dir, "meta");
    List<Sample> b = samples(base);
    List<Sample> c = samples(clean);
    StringBuilder table = new StringBuilder("""
        | s | closed (no cleanup) | history rows | history (MiB) | database (MiB) | closed (cleanup) | history rows | history (MiB) | database (MiB) |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """);
    for (int k = 0; k < Math.min(b.size(), c.size()); k++) {
      Sample x = b.get(k);
      Sample y = c.get(k);
      table.append(String.format(
          Locale.ROOT,
          "| %d | %,d | %,d | %.1f | %.1f | %,d | %,d | %.1f | %.1f |\n",
          x.elapsed(),
          x.closed(),
          x.historyRows(),
          x.historyBytes() / 1048576.0,
          x.databaseBytes() / 1048576.0,
          y.closed(),
          y.historyRows(),
          y.historyBytes() / 1048576.0,
          y.databaseBytes() / 1048576.0));
    }
    int last = Math.min(b.size(), c.size()) - 1;
    int loadEnd = last;
    while (loadEnd > 0 && b.get(loadEnd).elapsed() > Long.parseLong(meta.getProperty("seconds"))) {
      loadEnd--;
    }
    int third = Math.max(1, loadEnd * 2 / 3);
    double baseRowsFirst = rowsPerClosed(b.get(0), b.get(third));
    double baseRowsLast = rowsPerClosed(b.get(third), b.get(loadEnd));
    double cleanRowsFirst = rowsPerClosed(c.get(0), c.get(third));
    double cleanRowsLast = rowsPerClosed(c.get(third), c.get(loadEnd));
    double cleanEnd = c.get(last).closed() == 0
        ? Double.NaN
        : (double) c.get(last).historyRows() / c.get(last).closed();
    double baseEnd = b.get(last).closed() == 0
        ? Double.NaN
        : (double) b.get(last).historyRows() / b.get(last).closed();
    double baseLast = perClosed(b.get(third), b.get(loadEnd), false);
    double cleanLast = perClosed(c.get(third), c.get(loadEnd), false);
    double baseDb = perClosed(b.get(third), b.get(loadEnd), true);
    double cleanDb = perClosed(c.get(third), c.get(loadEnd), true);
    String block = String.format(
        Locale.ROOT,
        """

        ## Camunda history under a soak (issue 20, item 9)

        Command: `%s`, run %s to %s; load average before %s, after %s.

        %s
        Growth per closed case (what was added between two samples ÷ the cases closed between them):

        | | history rows, first two thirds of the load | history rows, last third | history tables (kB), last third | database (kB), last third |
        |---|---:|---:|---:|---:|
        | no cleanup due (time to live as shipped, a year) | %.1f | %.1f | %.1f | %.1f |
        | cleanup running (time to live 0 days) | %.1f | %.1f | %.1f | %.1f |

        **With the cleanup running Camunda's history does not grow with the closed cases: at the end %,d history rows
        were left for %,d closed cases (%.2f a case), against %,d rows for %,d without (%.1f a case); during the load
        the rows rose and fell between the cleanup's runs, at most %,d (without: %,d).** The per-third figures above
        follow that saw-tooth (a third that ends just before a cleanup run shows what accumulated since the last one):
        the cleanup job runs again at once while it finds a full batch and backs off while it finds less than its
        threshold, so what waits for it is bounded by the cases closed between two runs, not by all cases closed.
        On disk the tables keep the pages they once had (PostgreSQL reuses the space
        of removed rows rather than returning it), so their size levels off at what the rows of a cleanup interval
        need instead of shrinking, while without the cleanup they grow with every closed case (the history columns of
        the samples above).

        Two apps (the jar, `-Xmx512m`, `DONDOC_RATE_LIMIT=0`, each on a database and an alias of its own) ran at the same
        time on the same machine, each driven by %s closed-loop workers doing full feedback lifecycles for %s s, then %s s
        with no load and the sampling alone: submitted anonymously, classified by the standing office, accepted,
        answered and signed off by Hà Nội (through the engine's REST API as the admin, as bench/throughput does), then
        rated by the sender with the receipt's tracking secret, which ends the process (10 requests; the case is
        closed, `closed_at` set). Both apps had the history cleanup's window over the whole run (%s to %s, Hanoi time,
        `camunda.bpm.generic-properties`), the app's batch of 500 and the rest of application.yaml. In one the history
        time to live of every deployed process and decision definition was set to 0 days before the load (%s
        definitions, through the engine's REST API), so what ends is removable at once; in the other it stayed as
        shipped (a year), so the cleanup ran and found nothing due: the baseline of the same run. Lifecycles
        completed: %s without cleanup (%s failed %s), %s with (%s failed %s).
        History rows: the rows of Camunda's history tables that a lifecycle writes (`act_hi_procinst`, `actinst`,
        `taskinst`, `varinst`, `detail`, `identitylink`, `job_log`, `decinst`, `dec_in`, `dec_out`, `op_log`); history
        (MiB): those tables with their indexes and TOAST on disk (`pg_total_relation_size` of every `act_hi_*` table);
        database: `pg_database_size`. PostgreSQL ran with autovacuum on (bench/lib/app.sh), so the space of removed
        rows is reused rather than returned: with the cleanup the size levels off instead of shrinking.
        """,
        command,
        meta.getProperty("started"),
        meta.getProperty("finished"),
        base.getProperty("load_before"),
        clean.getProperty("load_after"),
        table,
        baseRowsFirst,
        baseRowsLast,
        baseLast,
        baseDb,
        cleanRowsFirst,
        cleanRowsLast,
        cleanLast,
        cleanDb,
        c.get(last).historyRows(),
        c.get(last).closed(),
        cleanEnd,
        b.get(last).historyRows(),
        b.get(last).closed(),
        baseEnd,
        c.stream().mapToLong(Sample::historyRows).max().orElse(0),
        b.stream().mapToLong(Sample::historyRows).max().orElse(0),
        meta.getProperty("workers"),
        meta.getProperty("seconds"),
        meta.getProperty("tail_seconds"),
        meta.getProperty("window_start"),
        meta.getProperty("window_end"),
        clean.getProperty("ttl_definitions"),
        base.getProperty("lifecycles"),
        base.getProperty("failed"),
        base.getProperty("failures"),
        clean.getProperty("lifecycles"),
        clean.getProperty("failed"),
        clean.getProperty("failures"));
    Sections.replace(out, SECTION, block);
    String row = String.format(
        Locale.ROOT,
        "%s flat | %.2f history rows a closed case left at the end (without cleanup %.1f) | %s |",
        SUMMARY_ROW,
        cleanEnd,
        baseEnd,
        cleanEnd < 0.2 * baseEnd ? "yes" : "no");
    Sections.replaceRow(out, SUMMARY_ROW, row);
    Bench.log("wrote %s", out);
  }
}
