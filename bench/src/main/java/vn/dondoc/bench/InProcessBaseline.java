package vn.dondoc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.search.CaseDocument;

/**
 * The baselines of bench/throughput, run inside the app's own jar (Spring Boot's PropertiesLauncher with this
 * module's classes on loader.path): the app's context starts as it does for the HTTP run (same database, same
 * engine configuration, same delegates and listeners), then the same work is driven without HTTP, Tomcat,
 * Spring Security, Keycloak tokens or JSON:
 * <ul>
 *   <li><b>service</b>: {@code FeedbackService.submit} called directly: the feedback row, its case code, the
 *   process started (its start listeners, the SLA clock, the first user task and its create listener), the
 *   audit and outbox rows, one transaction, exactly what POST /api/v1/feedback does below the controller;</li>
 *   <li><b>engine</b>: {@code RuntimeService.startProcessInstanceByKey("feedback-handling")} with the same
 *   variables, each start pointing at a feedback row of its own stored before the timing, the bare engine with the same delegates and
 *   nothing of the app's own writes.</li>
 * </ul>
 * Then counts the rows one submission writes, table by table, and writes a pgbench schema and transaction of
 * the same shape. App classes are reached by name: this module does not compile against the app.
 */
public final class InProcessBaseline {

  private static final int POOL = 64;

  private int workers = 8;
  private int seconds = 30;
  // the JIT needs minutes on two cores: with 30 s the bare engine ran at 76/s, with 120 s at 101/s
  // (01/12/2026)
  private int warmUpSeconds = 120;
  private List<Double> rates = List.of(50.0, 100.0, 200.0);
  private int stepSeconds = 20;
  private int shapeSubmissions = 200;
  private Path repo = Path.of(".");
  private Path out = Path.of("bench/target/throughput/baseline.properties");
  private Path pgbenchDir = Path.of("bench/target/throughput");
  /** The app's search index (http://host:port/name), whose size each closed loop records (IndexSize). */
  private String index;

