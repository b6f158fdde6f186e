package vn.dondoc.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.dondoc.app.cluster.SubmissionLoad.Outcome;
import vn.dondoc.app.support.Api;

/**
 * Two app nodes from the built jar on one database of their own, under a load of anonymous submissions,
 * and the failures issue 8 asks about: a node killed with SIGKILL, then (on the surviving node)
 * Elasticsearch, PostgreSQL and Keycloak going away and coming back. The services are the shared ones,
 * reached through {@link FaultProxy}s that the test cuts, so nothing else on the machine notices.
 *
 * <p>The tests run in order on the same nodes. Counts are logged as "DRILL ..." lines (docs/OPERATIONS.md).
 * The job executor's lock time is 10 s here so that the dead node's jobs come free quickly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

  private static final Logger log = LoggerFactory.getLogger(ClusterFaultsIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LOCK_TIME = Duration.ofSeconds(10);
  /** How long Elasticsearch stays away; the drill for docs/OPERATIONS.md runs it with 60. */
  private static final Duration SEARCH_OUTAGE =
      Duration.ofSeconds(Long.getLong("dondoc.drill.search-outage-seconds", 20));

  private static final Duration DATABASE_OUTAGE =
      Duration.ofSeconds(Long.getLong("dondoc.drill.database-outage-seconds", 8));
  /**
   * A command that really restarts the PostgreSQL the test database is on (the drill, against a cluster of
   * its own, e.g. {@code pg_ctlcluster --skip-systemctl-redirect 15 drill restart}); without it the test cuts
   * the connection to the shared server instead.
   */
  private static final String DATABASE_RESTART =
      System.getProperty("dondoc.drill.database-restart");

  private static final String WARNING_TIMER = "RoutingWarningDue";
  private static final String BREACH_TIMER = "RoutingOverdue";
  private static final String SUPERVISOR_TIMER = "RoutingStillOpen";

  private final Path repository = Path.of(System.getProperty("dondoc.repository", ".."));
  private final String esUrl =
      System.getenv().getOrDefault("DONDOC_ES_URL", "http://127.0.0.1:9200");
  private final String alias = "it-cluster-" + UUID.randomUUID();
  private FaultProxy database;
  private FaultProxy search;
  private FaultProxy keycloak;
  private JdbcClient jdbc;
  /** One connection kept open, for polling quickly. */
  private JdbcClient probe;

  private SingleConnectionDataSource probeConnection;
  private String databaseName;
  private AppNode first;
  private AppNode second;
  /** Every code the nodes answered 201 for, over all the tests. */
  private final Set<String> acceptedCodes = new HashSet<>();

  private final List<SubmissionLoad> loads = new ArrayList<>();

  @BeforeAll
  void startTwoNodes() throws Exception {
    URI testDatabase = URI.create(System.getenv()
        .getOrDefault("DONDOC_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/dondoc_test")
        .substring("jdbc:".length()));
    databaseName = testDatabase.getPath().substring(1) + "_cluster";
    jdbc = JdbcClient.create(new SimpleDriverDataSource(
        new org.postgresql.Driver(),
        "jdbc:postgresql://" + testDatabase.getHost() + ":" + testDatabase.getPort() + "/"
            + databaseName,
        "dondoc",
        "dondoc"));
    assertThat(
            jdbc.sql("select count(*) from information_schema.tables where table_schema = 'public'")
                .query(Long.class)
                .single())
        .as("database %s is fresh (bin/dondoc test recreates it)", databaseName)
        .isZero();
    probeConnection = new SingleConnectionDataSource(
        "jdbc:postgresql://" + testDatabase.getHost() + ":" + testDatabase.getPort() + "/"
            + databaseName,
        "dondoc",
        "dondoc",
        true);
    probe = JdbcClient.create(probeConnection);
    database = new FaultProxy("postgresql", testDatabase.getHost(), testDatabase.getPort());
    URI es = URI.create(esUrl);
    search = new FaultProxy("elasticsearch", es.getHost(), es.getPort());
    URI kc = URI.create(Api.KEYCLOAK);
    keycloak = new FaultProxy("keycloak", kc.getHost(), kc.getPort());

    // One after the other: the first creates the schema; the second joins a running system.
    first = node("node-1", "n1");
    first.awaitReady(Duration.ofMinutes(4));
    second = node("node-2", "n2");
    second.awaitReady(Duration.ofMinutes(4));
  }

  @AfterAll
  void stopEverything() throws Exception {
    for (AutoCloseable closeable :
        new AutoCloseable[] {first, second, database, search, keycloak}) {
      if (closeable != null) {
        closeable.close();
      }
    }
    deleteSearchIndices();
    if (probeConnection != null) {
      probeConnection.destroy();
    }
  }

  /** A failed test must not leave its load running into the next one. */
  @AfterEach
  void stopLoad() throws InterruptedException {
    for (SubmissionLoad load : loads) {
      load.stop();
    }
    loads.clear();
  }

  @Test
  @Order(1)
  void aNodeKilledMidLoadLosesNoSubmissionAndItsJobsAreTakenOverOnce() throws Exception {
    String admin = token("quantri");
    String secondLockOwner = lockOwner(second, admin);
    assertThat(secondLockOwner).isNotEqualTo(lockOwner(first, admin));

    SubmissionLoad load = load(List.of(first, second));
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from feedback_item").query(Long.class).single())
            .isGreaterThanOrEqualTo(40));
    // The routing warning and breach instants of every case so far have come. The first node is
    // frozen
    // meanwhile, so that the second certainly takes some of these timers (racing two live job
    // executors for
    // them left the second with none on a busy machine); the load goes to the second node alone.
    load.useOnly(List.of(second));
    first.freeze();
    List<String> instances;
    List<String> orphaned = List.of();
    try {
      instances = jdbc
          .sql("""
              update act_ru_job j set duedate_ = timestamp '2000-01-01 00:00' from act_ru_jobdef d
               where j.job_def_id_ = d.id_ and d.act_id_ in (:activities) returning j.process_instance_id_""")
          .param("activities", List.of(WARNING_TIMER, BREACH_TIMER))
          .query(String.class)
          .list()
          .stream()
          .distinct()
          .toList();
      assertThat(instances).isNotEmpty();

      // Kill the second node while it holds job locks (frozen first, so the locks are certainly
      // still its own).
      // The first node's requests wait while it is frozen, well within the load's 30-second request
      // timeout.
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (orphaned.isEmpty()) {
        assertThat(System.nanoTime())
            .as("the second node locked some of the due jobs")
            .isLessThan(deadline);
        if (lockedBy(secondLockOwner).isEmpty()) {
          Thread.sleep(2);
          continue;
        }
        second.freeze();
        orphaned = lockedBy(secondLockOwner);
        if (orphaned.isEmpty()) {
          second.thaw();
        }
      }
    } finally {
      first.thaw();
    }
    List<String> escalated = jdbc.sql(
            "select code from feedback_item where process_instance_id in (:instances)")
        .param("instances", instances)
        .query(String.class)
        .list();
    assertThat(escalated).hasSize(instances.size()).isNotEmpty();
    acceptedCodes.addAll(escalated);
    second.kill();
    load.useOnly(List.of(first));
    log.info("DRILL kill: node-2 killed holding {} job lock(s)", orphaned.size());
    Thread.sleep(5000);
    List<Outcome> outcomes = load.stop();

    List<Outcome> accepted = outcomes.stream().filter(Outcome::accepted).toList();
    List<Outcome> unanswered = outcomes.stream().filter(o -> o.status() == 0).toList();
    log.info(
        "DRILL kill: {} submissions, {} accepted (201), {} without an answer (sent to the killed node), other: {}",
        outcomes.size(),
        accepted.size(),
        unanswered.size(),
        outcomes.stream()
            .filter(o -> !o.accepted() && o.status() != 0)
            .map(Outcome::status)
            .toList());
    assertThat(outcomes)
        .as("every answer is a 201; only requests to the killed node got none")
        .allMatch(o -> o.accepted() || (o.status() == 0 && o.node().equals(second.name())));
    accepted.forEach(o -> acceptedCodes.add(o.code()));
    assertCompletelyStored(accepted.stream().map(Outcome::code).toList());

    // The dead node's locks expire and the surviving node fires those timers, each exactly once.
    List<String> orphans = orphaned;
    await()
        .atMost(LOCK_TIME.multipliedBy(6))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> assertThat(jdbc.sql("select count(*) from act_ru_job where id_ in (:ids)")
                    .param("ids", orphans)
                    .query(Long.class)
                    .single())
                .isZero());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() ->
            assertThat(jobs(List.of(WARNING_TIMER, BREACH_TIMER), instances)).isZero());
    assertThat(jobs(List.of(SUPERVISOR_TIMER), instances))
        .as("every process went on to wait for the supervisor")
        .isEqualTo(escalated.size());
    assertThat(jdbc.sql("""
            select case_code, count(*) from audit_event where action = 'SLA_BREACHED' and case_code in (:codes)
             group by case_code having count(*) <> 1""").param("codes", escalated).query().listOfRows())
        .as("each breach escalated once")
        .isEmpty();
    assertThat(jdbc.sql(
                "select count(*) from audit_event where action = 'SLA_BREACHED' and case_code in (:codes)")
            .param("codes", escalated)
            .query(Long.class)
            .single())
        .isEqualTo(escalated.size());
    assertThat(jdbc.sql("""
            select count(*) from notification where kind = 'SLA_BREACH_ROUTE' and recipient_kind = 'GROUP'
              and case_code in (:codes)""").param("codes", escalated).query(Long.class).single())
        .as("leaders and supervisors told once per case")
        .isEqualTo(2L * escalated.size());
    assertThat(jdbc.sql("""
            select case_code from audit_event where action = 'SLA_WARNED' and case_code in (:codes)
             group by case_code having count(*) > 1""").param("codes", escalated).query(String.class).list())
        .as("no warning twice (none at all when the breach came first)")
        .isEmpty();
    assertThat(jdbc.sql("""
            select case_code, kind, recipient from notification where case_code in (:codes)
             group by case_code, kind, recipient having count(*) > 1""").param("codes", escalated).query().listOfRows())
        .as("no notification twice")
        .isEmpty();

    assertSearchIndexMatchesDatabase();
  }

  @Test
  @Order(2)
  void searchDownUnderLoadKeepsAcceptingAndTheBacklogDrainsCompletely() throws Exception {
    String standingOffice = token("thuongtruc");
    Api api = new Api(first.url());
    SubmissionLoad load = load(List.of(first));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() ->
            assertThat(api.get("/api/v1/search?q=zq", standingOffice).status()).isEqualTo(200));
    search.cut();
    Thread.sleep(SEARCH_OUTAGE.toMillis() / 2);
    Api.Response during = api.get("/api/v1/search?q=zq", standingOffice);
    long backlog = jdbc.sql("select count(*) from outbox").query(Long.class).single();
    Thread.sleep(SEARCH_OUTAGE.toMillis() / 2);
    search.restore();
    Thread.sleep(2000);
    List<Outcome> outcomes = load.stop();

    List<Outcome> accepted = outcomes.stream().filter(Outcome::accepted).toList();
    log.info(
        "DRILL search outage ({} s): {} submissions, {} accepted, outbox backlog {} mid-outage; search answered {}",
        SEARCH_OUTAGE.toSeconds(),
        outcomes.size(),
        accepted.size(),
        backlog,
        during.status());
    assertThat(outcomes).as("submissions keep succeeding").allMatch(Outcome::accepted);
    assertThat(during.status()).isEqualTo(503);
    assertThat(during.contentType()).startsWith("application/problem+json");
    assertThat(during.header("Retry-After")).isNotNull();
    assertThat(during.json().path("detail").asText()).contains("tìm kiếm tạm thời không khả dụng");
    assertThat(backlog).isPositive();
    accepted.forEach(o -> acceptedCodes.add(o.code()));
    assertCompletelyStored(accepted.stream().map(Outcome::code).toList());
    assertSearchIndexMatchesDatabase();
  }

  @Test
  @Order(3)
  void databaseGoneUnderLoadFailsCleanlyAndWritesNothingHalfway() throws Exception {
    SubmissionLoad load = load(List.of(first));
    Thread.sleep(2000);
    if (DATABASE_RESTART == null) {
      database.cut();
      Thread.sleep(DATABASE_OUTAGE.toMillis());
      database.restore();
    } else {
      run(DATABASE_RESTART);
    }
    Thread.sleep(5000);
    List<Outcome> outcomes = load.stop();

    List<Outcome> accepted = outcomes.stream().filter(Outcome::accepted).toList();
    List<Outcome> clean = outcomes.stream().filter(Outcome::cleanFailure).toList();
    List<Outcome> other =
        outcomes.stream().filter(o -> !o.accepted() && !o.cleanFailure()).toList();
    log.info(
        "DRILL database {}: {} submissions, {} accepted, {} refused cleanly (503 problem + Retry-After), "
            + "{} other: {}",
        DATABASE_RESTART == null
            ? "gone for " + DATABASE_OUTAGE.toSeconds() + " s"
            : "restarted by '" + DATABASE_RESTART + "'",
        outcomes.size(),
        accepted.size(),
        clean.size(),
        other.size(),
        other.stream().map(o -> o.status() + " " + o.detail()).limit(5).toList());
    assertThat(other).as("every failure is a clean 503").isEmpty();
    if (DATABASE_RESTART == null) {
      assertThat(clean).as("the outage was felt").isNotEmpty();
    }
    assertThat(clean).allSatisfy(refused -> assertThat(refused.detail()).contains("thử lại"));

    // Nothing of a refused submission was written; retried with its key, it is accepted once.
    List<String> refusedMarkers = clean.stream().map(Outcome::marker).toList();
    assertThat(jdbc.sql("select count(*) from feedback_item where idempotency_key in (:keys)")
            .param("keys", clean.stream().map(Outcome::key).toList())
            .query(Long.class)
            .single())
        .isZero();
    assertThat(refusedMarkers)
        .allSatisfy(
            marker -> assertThat(jdbc.sql("select count(*) from feedback_item where title like ?")
                    .param("%" + marker)
                    .query(Long.class)
                    .single())
                .isZero());
    List<String> retried = new ArrayList<>();
    for (Outcome refused : clean) {
      Outcome again = SubmissionLoad.submit(first, refused.key(), refused.marker());
      assertThat(again.status()).as(again.detail()).isEqualTo(201);
      retried.add(again.code());
    }
    accepted.forEach(o -> acceptedCodes.add(o.code()));
    acceptedCodes.addAll(retried);
    List<String> codes = new ArrayList<>(retried);
    accepted.forEach(o -> codes.add(o.code()));
    assertCompletelyStored(codes);
    assertSearchIndexMatchesDatabase();
  }

  @Test
  @Order(4)
  void keycloakGoneIssuedTokensStillWorkAndNewLoginsGetAClearPage() throws Exception {
    String supervisor = token("giamsat");
    Api api = new Api(first.url());
    assertThat(api.get("/api/v1/feedback/sla", supervisor).status()).isEqualTo(200);
    keycloak.cut();
    try {
      Thread.sleep(4000); // past the keys' cache time: the copy kept for outages must answer
      assertThat(api.get("/api/v1/feedback/sla", supervisor).status())
          .as("an issued token keeps working")
          .isEqualTo(200);
      assertThat(api.get("/", null).status()).as("the public portal").isEqualTo(200);

      HttpResponse<String> login = browse(first.url() + "/camunda/app/tasklist/");
      log.info(
          "DRILL keycloak outage: a new login ends on {} {} ({})",
          login.statusCode(),
          login.uri(),
          login.headers().firstValue("Content-Type").orElse(""));
      assertThat(login.statusCode()).isEqualTo(503);
      assertThat(login.uri().getPath()).isEqualTo("/dang-nhap-tam-ngung");
      assertThat(login.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(login.body()).contains("Tạm thời chưa đăng nhập được").doesNotContain("Exception");
    } finally {
      keycloak.restore();
    }
    // once the guard's last probe (kept a few seconds) is stale, logins go to Keycloak again
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(
                browse(first.url() + "/camunda/app/tasklist/").uri().toString())
            .as("back to Keycloak's login page")
            .startsWith(Api.KEYCLOAK + "/realms/dondoc/protocol/openid-connect/auth"));
  }

  private SubmissionLoad load(List<AppNode> nodes) {
    SubmissionLoad load = new SubmissionLoad(nodes, 3);
    loads.add(load);
    return load;
  }

  private AppNode node(String name, String route) throws IOException {
    Map<String, String> environment = Map.of(
        "DONDOC_DB_URL",
        "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + databaseName,
        "DONDOC_ES_URL",
        "http://127.0.0.1:" + search.port(),
        "DONDOC_KEYCLOAK_URL",
        "http://127.0.0.1:" + keycloak.port(),
        // Keycloak runs with a fixed hostname: its issuer and login pages are at its public
        // address, whatever
        // way the nodes reach it (here through the fault proxy)
        "DONDOC_KEYCLOAK_PUBLIC_URL",
        Api.KEYCLOAK,
        "DONDOC_SEARCH_ALIAS",
        alias,
        "DONDOC_RATE_LIMIT",
        "0",
        "DONDOC_NODE_ROUTE",
        route);
    List<String> arguments = List.of(
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
        "--camunda.bpm.job-execution.wait-time-in-millis=1000",
        "--camunda.bpm.job-execution.max-wait=2000",
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
        // PostgreSQL is shared with the other test runs on the machine: a small pool each
        "--spring.datasource.hikari.maximum-pool-size=8",
        "--spring.datasource.hikari.minimum-idle=2",
        "--dondoc.outbox.poll-interval=200ms",
        "--dondoc.outbox.max-backoff=2s",
        // the job executor's health, with its lock owner, for admins
        "--management.health.camunda.enabled=true",
        // the realm's keys are re-fetched every 2 s, so that during the Keycloak outage the cache
        // is stale
        "--dondoc.keycloak.jwks-cache-time=PT2S");
    return AppNode.start(
        name,
        repository.resolve("app/target/dondoc-app.jar"),
        repository.resolve("app/target/cluster-it"),
        environment,
        arguments);
  }

  private static void run(String command) throws IOException, InterruptedException {
    log.info("running {}", command);
    Process process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
    assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS))
        .as("%s finished", command)
        .isTrue();
    assertThat(process.exitValue()).as(command).isZero();
  }

  /** A token from the realm through the Keycloak proxy, so that its issuer is the one the nodes expect. */
  private String token(String username) {
    String form =
        "grant_type=password&client_id=dondoc-api&username=" + username + "&password=demo";
    Api.Response response = Api.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + keycloak.port() + "/realms/dondoc/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json().path("access_token").asText();
  }

  /** The job executor's lock owner of a node, from its health details (admins see them). */
  private static String lockOwner(AppNode node, String adminToken) {
    JsonNode health = new Api(node.url()).get("/actuator/health", adminToken).json();
    String owner = health
        .path("components")
        .path("jobExecutor")
        .path("details")
        .path("jobExecutor")
        .path("lockOwner")
        .asText();
    assertThat(owner).as("lock owner in %s", health).isNotBlank();
    return owner;
  }

  private List<String> lockedBy(String owner) {
    return probe
        .sql("select id_ from act_ru_job where lock_owner_ = ?")
        .param(owner)
        .query(String.class)
        .list();
  }

  private long jobs(List<String> activities, List<String> instances) {
    return jdbc.sql("""
            select count(*) from act_ru_job j join act_ru_jobdef d on j.job_def_id_ = d.id_
             where d.act_id_ in (:activities) and j.process_instance_id_ in (:instances)""")
        .param("activities", activities)
        .param("instances", instances)
        .query(Long.class)
        .single();
  }

  private List<String> processInstances(List<String> codes) {
    List<String> instances = jdbc.sql(
            "select process_instance_id from feedback_item where code in (:codes)")
        .param("codes", codes)
        .query(String.class)
        .list();
    assertThat(instances).hasSize(codes.size()).doesNotContainNull();
    return instances;
  }

  /** Each case: its row, a running process, its audit event and its outbox row or search document. */
  private void assertCompletelyStored(List<String> codes) {
    if (codes.isEmpty()) {
      return;
    }
    assertThat(codes).doesNotHaveDuplicates();
    List<String> instances = processInstances(codes);
    assertThat(jdbc.sql(
                "select count(distinct proc_inst_id_) from act_ru_execution where proc_inst_id_ in (:ids)")
            .param("ids", instances)
            .query(Long.class)
            .single())
        .as("a running process each")
        .isEqualTo(codes.size());
    assertThat(jdbc.sql(
                "select count(distinct case_code) from audit_event where action = 'SUBMITTED' and case_code in (:codes)")
            .param("codes", codes)
            .query(Long.class)
            .single())
        .as("an audit event each")
        .isEqualTo(codes.size());
  }

  /** The outbox drains, and the index holds exactly the feedback items PostgreSQL holds (ids compared). */
  private void assertSearchIndexMatchesDatabase() {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from outbox").query(Long.class).single())
            .as("outbox backlog")
            .isZero());
    Set<String> stored = new HashSet<>(
        jdbc.sql("select code from feedback_item").query(String.class).list());
    assertThat(stored).containsAll(acceptedCodes);
    Set<String> indexed = indexedIds();
    log.info(
        "DRILL index check: {} feedback items in PostgreSQL, {} documents in the index, {} accepted by the tests",
        stored.size(),
        indexed.size(),
        acceptedCodes.size());
    assertThat(indexed).as("documents in the index").isEqualTo(stored);
  }

  private Set<String> indexedIds() {
    HttpClient http = HttpClient.newHttpClient();
    try {
      http.send(
          HttpRequest.newBuilder(URI.create(esUrl + "/" + alias + "/_refresh"))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.discarding());
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(
                  esUrl + "/" + alias + "/_search?size=10000&_source=false&q=case_type:feedback"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode hits = JSON.readTree(response.body()).path("hits").path("hits");
      Set<String> ids = new HashSet<>();
      hits.forEach(hit -> ids.add(hit.path("_id").asText()));
      return ids;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void deleteSearchIndices() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> aliases = http.send(
        HttpRequest.newBuilder(URI.create(esUrl + "/_alias/" + alias)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (aliases.statusCode() != 200) {
      return;
    }
    List<String> indices = new ArrayList<>();
    JSON.readTree(aliases.body()).fieldNames().forEachRemaining(indices::add);
    if (!indices.isEmpty()) {
      http.send(
          HttpRequest.newBuilder(URI.create(esUrl + "/" + String.join(",", indices)))
              .DELETE()
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  /** What a browser gets: redirects followed, cookies kept. */
  private static HttpResponse<String> browse(String url) throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(3))
        .build();
    try {
      return browser.send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Accept", "text/html")
              .timeout(Duration.ofSeconds(30))
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.net.ConnectException e) {
      throw new AssertionError("the browser was sent to an address that does not answer: " + e, e);
    }
  }
}
