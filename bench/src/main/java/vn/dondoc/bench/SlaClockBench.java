package vn.dondoc.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.processes.FeedbackHandling;

/**
 * Many running SLA clocks, some falling due at once (bench/sla-clocks; runs inside the app's jar like
 * {@link InProcessBaseline}). Creates {@code --clocks} feedback-handling process instances in the routing stage
 * through the engine API, in batches of one transaction each: each has a running ROUTE clock (its sla_clock
 * row) and the stage's two pending timer jobs (warning and overdue). Then, once with Camunda's default job
 * executor settings and once with the app's (application.yaml), moves one timer each of {@code --burst} clocks
 * never escalated (the overdue timer of half, the warning of the other half) to the same instant a few seconds
 * ahead, and measures, for every warning and breach, the delay from that instant to the job's transaction writing
 * its audit event (the escalation's SLA_WARNED / SLA_BREACHED row). The other clocks stay running with their timers days ahead,
 * as the job table of a system with that many open cases.
 */
public final class SlaClockBench {

  /** Camunda's own defaults (engine and Spring Boot starter) for what application.yaml tunes. */
  static final List<String> DEFAULTS = List.of(
      "--camunda.bpm.job-execution.core-pool-size=3",
      "--camunda.bpm.job-execution.max-pool-size=10",
      "--camunda.bpm.job-execution.queue-capacity=3",
      "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
      "--camunda.bpm.job-execution.wait-time-in-millis=5000",
      "--camunda.bpm.job-execution.max-wait=60000",
      "--camunda.bpm.job-execution.lock-time-in-millis=300000",
      "--camunda.bpm.job-execution.backoff-time-in-millis=0",
      "--camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date=false",
      "--camunda.bpm.generic-properties.properties.job-executor-prefer-timer-jobs=false",
      "--dondoc.jobs.due-date-index=false");

  private static final String START_EVENT = "FeedbackReceived";

  private int clocks = 100_000;
  private int burst = 5000;
  private int batch = 250;
  private int threads = 2;
  private int leadSeconds = 15;
  private int timeoutSeconds = 900;
  private boolean skipDefaults;
  private Path out = Path.of("bench/target/sla-clocks/sla-clocks.properties");
  private final List<String> spring = new ArrayList<>();
  private final StringBuilder properties = new StringBuilder();