  private Object feedbackService;
  private Method submit;
  private Constructor<?> submissionConstructor;
  private Constructor<?> contactConstructor;
  private Object complaint;
  private final List<Object[]> templates = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    InProcessBaseline b = new InProcessBaseline();
    List<String> spring = new ArrayList<>();
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--workers" -> b.workers = Integer.parseInt(args[++k]);
        case "--seconds" -> b.seconds = Integer.parseInt(args[++k]);
        case "--warm-up-seconds" -> b.warmUpSeconds = Integer.parseInt(args[++k]);
        case "--rates" ->
          b.rates =
              List.of(args[++k].split(",")).stream().map(Double::parseDouble).toList();
        case "--step-seconds" -> b.stepSeconds = Integer.parseInt(args[++k]);
        case "--repo" -> b.repo = Path.of(args[++k]);
        case "--out" -> b.out = Path.of(args[++k]);
        case "--pgbench-dir" -> b.pgbenchDir = Path.of(args[++k]);
        case "--index" -> b.index = args[++k];
        default -> spring.add(args[k]);
      }
    }
    ConfigurableApplicationContext context = SpringApplication.run(
        Class.forName("vn.dondoc.app.DondocApplication"), spring.toArray(String[]::new));
    int status = 0;
    try {
      b.run(context);
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    } finally {
      context.close();
    }
    System.exit(status);
  }

  private void run(ConfigurableApplicationContext context) throws Exception {
    Class<?> serviceClass = Class.forName("vn.dondoc.app.feedback.FeedbackService");
    Class<?> submissionClass = Class.forName("vn.dondoc.app.feedback.FeedbackSubmission");
    Class<?> contactClass = Class.forName("vn.dondoc.app.feedback.FeedbackSubmission$Contact");
    Class<?> fieldClass = Class.forName("vn.dondoc.app.feedback.FeedbackField");
    Class<?> typeClass = Class.forName("vn.dondoc.app.feedback.FeedbackType");
    feedbackService = context.getBean(serviceClass);
    submit = serviceClass.getMethod("submit", submissionClass, String.class, String.class);
    submissionConstructor = submissionClass.getDeclaredConstructors()[0];
    contactConstructor = contactClass.getDeclaredConstructors()[0];
    ObjectMapper mapper = context.getBean(ObjectMapper.class);
    complaint = mapper.convertValue("complaint", typeClass);
    Object referenceData = context.getBean(Class.forName("vn.dondoc.app.agencies.ReferenceData"));
    Method localityName = referenceData.getClass().getMethod("localityName", String.class);
    RuntimeService runtime = context.getBean(RuntimeService.class);
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));

    Corpus corpus = Corpus.read(repo.resolve("../shared/sources").normalize());
    CaseGenerator generator = new CaseGenerator(
        59, corpus, ReferenceData.agencyCodes(repo), ReferenceData.localityCodes(repo));
    for (long i = 0; templates.size() < 2000; i++) {
      CaseDocument d = generator.generate(i);
      if (d.caseType().equals("feedback")) {
        String title = d.title().length() > 300 ? d.title().substring(0, 300) : d.title();
        templates.add(new Object[] {
          mapper.convertValue(d.field(), fieldClass),
          d.locality(),
          title,
          d.content(),
          ((Optional<?>) localityName.invoke(referenceData, d.locality())).orElseThrow(),
          d.field()
        });
      }
    }
    StringBuilder properties = new StringBuilder();
    properties.append("baseline.warm_up_seconds=").append(warmUpSeconds).append('\n');

    Bench.log("in-process warm-up: %d workers for %d s", Math.max(1, workers / 2), warmUpSeconds);
    Bench.log(
        "%s",
        LoadShape.closedLoop("warm-up", Math.max(1, workers / 2), warmUpSeconds, w -> submitOne()));
    String lastCode = submitCode();
    long lastId =
        (Long) serviceClass.getMethod("idOf", String.class).invoke(feedbackService, lastCode);
    // Each bare start gets a feedback row of its own, stored before any clock runs: the process's
    // listeners write
    // to the row its variables name, and one row shared by every start would queue them all on its
    // lock. The rows
    // are copies of the submissions stored so far, in turn: the first user task's duplicate search
    // reads the row's
    // text, and one text searched again and again would not cost Elasticsearch what varied texts
    // cost (with one
    // copied row: 8 ms of its CPU a start, against 5 per submission, indexing included;
    // 01/12/2026).
    int rows = 200 * seconds
        + (int) Math.ceil(rates.stream().mapToDouble(r -> r * stepSeconds).sum());
    jdbc.update("""
        insert into dondoc.feedback_item (code, type, field, locality, title, content, contact_name, status, submitted_at,
          updated_at)
        select 'BENCH-E-' || n, f.type, f.field, f.locality, f.title, f.content, f.contact_name, f.status, f.submitted_at,
          f.updated_at
        from generate_series(1, ?) n
        join (select row_number() over (order by id) - 1 as turn, f.* from dondoc.feedback_item f where f.id <= ?) f
          on f.turn = n % (select count(*) from dondoc.feedback_item where id <= ?)""", rows, lastId, lastId);
    List<Map<String, Object>> engineRows = jdbc.queryForList(
        "select id, code from dondoc.feedback_item where code like 'BENCH-E-%' order by id");
    AtomicInteger nextRow = new AtomicInteger();

    LoadShape.Operation engineStart = w -> {
      long n = LoadClient.next();
      Map<String, Object> row = engineRows.get(nextRow.getAndIncrement() % engineRows.size());
      Object[] t = templates.get((int) (n % templates.size()));
      String content = (String) t[3];
      Map<String, Object> variables = new HashMap<>();
      variables.put(FeedbackHandling.Var.FEEDBACK_ID, ((Number) row.get("id")).longValue());
      variables.put(FeedbackHandling.Var.CASE_CODE, row.get("code"));
      variables.put(FeedbackHandling.Var.TITLE, t[2]);
      variables.put(
          FeedbackHandling.Var.CONTENT_EXCERPT,
          content.length() <= 1000 ? content : content.substring(0, 999) + "…");
      variables.put(FeedbackHandling.Var.FEEDBACK_TYPE, "complaint");
      variables.put(FeedbackHandling.Var.FIELD, t[5]);
      variables.put(FeedbackHandling.Var.LOCALITY, t[1]);
      variables.put(FeedbackHandling.Var.LOCALITY_NAME, t[4]);
      runtime.startProcessInstanceByKey(
          FeedbackHandling.PROCESS_KEY, (String) row.get("code"), variables);
      return LoadShape.Outcome.ACCEPTED;
    };

    CpuUse cpu = new CpuUse(Map.of("app", ProcessHandle.current().pid()));
    DatabaseSettle.settle(jdbc);
    properties.append(cpu.closedLoop(
        "service.closed", "in-process FeedbackService", workers, seconds, w -> submitOne(), index));
    DatabaseSettle.settle(jdbc);
    properties.append(cpu.closedLoop(
        "engine.closed", "in-process engine start", workers, seconds, engineStart, index));
    DatabaseSettle.settle(jdbc);

    ExecutorService pool = Executors.newFixedThreadPool(POOL);
    int step = 0;
    for (double rate : rates) {
      // at most as many outstanding as the pool has threads: an arrival beyond that is "not sent",
      // not queued
      LoadShape.Figures s = LoadShape.openLoop(
          "in-process FeedbackService " + rate + "/s",
          rate,
          stepSeconds,
          POOL,
          () -> CompletableFuture.supplyAsync(() -> call(w -> submitOne()), pool));
      Bench.log("%s", s);
      properties.append(s.properties("service.open." + step));
      DatabaseSettle.settle(jdbc);
      LoadShape.Figures e = LoadShape.openLoop(
          "in-process engine start " + rate + "/s",
          rate,
          stepSeconds,
          POOL,
          () -> CompletableFuture.supplyAsync(() -> call(engineStart), pool));
      Bench.log("%s", e);
      properties.append(e.properties("engine.open." + step++));
      DatabaseSettle.settle(jdbc);
    }
    // operations still running would hold the connections the row counts need (a first run failed
    // so)
    pool.shutdown();
    if (!pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES)) {
      throw new IllegalStateException("in-process operations still running after 5 minutes");
    }
    properties.append("open.steps=").append(step).append('\n');

    properties.append(
        TransactionShape.measure(jdbc, shapeSubmissions, () -> call(w -> submitOne()), pgbenchDir));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, properties.toString(), StandardCharsets.UTF_8);
    Bench.log("wrote %s", out);
  }

  private static LoadShape.Outcome call(LoadShape.Operation operation) {
    try {
      return operation.run(0);
    } catch (Exception e) {
      return LoadShape.Outcome.refused(e.getClass().getSimpleName());
    }
  }

  private LoadShape.Outcome submitOne() throws Exception {
    submitCode();
    return LoadShape.Outcome.ACCEPTED;
  }

  /** One submission as the controller makes it (no Idempotency-Key replay: a fresh key), its case code. */
  private String submitCode() throws Exception {
    long n = LoadClient.next();
    Object[] t = templates.get((int) (n % templates.size()));
    Object contact =
        contactConstructor.newInstance("Người gửi thử " + n, "load" + n + "@example.vn", null);
    Object submission = submissionConstructor.newInstance(
        complaint, t[0], t[1], t[2], t[3], contact, n % 3 == 0, null);
    Object submitted;
    try {
      submitted = submit.invoke(feedbackService, submission, "load-" + n, null);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    Object receipt = submitted.getClass().getMethod("receipt").invoke(submitted);
    return (String) receipt.getClass().getMethod("code").invoke(receipt);
  }
}
