package vn.dondoc.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.CaseIndex;
import vn.dondoc.search.VersionedCase;

/**
 * A feedback submission's latency against the number of open feedback items (bench/submission-scale, issue 20 item
 * 8): the running app's database and index are given {@code --open} open feedback items (phase {@code fill}, adding
 * to what is there), then anonymous submissions are sent over HTTP at a steady rate (phase {@code time}), as
 * bench/throughput sends them; the script does this at a small and a large number of open items in the same run,
 * and phase {@code report} writes both, with their ratio, into docs/PERFORMANCE.md.
 */
public final class SubmissionScale {

  static final String SECTION = "submission-scale";
  static final String SUMMARY_ROW = "| submission p99 over HTTP, 250k ÷ 10k open feedback items |";

  private static final String[] FIELDS = {
    "institutions",
    "support-policy",
    "administrative-procedures",
    "digital-infrastructure",
    "data-governance",
    "information-security",
    "digital-skills"
  };

  private String phase = "time";
  private String app = "http://127.0.0.1:18180";
  private String keycloak = "http://127.0.0.1:8180";
  private String db = "jdbc:postgresql://127.0.0.1:5432/dondoc_bench_submit";
  private String es = System.getenv().getOrDefault("DONDOC_ES_URL", "http://127.0.0.1:9200");
  private String alias = "bench-submit";
  private Path sources = Path.of("../shared/sources");
  private Path repo = Path.of(".");
  private long open = 10_000;
  private String label = "small";
  private double rate = 10;
  private int seconds = 60;
  private int warmUpSeconds = 20;
  private int duplicateQueries = 1000;
  private int duplicateWarmUp = 100;
  private Path dir = Path.of("bench/target/submission-scale");
  private Path out = Path.of("docs/PERFORMANCE.md");
  private String command = "bench/submission-scale";