  public static void main(String[] args) throws Exception {
    SlaClockBench b = new SlaClockBench();
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--clocks" -> b.clocks = Integer.parseInt(args[++k]);
        case "--burst" -> b.burst = Integer.parseInt(args[++k]);
        case "--batch" -> b.batch = Integer.parseInt(args[++k]);
        case "--threads" -> b.threads = Integer.parseInt(args[++k]);
        case "--timeout-seconds" -> b.timeoutSeconds = Integer.parseInt(args[++k]);
        case "--skip-defaults" -> b.skipDefaults = true;
        case "--out" -> b.out = Path.of(args[++k]);
        default -> b.spring.add(args[k]);
      }
    }
    int status = 0;
    try {
      b.run();
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  private void run() throws Exception {
    Files.createDirectories(out.toAbsolutePath().getParent());
    if (!skipDefaults) {
      List<String> args = new ArrayList<>(spring);
      args.addAll(DEFAULTS);
      try (ConfigurableApplicationContext context = start(args)) {
        create(context);
        fire(context, "default");
      }
    }
    try (ConfigurableApplicationContext context = start(spring)) {
      if (skipDefaults) {
        create(context);
      }
      fire(context, "tuned");
    }
  }

  private static String setting(
      ConfigurableApplicationContext context, String camundaProperty, String camundaDefault) {
    return context.getEnvironment().getProperty("camunda.bpm." + camundaProperty, camundaDefault);
  }

  private static ConfigurableApplicationContext start(List<String> args) throws Exception {
    return SpringApplication.run(
        Class.forName("vn.dondoc.app.DondocApplication"), args.toArray(String[]::new));
  }

  /** Feedback processes in the routing stage, as many as missing to reach {@code clocks} running clocks. */
  private void create(ConfigurableApplicationContext context) throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
    RuntimeService runtime = context.getBean(RuntimeService.class);
    TransactionTemplate transaction =
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    Integer existing = jdbc.queryForObject(
        "select count(*) from sla_clock where case_code like 'CLK-%'", Integer.class);
    AtomicInteger next = new AtomicInteger(existing == null ? 0 : existing);
    long t0 = System.nanoTime();
    Thread[] workers = new Thread[threads];
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int w = 0; w < threads; w++) {
      workers[w] = new Thread(
          () -> {
            while (true) {
              int from = next.getAndAdd(batch);
              if (from >= clocks) {
                return;
              }
              int to = Math.min(clocks, from + batch);
              transaction.executeWithoutResult(status -> {
                for (int n = from; n < to; n++) {
                  Map<String, Object> variables = new HashMap<>();
                  variables.put(FeedbackHandling.Var.FEEDBACK_ID, (long) n);
                  variables.put(FeedbackHandling.Var.CASE_CODE, "CLK-" + n);
                  variables.put(FeedbackHandling.Var.TITLE, "Phản ánh thử đồng hồ thời hạn " + n);
                  variables.put(
                      FeedbackHandling.Var.CONTENT_EXCERPT,
                      "Nội dung phản ánh dùng để đo bộ thực thi công việc.");
                  variables.put(FeedbackHandling.Var.FEEDBACK_TYPE, "complaint");
                  variables.put(FeedbackHandling.Var.FIELD, "administrative-procedures");
                  variables.put(FeedbackHandling.Var.LOCALITY, "hanoi");
                  variables.put(FeedbackHandling.Var.LOCALITY_NAME, "Hà Nội");
                  // custom listeners skipped: the first user task's duplicate search
                  // (Elasticsearch) needs a feedback row;
                  // the clock is started by the stage's timer expressions, which run
                  runtime
                      .createProcessInstanceByKey(FeedbackHandling.PROCESS_KEY)
                      .businessKey("CLK-" + n)
                      .setVariables(variables)
                      .startBeforeActivity(START_EVENT)
                      .execute(true, true);
                }
              });
              if (to % 5000 < batch) {
                Bench.log(
                    "%d clocks created (%.0f/s)",
                    to,
                    (to - (existing == null ? 0 : existing)) / ((System.nanoTime() - t0) / 1e9));
              }
            }
          },
          "create-" + w);
      workers[w].setUncaughtExceptionHandler((thread, e) -> failures.add(e));
      workers[w].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("creating clocks failed", failures.get(0));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    settleStatistics(jdbc);
    Integer running = jdbc.queryForObject(
        "select count(*) from sla_clock where state = 'RUNNING'", Integer.class);
    Integer jobs = jdbc.queryForObject("select count(*) from act_ru_job", Integer.class);
    Bench.log(
        "%d running clocks, %d jobs; created %d in %.0f s",
        running, jobs, clocks - (existing == null ? 0 : existing), seconds);
    properties
        .append("create.clocks=")
        .append(clocks - (existing == null ? 0 : existing))
        .append('\n')
        .append("create.seconds=")
        .append(String.format(Locale.ROOT, "%.0f", seconds))
        .append('\n')
        .append("create.running_clocks=")
        .append(running)
        .append('\n')
        .append("create.jobs=")
        .append(jobs)
        .append('\n')
        .append("create.batch=")
        .append(batch)
        .append('\n')
        .append("create.threads=")
        .append(threads)
        .append('\n');
  }

  /**
   * Brings the planner's statistics up to date (DatabaseSettle), as autovacuum does within a minute or so of a bulk
   * change on a server where it is on (the default; docs/OPERATIONS.md). Without it, right after creating the clocks
   * the planner still sees the engine's tables as they were when small, and fetches a job's variables by combining
   * two indexes, one of them over every variable (about 120 ms a query at 900,000 variables instead of under 1):
   * the burst would measure stale statistics, not the job executor.
   */
  private void settleStatistics(JdbcTemplate jdbc) {
    String autovacuum = jdbc.queryForObject("show autovacuum", String.class);
    long t0 = System.nanoTime();
    DatabaseSettle.settle(jdbc);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Bench.log(
        "vacuumed and analyzed the database in %.0f s (autovacuum is %s)", seconds, autovacuum);
    properties
        .append("create.autovacuum=")
        .append(autovacuum)
        .append('\n')
        .append("create.analyze_seconds=")
        .append(String.format(Locale.ROOT, "%.0f", seconds))
        .append('\n');
  }

  /**
   * Moves one timer each of {@code burst} clocks never escalated to one instant: the overdue timer of half of them,
   * the warning timer of the other half. One timer a clock, because a clock's levels only rise: a warning due with
   * or after its own breach is skipped (SlaEscalationService), and would never write its event.
   */
  private void fire(ConfigurableApplicationContext context, String name) throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
    Thread.sleep(5000);
    Integer running = jdbc.queryForObject(
        "select count(*) from sla_clock where state = 'RUNNING'", Integer.class);
    Instant due = Instant.now().plusSeconds(leadSeconds);
    String[] codes = jdbc.queryForList("""
        select case_code from sla_clock where case_code like 'CLK-%' and state = 'RUNNING' and escalation_level = 0
        order by id limit ?""", String.class, burst).toArray(String[]::new);
    String[] breaching = Arrays.copyOfRange(codes, 0, codes.length / 2);
    String[] warned = Arrays.copyOfRange(codes, codes.length / 2, codes.length);
    String move = """
        update act_ru_job set duedate_ = ? where handler_cfg_ = ?
          and process_instance_id_ in (select process_instance_id from sla_clock where case_code = any(?))""";
    int moved = jdbc.update(move, Timestamp.from(due), "RoutingBreach", breaching)
        + jdbc.update(move, Timestamp.from(due), "RoutingWarning", warned);
    Bench.log(
        "%s: %d timers of %d clocks due at %s (%d breaches, %d warnings; %d running clocks)",
        name, moved, codes.length, due, breaching.length, warned.length, running);
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    int fired = 0;
    while (System.nanoTime() < deadline) {
      Thread.sleep(1000);
      Integer count = jdbc.queryForObject(
          "select count(*) from audit_event where action in ('SLA_WARNED', 'SLA_BREACHED')"
              + " and case_code = any(?)",
          Integer.class,
          (Object) codes);
      fired = count == null ? 0 : count;
      if (fired >= moved) {
        break;
      }
    }
    Map<String, Object> delays = jdbc.queryForMap(
        """
        select count(*) as fired,
          percentile_cont(0.5) within group (order by extract(epoch from occurred_at - ?)) as p50,
          percentile_cont(0.99) within group (order by extract(epoch from occurred_at - ?)) as p99,
          max(extract(epoch from occurred_at - ?)) as max,
          min(extract(epoch from occurred_at - ?)) as min,
          count(*) filter (where occurred_at - ? <= interval '60 seconds') as within60
        from audit_event where action in ('SLA_WARNED', 'SLA_BREACHED') and case_code = any(?)""",
        Timestamp.from(due),
        Timestamp.from(due),
        Timestamp.from(due),
        Timestamp.from(due),
        Timestamp.from(due),
        codes);
    String settings = setting(context, "job-execution.core-pool-size", "3") + "/"
        + setting(context, "job-execution.max-pool-size", "10")
        + "/" + setting(context, "job-execution.queue-capacity", "3") + "/"
        + setting(context, "job-execution.max-jobs-per-acquisition", "3")
        + "/" + setting(context, "job-execution.wait-time-in-millis", "5000") + "/"
        + setting(context, "job-execution.max-wait", "60000")
        + "/" + setting(context, "job-execution.lock-time-in-millis", "300000")
        + "/"
        + setting(
            context, "generic-properties.properties.job-executor-acquire-by-due-date", "false")
        + "/"
        + setting(context, "generic-properties.properties.job-executor-prefer-timer-jobs", "false")
        + "/" + context.getEnvironment().getProperty("dondoc.jobs.due-date-index", "false");
    double seconds =
        delays.get("max") == null ? Double.NaN : ((Number) delays.get("max")).doubleValue();
    Bench.log(
        "%s (%s): %s of %d fired; delay p50 %s s, p99 %s s, max %s s; within 60 s: %s",
        name,
        settings,
        delays.get("fired"),
        moved,
        delays.get("p50"),
        delays.get("p99"),
        delays.get("max"),
        delays.get("within60"));
    properties.append(String.format(
        Locale.ROOT,
        """
        %1$s.settings=%2$s
        %1$s.running_clocks=%3$d
        %1$s.burst_clocks=%4$d
        %1$s.timers=%5$d
        %1$s.fired=%6$s
        %1$s.p50_s=%7$s
        %1$s.p99_s=%8$s
        %1$s.max_s=%9$s
        %1$s.min_s=%10$s
        %1$s.within60=%11$s
        %1$s.jobs_per_s=%12$.1f
        """,
        name,
        settings,
        running,
        codes.length,
        moved,
        delays.get("fired"),
        delays.get("p50"),
        delays.get("p99"),
        delays.get("max"),
        delays.get("min"),
        delays.get("within60"),
        ((Number) delays.get("fired")).doubleValue() / seconds));
    Files.writeString(out, properties.toString(), StandardCharsets.UTF_8);
  }
}
