package vn.dondoc.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the throughput (or memory-soak) section of docs/PERFORMANCE.md from the properties the steps of
 * bench/throughput left in bench/target/throughput: meta (the script), http (Throughput), baseline
 * (InProcessBaseline), pgbench (the script).
 */
public final class ThroughputReport {

  private static final double P99_LIMIT = 150;

  private final RunProperties p;

  private ThroughputReport(RunProperties p) {
    this.p = p;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of("bench/target/throughput");
    Path out = Path.of("docs/PERFORMANCE.md");
    boolean soak = false;
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--dir" -> dir = Path.of(args[++k]);
        case "--out" -> out = Path.of(args[++k]);
        case "--soak" -> soak = true;
        default -> throw new IllegalArgumentException("unknown option " + args[k]);
      }
    }
    ThroughputReport report = new ThroughputReport(
        RunProperties.read(dir, "meta", "http", "baseline", "pgbench", "soak"));
    if (soak) {
      Sections.replace(out, "memory-soak", report.soak());
    } else {
      Sections.replace(out, "throughput", report.throughput());
    }
    Bench.log("wrote %s", out);
  }

  private String s(String key) {
    return p.s(key);
  }

  private double d(String key) {
    return p.d(key);
  }

  private String row(String prefix, String path) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %d %s |%n",
        path,
        d(prefix + ".offered_per_s") > 0
            ? fmt(d(prefix + ".offered_per_s")) + "/s"
            : s(prefix + ".workers") + " workers",
        s(prefix + ".seconds"),
        (long) d(prefix + ".accepted"),
        d(prefix + ".accepted_per_s"),
        d(prefix + ".p50_ms"),
        d(prefix + ".p99_ms"),
        d(prefix + ".max_ms"),
        (long) d(prefix + ".refused") + (long) d(prefix + ".not_sent"),
        d(prefix + ".refused") + d(prefix + ".not_sent") > 0 ? s(prefix + ".refusals") : "");
  }

  private String throughput() {
    double best = d("open.best_rate");
    double http = d("closed.accepted_per_s");
    double service = d("service.closed.accepted_per_s");
    double engine = d("engine.closed.accepted_per_s");
    double pg8 = d("pgbench.c8.tps");
    StringBuilder md = new StringBuilder();
    md.append("## Throughput of the app\n\n");
    md.append(String.format(
        Locale.ROOT,
        """
        Command: `%s` (module `bench/`: Throughput, InProcessBaseline, TransactionShape, ThroughputReport), run
        %s to %s; load average before %s, after %s. The app jar ran with `%s` on a database of its own
        (`DONDOC_RATE_LIMIT=0`), the load generator in a second JVM on the same two cores, over loopback.
        PostgreSQL ran with autovacuum on, as a production server does (bench/lib/app.sh turns it on for the
        run where a CI server has it off), and every timed phase, here and in the baselines, started on a settled
        database: the outbox drained into Elasticsearch, `vacuum analyze`, no autovacuum worker left running,
        then the cores under 15 %% busy for 2 s (DatabaseSettle; Elasticsearch merges what a phase wrote). The run began once the machine was quiet (one-minute load average under 1).

        | figure | target | result | met |
        |---|---|---|---|
        | feedback submissions/s (open loop) with p99 ≤ 150 ms and nothing refused | ≥ 200/s | %s | %s |
        | overhead: bare engine ÷ HTTP submissions/s, %s closed-loop workers each | ≤ 1.5× | %.1f / %.1f /s = %s | %s |
        | PostgreSQL's ceiling for the same writes (pgbench, 8 clients) ÷ HTTP submissions/s | — | %.0f / %.1f /s = %s | — |
        | full feedback lifecycles/s (9 requests each, %s workers) | — | %.2f/s | — |

        """,
        s("command"),
        s("started"),
        s("finished"),
        s("load_before"),
        s("load_after"),
        s("app_java_opts").strip(),
        best > 0 ? fmt(best) + "/s" : "none of the rates tried",
        yes(best >= 200),
        s("closed.workers"),
        engine,
        http,
        ratio(engine, http),
        yes(engine / http <= 1.5),
        pg8,
        http,
        ratio(pg8, http),
        s("lifecycle.workers"),
        d("lifecycle.accepted_per_s")));

    md.append("### Submissions over HTTP\n\n");
    md.append(
        "| path | offered | s | accepted | accepted/s | p50 (ms) | p99 (ms) | max (ms) | refused |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    int steps = (int) d("open.steps");
    for (int i = 0; i < steps; i++) {
      md.append(row("open." + i, "POST /api/v1/feedback, open loop"));
    }
    md.append(row("closed", "POST /api/v1/feedback, closed loop"));
    md.append(String.format(
        Locale.ROOT,
        """

        Open loop: requests sent at the fixed rate whatever the answers did, each latency counted from the instant it
        was due to be sent (a stalled server is not hidden by the generator waiting), at most 256 outstanding (more
        count as refused, "not sent"); a rate fails with p99 over 150 ms, anything refused, or under 95 %% of it
        kept, and the ladder stops at the first failing rate above 200/s or at any where fewer than half were
        accepted; between steps the generator waits for the app to answer a health probe within a second, then
        for the database to settle.
        Closed loop: %s workers, each sending its next submission when the last was answered. A 201 is answered
        after the submission's one transaction committed: the feedback row, its process instance started up to its
        first user task (SLA clock and its three timer jobs, the duplicate search), the audit and the outbox rows.
        After the run: %s feedback rows, %s feedback processes, %s rows without a process, %s outbox rows left
        (%s accepted over all steps, warm-up and lifecycles included); database %s.

        """,
        s("closed.workers"),
        s("db_feedback_items"),
        s("db_feedback_processes"),
        s("db_feedback_without_process"),
        s("db_outbox_left"),
        acceptedTotal(),
        s("db_size_after_http")));

    md.append("### Baselines in the same run: the same work without HTTP\n\n");
    md.append(
        "| path | offered | s | accepted | accepted/s | p50 (ms) | p99 (ms) | max (ms) | refused |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    md.append(row("closed", "HTTP: POST /api/v1/feedback (from above)"));
    md.append(row("service.closed", "in process: FeedbackService.submit"));
    md.append(row("engine.closed", "in process: bare engine start, same BPMN and variables"));
    for (int i = 0; i < 3 && p.has("service.open." + i + ".label"); i++) {
      md.append(row("service.open." + i, "in process: FeedbackService.submit, open loop"));
      md.append(row("engine.open." + i, "in process: bare engine start, open loop"));
    }
    md.append(String.format(
        Locale.ROOT,
        """

        Ratios: bare engine ÷ HTTP %s, FeedbackService ÷ HTTP %s, bare engine ÷ FeedbackService %s
        (throughput at the same concurrency). The baselines ran inside the app's own jar (Spring Boot's
        PropertiesLauncher with the bench classes on `loader.path`), the app's whole context started as for the HTTP
        run, on the same database after it (so on tables already holding the HTTP run's rows) but on an emptied
        index (the duplicate search costs Elasticsearch more the more open cases it holds), the same `-Xmx`, and
        warmed up for %s s (FeedbackService, 4 workers) before the first timed phase, as the HTTP run's ladder warms the app:
        *FeedbackService.submit* is what the controller calls, without Tomcat, Spring Security, the JSON body or
        the HTTP client; the *bare engine* is `RuntimeService.startProcessInstanceByKey("feedback-handling")` with
        the variables the service sets, each start pointing at a feedback row of its own, stored (copied from one
        submission) before the timing — the same BPMN, delegates and listeners (so the same duplicate search and SLA
        clock), but no feedback row, case code, audit or outbox row of the app's own. That is the honest floor for
        "the same BPMN through the engine's Java API": a start without the feedback row would fail in the first
        user task's listener, and a start without the delegates would not be the same process. (Until 01/12/2026
        every bare start pointed at the same row, and the listeners' writes queued on its lock: the bare engine
        then ran at 26 starts/s, slower than the app.)

        """,
        ratio(engine, http),
        ratio(service, http),
        ratio(engine, service),
        s("baseline.warm_up_seconds")));
    md.append(cpu());

    md.append("### Full lifecycles and the mix\n\n");
    md.append(
        "| path | offered | s | completed | completed/s | p50 (ms) | p99 (ms) | max (ms) | failed |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    md.append(row("lifecycle", "feedback lifecycle, alone"));
    md.append(row("mix.submissions", "mix: anonymous submissions"));
    md.append(row("mix.lifecycles", "mix: feedback lifecycles"));
    md.append(row("mix.tasks", "mix: task lifecycles"));
    md.append("""

        A feedback lifecycle, through the REST APIs with the demo users' Keycloak tokens (password grant, cached
        until shortly before expiry): submitted anonymously (POST /api/v1/feedback), routed to Hà Nội, accepted,
        answered and signed off through the engine's REST API by the admin (`quantri`; staff may not use that
        API) — each step finding its task (GET /engine-rest/task) and completing it, 9 requests; the answer is
        published. A task lifecycle: a conclusion notice with one task issued by the
        standing office (POST /api/v1/directives), acknowledged, a progress report, evidence (an issued document)
        submitted by the lead agency's officer (`canbo.bkhcn`), accepted by the reviewer (`thamdinh`), 5 requests.
        The mix runs for the same time: submissions at a steady rate, 2 workers on feedback, 2 on tasks.

        """);

    md.append("### PostgreSQL's own ceiling\n\n");
    md.append(String.format(
        Locale.ROOT,
        """
        One submission writes %s rows (about %s bytes of row data) and updates %s, measured with PostgreSQL's own
        counters (pg_stat_user_tables) around %s submissions one after another:

        | table | rows inserted | rows updated | median row (bytes) | indexes |
        |---|---:|---:|---:|---:|
        """,
        s("shape.rows_inserted"),
        s("shape.bytes_inserted"),
        s("shape.rows_updated"),
        s("shape.submissions")));
    for (String table : s("shape.tables").split(";")) {
      String[] f = table.split(":");
      if (f.length == 5) {
        md.append(String.format(
            Locale.ROOT, "| `%s` | %s | %s | %s | %s |%n", f[0], f[1], f[2], f[3], f[4]));
      }
    }
    md.append(String.format(
        Locale.ROOT,
        """

        pgbench (%s) on a scratch database ran one transaction of that shape — per table as many single-row INSERTs of
        the median row size into a table with as many indexes, and as many updates by primary key — with 8 clients
        (2 threads) for 30 s: **%.0f transactions/s** (average latency %s ms); with 1 client: %.0f/s (%s ms). That is
        the writes alone, with nothing read, nothing locked between transactions and no application: the app's
        %.1f submissions/s over HTTP (closed loop) are %.1f %% of it.
        """,
        s("pgbench_version"),
        pg8,
        s("pgbench.c8.latency_ms"),
        d("pgbench.c1.tps"),
        s("pgbench.c1.latency_ms"),
        http,
        100 * http / pg8));
    return md.toString();
  }

  /** Where the CPU went in the three closed loops (CpuUse); nothing when /proc could not be read. */
  private String cpu() {
    String[][] phases = {
      {"closed.cpu", "HTTP: POST /api/v1/feedback"},
      {"service.closed.cpu", "in process: FeedbackService.submit"},
      {"engine.closed.cpu", "in process: bare engine start"}
    };
    if (!p.has("closed.cpu.total_ms_per_op")) {
      return "";
    }
    StringBuilder md = new StringBuilder("""
        #### CPU time per accepted submission (ms), by process

        | closed loop | cases in the index | app JVM | load generator | PostgreSQL | Elasticsearch | rest of machine | total | cores busy |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|
        """);
    for (String[] phase : phases) {
      String k = phase[0];
      String indexed = s(k.replace(".cpu", ".indexed_cases"));
      md.append(String.format(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %s | %s | %s | %.0f %% |%n",
          phase[1],
          indexed.isEmpty() ? "—" : indexed,
          ms(k + ".app"),
          ms(k + ".generator"),
          ms(k + ".postgresql"),
          ms(k + ".elasticsearch"),
          ms(k + ".other"),
          ms(k + ".total"),
          100 * d(k + ".machine_busy_share")));
    }
    md.append(String.format(
        Locale.ROOT,
        """

        Read from /proc before and after each closed loop (utime + stime of each process; PostgreSQL's with its
        ended children's, so autovacuum is counted), divided by the submissions accepted in it. In process the
        generator's threads are the app JVM's own. The rest of the machine is Keycloak, the kernel's loopback
        traffic and anything else running; the cases in the index are counted when the loop starts. On two cores
        a phase is done when the cores are: the throughput ratios above follow the totals here (HTTP ÷ bare
        engine: %s of CPU per submission; the app JVM's own, HTTP ÷ bare engine: %s).

        """,
        ratio(d("closed.cpu.total_ms_per_op"), d("engine.closed.cpu.total_ms_per_op")),
        ratio(d("closed.cpu.app_ms_per_op"), d("engine.closed.cpu.app_ms_per_op"))));
    return md.toString();
  }

  private String ms(String key) {
    double v = d(key + "_ms_per_op");
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
  }

  private long acceptedTotal() {
    long total = 0;
    for (String key : p.keys()) {
      if (key.endsWith(".accepted")
          && !key.startsWith("service.")
          && !key.startsWith("engine.")
          && !key.startsWith("soak")) {
        total += (long) d(key);
      }
    }
    return total;
  }

  private String soak() {
    return String.format(
        Locale.ROOT,
        """
        ## Memory under a steady load

        Command: `%s`, run %s; load average before %s, after %s. The app jar with `%s`, %s anonymous
        submissions a second (open loop) for %s s after 60 s of warm-up at the same rate; heap read with
        `jcmd <pid> GC.run` then `GC.heap_info` (a full collection first, so what is left is what is live).

        | when | heap after a full GC |
        |---|---|
        | after the warm-up | %s |
        | after the soak | %s |

        Soak: %s.
        """,
        s("command"),
        s("started"),
        s("load_before"),
        s("load_after"),
        s("app_java_opts").strip(),
        s("soak.offered_per_s"),
        s("soak.seconds"),
        s("heap_start"),
        s("heap_end"),
        soakLine());
  }

  private String soakLine() {
    return String.format(
        Locale.ROOT,
        "%s accepted (%.1f/s), %s refused %s, p50 %.1f ms, p99 %.1f ms, max %.1f ms; %s feedback rows at the end",
        s("soak.accepted"),
        d("soak.accepted_per_s"),
        s("soak.refused"),
        s("soak.refusals"),
        d("soak.p50_ms"),
        d("soak.p99_ms"),
        d("soak.max_ms"),
        s("db_feedback_items"));
  }

  /** a ÷ b as "1.23×", or "n/a" when b is nothing (no request of that path was accepted). */
  private static String ratio(double a, double b) {
    return b > 0 && !Double.isNaN(a) ? String.format(Locale.ROOT, "%.2f×", a / b) : "n/a";
  }

  private static String yes(boolean met) {
    return met ? "yes" : "no";
  }

  private static String fmt(double rate) {
    return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
  }
}