  public static void main(String[] args) throws Exception {
    SubmissionScale b = new SubmissionScale();
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--phase" -> b.phase = args[++k];
        case "--app" -> b.app = args[++k];
        case "--keycloak" -> b.keycloak = args[++k];
        case "--db" -> b.db = args[++k];
        case "--es" -> b.es = args[++k];
        case "--alias" -> b.alias = args[++k];
        case "--sources" -> b.sources = Path.of(args[++k]);
        case "--repo" -> b.repo = Path.of(args[++k]);
        case "--open" -> b.open = Long.parseLong(args[++k]);
        case "--label" -> b.label = args[++k];
        case "--rate" -> b.rate = Double.parseDouble(args[++k]);
        case "--seconds" -> b.seconds = Integer.parseInt(args[++k]);
        case "--warm-up-seconds" -> b.warmUpSeconds = Integer.parseInt(args[++k]);
        case "--dir" -> b.dir = Path.of(args[++k]);
        case "--out" -> b.out = Path.of(args[++k]);
        case "--command" -> b.command = args[++k];
        default -> throw new IllegalArgumentException("unknown option " + args[k]);
      }
    }
    switch (b.phase) {
      case "fill" -> b.fill();
      case "time" -> b.time();
      case "report" -> b.report();
      default -> throw new IllegalArgumentException("unknown phase " + b.phase);
    }
  }

  private CaseGenerator generator() {
    return new CaseGenerator(
        57,
        Corpus.read(sources),
        ReferenceData.agencyCodes(repo),
        ReferenceData.localityCodes(repo));
  }

  /**
   * Open feedback items up to {@code --open} in all, in the database (rows as the app stores them: each with a sender
   * of its own, so the same-sender look-up finds nothing, as for most submissions) and in the index (documents of
   * generated feedback cases, every one open, not answered, submitted within the last five months), numbered on from
   * what the bench put there before.
   */
  private void fill() throws Exception {
    CaseGenerator generator = generator();
    Instant now = Instant.now();
    long started = System.nanoTime();
    try (RestClient rest = RestClient.builder(HttpHost.create(es)).build();
        Connection connection = DriverManager.getConnection(db, "dondoc", "dondoc")) {
      CaseIndex caseIndex = new CaseIndex(rest, alias);
      caseIndex.ensureExists(); // the versioned index behind the alias, as the app creates it
      long from;
      try (Statement s = connection.createStatement();
          ResultSet rows = s.executeQuery(
              "select count(*) from dondoc.feedback_item where code like 'PA-S-%'")) {
        rows.next();
        from = rows.getLong(1);
      }
      try (PreparedStatement insert = connection.prepareStatement("""
          insert into dondoc.feedback_item (code, type, field, locality, title, content, contact_name, contact_email,
              status, handling_agency, submitted_at, updated_at, version)
          select 'PA-S-' || i, 'complaint', (?::text[])[1 + floor(random() * 7)::int], 'hanoi', 'Phản ánh ' || i,
                 'Nội dung phản ánh ' || i, 'Người gửi', 'open' || i || '@example.vn', 'IN_PROGRESS', 'hanoi', t.at, t.at, 1
          from generate_series(?::bigint, ?::bigint) i
          cross join lateral (select now() - random() * interval '150 days' + 0 * i * interval '1 s' as at) t""")) {
        insert.setArray(1, connection.createArrayOf("text", FIELDS));
        insert.setLong(2, from + 1);
        insert.setLong(3, open);
        insert.executeUpdate();
      }
      try (Statement s = connection.createStatement()) {
        s.execute("vacuum analyze dondoc.feedback_item");
      }
      SplittableRandom r = new SplittableRandom(from + 71);
      List<VersionedCase> batch = new ArrayList<>();
      long n = from;
      for (long i = 0; n < open; i++) {
        CaseDocument d = generator.generate(from * 3 + i);
        if (!d.caseType().equals("feedback")) {
          continue;
        }
        n++;
        Instant created = now.minus(Duration.ofMinutes(r.nextLong(150L * 24 * 60)));
        String status = d.status().equals("ANSWERED") || d.status().equals("CLOSED")
            ? "IN_PROGRESS"
            : d.status();
        batch.add(new VersionedCase(
            CaseDocument.of(
                "feedback",
                "PA-S-" + n,
                d.title(),
                d.content(),
                status,
                null,
                d.leadAgency(),
                d.agencies(),
                d.field(),
                d.locality(),
                created,
                created,
                null,
                null,
                false),
            1));
        if (batch.size() == 1000) {
          Bench.indexBatch(caseIndex, batch);
        }
      }
      Bench.indexBatch(caseIndex, batch);
      caseIndex.refresh();
      Bench.log(
          "open feedback items: %,d (%,d added) in %d s",
          open, open - from, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
  }

  /** Submissions at {@code --rate} a second, open loop, after a warm-up at the same rate; the database settled first. */
  private void time() throws Exception {
    CaseGenerator generator = generator();
    List<ObjectNode> bodies = new ArrayList<>();
    for (long i = 0; bodies.size() < 2000; i++) {
      CaseDocument d = generator.generate(i);
      if (d.caseType().equals("feedback")) {
        bodies.add(LoadClient.feedback(0, d.field(), d.locality(), d.title(), d.content()));
      }
    }
    LoadClient client = new LoadClient(app, keycloak);
    java.util.function.Supplier<CompletableFuture<LoadShape.Outcome>> submit = () -> {
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
    };
    LoadShape.openLoop("warm-up", rate, warmUpSeconds, 256, submit);
    Thread.sleep(3000);
    try (Connection connection = DriverManager.getConnection(db, "dondoc", "dondoc")) {
      DatabaseSettle.settle(connection);
    }
    String loadBefore = Bench.loadAverage();
    LoadShape.Figures f = LoadShape.openLoop(label, rate, seconds, 256, submit);
    Bench.log("%s", f);
    Properties p = new Properties();
    p.setProperty("load_before", loadBefore);
    p.setProperty("load_after", Bench.loadAverage());
    p.setProperty("p95_ms", String.format(Locale.ROOT, "%.1f", f.p(0.95)));
    try (Connection connection = DriverManager.getConnection(db, "dondoc", "dondoc");
        Statement s = connection.createStatement();
        ResultSet rows =
            s.executeQuery("select count(*) from dondoc.feedback_item where closed_at is null")) {
      rows.next();
      p.setProperty("open_db", Long.toString(rows.getLong(1)));
    }
    try (RestClient rest = RestClient.builder(HttpHost.create(es)).build()) {
      p.setProperty("open_index", Long.toString(new CaseIndex(rest, alias).count()));
    }
    // the duplicate search of a new item (FeedbackDuplicates, after the submission's commit)
    // against the same open items
    Latencies similar = new Latencies();
    long found = 0;
    try (RestClient rest = RestClient.builder(HttpHost.create(es)).build()) {
      CaseIndex caseIndex = new CaseIndex(rest, alias);
      SplittableRandom r = new SplittableRandom(73);
      Instant now = Instant.now();
      for (int k = 0; k < duplicateWarmUp + duplicateQueries; k++) {
        CaseDocument d;
        do {
          d = generator.generate(r.nextLong(1_000_000));
        } while (!d.caseType().equals("feedback"));
        long t0 = System.nanoTime();
        int hits = caseIndex
            .similarUnansweredFeedback(
                d.title() + " " + d.content(),
                "PA-NEW",
                CaseIndex.SimilarityBounds.ofFeedback(d.field(), d.locality(), now),
                5)
            .size();
        long nanos = System.nanoTime() - t0;
        if (k >= duplicateWarmUp) {
          similar.add(nanos);
          found += hits;
        }
      }
    }
    Bench.log(
        "%s: duplicate search p50 %.1f ms, p99 %.1f ms",
        label, similar.percentileMillis(0.5), similar.percentileMillis(0.99));
    p.setProperty(
        "similar.p50_ms", String.format(Locale.ROOT, "%.1f", similar.percentileMillis(0.5)));
    p.setProperty(
        "similar.p99_ms", String.format(Locale.ROOT, "%.1f", similar.percentileMillis(0.99)));
    p.setProperty(
        "similar.max_ms", String.format(Locale.ROOT, "%.1f", similar.percentileMillis(1.0)));
    p.setProperty(
        "similar.found", String.format(Locale.ROOT, "%.1f", (double) found / duplicateQueries));
    for (String line : f.properties("submit").split("\n")) {
      int eq = line.indexOf('=');
      p.setProperty(line.substring(0, eq), line.substring(eq + 1));
    }
    Files.createDirectories(dir);
    try (var w =
        Files.newBufferedWriter(dir.resolve(label + ".properties"), StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
  }

  private void report() throws Exception {
    Properties small = Sections.load(dir, "small");
    Properties large = Sections.load(dir, "large");
    Properties meta = Sections.load(dir, "meta");
    double r50 = Double.parseDouble(large.getProperty("submit.p50_ms"))
        / Double.parseDouble(small.getProperty("submit.p50_ms"));
    double r99 = Double.parseDouble(large.getProperty("submit.p99_ms"))
        / Double.parseDouble(small.getProperty("submit.p99_ms"));
    String block = String.format(
        Locale.ROOT,
        """

        ## A submission against the number of open feedback items (issue 20, item 8)

        Command: `%s`, run %s to %s; load average (1/5/15 min) of the small run: before %s, after %s; of the large
        run: before %s, after %s.

        | open feedback items (database / index) | offered | accepted | refused | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | ratio p50 | ratio p99 |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        %s
        %s

        The duplicate search of a new item against the same open items, in the same run right after the submissions
        (CaseIndex.similarUnansweredFeedback with `SimilarityBounds.ofFeedback`, as FeedbackDuplicates runs it after
        the commit: unanswered items of the same field or locality, the six months before now; %s items after %s warm-up ones, one
        at a time, the title and text of generated feedback cases):

        | open feedback items in the index | p50 (ms) | p99 (ms) | max (ms) | similar found (mean) |
        |---:|---:|---:|---:|---:|
        | %s | %s | %s | %s | %s |
        | %s | %s | %s | %s | %s |

        **Duplicate search p99 ≤ 20 ms at %s open items: %s.**

        **A submission's latency against the number of open items: p99 %.2f× (p50 %.2f×) at %s of them against %s**
        (the bench reads it as independent when the p99 ratio is at most 1.25× and neither run refused a submission or
        fell behind the offered rate; the 1.25× is a chosen allowance for noise, not a measured spread).

        Anonymous submissions (POST /api/v1/feedback, as bench/throughput sends them: generated titles and texts, each
        with a sender of its own) at %s a second, open loop, for %s s after %s s of warm-up at the same rate, each phase
        on a settled database (DatabaseSettle), on the app jar (`-Xmx512m`, `DONDOC_RATE_LIMIT=0`, the job executor
        on) with a database and alias of its own. The same run first with the small number of open feedback items in
        the database and the index, then, after adding to both, with the large (the first row is the baseline).
        The open items: rows of `feedback_item` without `closed_at`, submitted within the last five months, and
        in the index open documents of generated feedback cases, not answered, in the same five months (the
        duplicate search's six-month window takes them all). A 201 is answered when the submission's transaction
        has committed: the row, its process up to its first user task, the same-sender look-up (indexed); the
        more-like-this search for similar items (FeedbackDuplicates) runs after that commit, off the request.
        """,
        command,
        meta.getProperty("started"),
        meta.getProperty("finished"),
        small.getProperty("load_before"),
        small.getProperty("load_after"),
        large.getProperty("load_before"),
        large.getProperty("load_after"),
        row(small, 1, 1),
        row(large, r50, r99),
        duplicateQueries,
        duplicateWarmUp,
        thousands(small.getProperty("open_index")),
        small.getProperty("similar.p50_ms"),
        small.getProperty("similar.p99_ms"),
        small.getProperty("similar.max_ms"),
        small.getProperty("similar.found"),
        thousands(large.getProperty("open_index")),
        large.getProperty("similar.p50_ms"),
        large.getProperty("similar.p99_ms"),
        large.getProperty("similar.max_ms"),
        large.getProperty("similar.found"),
        thousands(large.getProperty("open_index")),
        Double.parseDouble(large.getProperty("similar.p99_ms")) <= 20 ? "met" : "not met",
        r99,
        r50,
        thousands(large.getProperty("open_db")),
        thousands(small.getProperty("open_db")),
        large.getProperty("submit.offered_per_s"),
        meta.getProperty("seconds"),
        meta.getProperty("warm_up_seconds"));
    Sections.replace(out, SECTION, block);
    String row = String.format(
        Locale.ROOT,
        "%s ≤ 1.25× | %s / %s ms = %.2f× | %s |",
        SUMMARY_ROW,
        large.getProperty("submit.p99_ms"),
        small.getProperty("submit.p99_ms"),
        r99,
        comparable(small) && comparable(large)
            ? (r99 <= 1.25 ? "yes" : "no")
            : "not comparable: a run refused submissions or fell behind");
    Sections.replaceRow(out, SUMMARY_ROW, row);
    Bench.log("wrote %s", out);
  }

  /** Whether a run kept up: nothing refused, the offered rate accepted (within 5 %). */
  private static boolean comparable(Properties p) {
    return Long.parseLong(p.getProperty("submit.refused").trim()) == 0
        && Double.parseDouble(p.getProperty("submit.accepted_per_s"))
            >= 0.95 * Double.parseDouble(p.getProperty("submit.offered_per_s"));
  }

  private static String row(Properties p, double r50, double r99) {
    return String.format(
        Locale.ROOT,
        "| %s / %s | %s/s | %s | %s %s | %s | %s | %s | %s | %.2f× | %.2f× |",
        thousands(p.getProperty("open_db")),
        thousands(p.getProperty("open_index")),
        p.getProperty("submit.offered_per_s"),
        p.getProperty("submit.accepted"),
        p.getProperty("submit.refused"),
        p.getProperty("submit.refusals"),
        p.getProperty("submit.p50_ms"),
        p.getProperty("p95_ms"),
        p.getProperty("submit.p99_ms"),
        p.getProperty("submit.max_ms"),
        r50,
        r99);
  }

  private static String thousands(String number) {
    return number == null ? "?" : String.format(Locale.ROOT, "%,d", Long.parseLong(number.trim()));
  }
}
