package vn.dondoc.bench;

import java.nio.file.Path;
import java.util.Locale;

/** Writes the sla-clocks section of docs/PERFORMANCE.md from what bench/sla-clocks left in bench/target/sla-clocks. */
public final class SlaClockReport {

  private final RunProperties p;

  private SlaClockReport(RunProperties p) {
    this.p = p;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of("bench/target/sla-clocks");
    Path out = Path.of("docs/PERFORMANCE.md");
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--dir" -> dir = Path.of(args[++k]);
        case "--out" -> out = Path.of(args[++k]);
        default -> throw new IllegalArgumentException("unknown option " + args[k]);
      }
    }
    SlaClockReport report = new SlaClockReport(RunProperties.read(dir, "meta", "sla-clocks"));
    Sections.replace(out, "sla-clocks", report.section());
    Bench.log("wrote %s", out);
  }

  private String s(String key) {
    return p.s(key);
  }

  private double d(String key) {
    return p.d(key);
  }

  private String row(String name, String label) {
    if (!p.has(name + ".fired")) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "| %s | `%s` | %s | %s | %s | %.1f | %.1f | %.1f | %s | %.0f |%n",
        label,
        s(name + ".settings"),
        s(name + ".running_clocks"),
        s(name + ".timers"),
        s(name + ".fired"),
        d(name + ".p50_s"),
        d(name + ".p99_s"),
        d(name + ".max_s"),
        s(name + ".within60"),
        d(name + ".jobs_per_s"));
  }

  private String section() {
    boolean met = d("tuned.max_s") <= 60 && d("tuned.fired") == d("tuned.timers");
    return String.format(
        Locale.ROOT,
        """
        ## Running SLA clocks falling due

        Command: `%s` (module `bench/`: SlaClockBench inside the app's jar, on a database of its own), run %s to %s;
        load average before %s, after %s; `%s`.

        %s running clocks were created through real feedback processes (the engine API, %s per transaction, %s
        threads, %s s): each a process in its routing stage with its `sla_clock` row and the stage's two pending
        timer jobs, warning and overdue (%s jobs in all). Then the planner's statistics were brought up to date
        (DatabaseSettle: `vacuum analyze`, then quiet cores, %s s in all; autovacuum, which keeps them so on a production server, was %s during the run). Then, once with Camunda's defaults and once with the app's settings
        (application.yaml, docs/OPERATIONS.md), one timer each of a burst of clocks never escalated — the overdue
        timer of half of them, the warning timer of the other half — was moved to one instant 15 s ahead (one SQL
        update of their due dates), the other clocks left running with their timers days ahead. (One timer a clock:
        a clock's escalation levels only rise, so a warning falling due with its own breach is skipped and writes
        nothing.) Delay: from that instant to the transaction of the job that wrote the escalation's audit event
        (SLA_WARNED, SLA_BREACHED), for every timer of the burst.

        | settings | core/max/queue/jobs per acquisition/wait/max wait/lock/by due date/timers first/due-date index | running clocks | timers due at once | fired | p50 (s) | p99 (s) | max (s) | within 60 s | fired/s |
        |---|---|---:|---:|---:|---:|---:|---:|---:|---:|
        %s%s
        **Every timer of the burst fired within 60 s with the app's settings: %s.** The rate at which the job
        executor fires them (the last column: timers ÷ the last one's delay) bounds the burst that fits in a minute;
        clocks due at the same instant beyond that wait their turn.
        """,
        s("command"),
        s("started"),
        s("finished"),
        s("load_before"),
        s("load_after"),
        s("app_java_opts").strip(),
        s("create.running_clocks"),
        s("create.batch"),
        s("create.threads"),
        s("create.seconds"),
        s("create.jobs"),
        s("create.analyze_seconds"),
        s("create.autovacuum"),
        row("default", "Camunda's defaults"),
        row("tuned", "the app's (application.yaml)"),
        met ? "yes" : "no");
  }
}
