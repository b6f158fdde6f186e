package vn.dondoc.bench;

import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.CaseIndex;
import vn.dondoc.search.VersionedCase;

/**
 * The staff pages at scale (bench/staff-pages): "Việc của tôi", the task list, a case page, the supervisor board
 * and search, each requested as a browser does, over HTTP with a session the real Keycloak login form opened,
 * one request at a time. Three phases, run by the script:
 * <ul>
 *   <li>{@code --phase index}: the search index from the database's cases (bench/sla-board.sql's), one document
 *       a case with its code, type, status, agency, field and instants, the text of a generated case
 *       (CaseGenerator) so that the index holds real sentences;</li>
 *   <li>{@code --phase time --label NAME}: times the pages, writes properties;</li>
 *   <li>{@code --phase report}: the small and the large run's properties into docs/PERFORMANCE.md.</li>
 * </ul>
 */
public final class StaffPagesBench {

  static final String SECTION = "staff-pages";
  static final String SUMMARY_ROW = "| staff pages p95 over HTTP with a session, worst page |";

  private String phase = "time";
  private String app = "http://127.0.0.1:18170";
  private String keycloak = "http://127.0.0.1:8180";
  private String db = "jdbc:postgresql://127.0.0.1:5432/dondoc_bench_pages";
  private String es = System.getenv().getOrDefault("DONDOC_ES_URL", "http://127.0.0.1:9200");
  private String alias = "bench-pages";
  private Path sources = Path.of("../shared/sources");
  private Path repo = Path.of(".");
  private String label = "large";
  private int requests = 200;
  private int warmUp = 20;
  /** The documents' external version: the large run's must be above the small run's, whose deletions ES remembers. */
  private long docVersion = 1;

  private Path dir = Path.of("bench/target/staff-pages");
  private Path out = Path.of("docs/PERFORMANCE.md");
  private String command = "bench/staff-pages";
  private String officer = "canbo.bkhcn";
  private String officerAgency = "bkhcn";
  private String supervisor = "giamsat";

  public static void main(String[] args) throws Exception {
    StaffPagesBench b = new StaffPagesBench();
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
        case "--label" -> b.label = args[++k];
        case "--requests" -> b.requests = Integer.parseInt(args[++k]);
        case "--warm-up" -> b.warmUp = Integer.parseInt(args[++k]);
        case "--doc-version" -> b.docVersion = Long.parseLong(args[++k]);
        case "--dir" -> b.dir = Path.of(args[++k]);
        case "--out" -> b.out = Path.of(args[++k]);
        case "--command" -> b.command = args[++k];
        default -> throw new IllegalArgumentException("unknown option " + args[k]);
      }
    }
    switch (b.phase) {
      case "index" -> b.index();
      case "time" -> b.time();
      case "report" -> b.report();
      default -> throw new IllegalArgumentException("unknown phase " + b.phase);
    }
  }

  // ---------------------------------------------------------------- the index

  private void index() throws Exception {
    Corpus corpus = Corpus.read(sources);
    CaseGenerator generator = new CaseGenerator(
        57, corpus, ReferenceData.agencyCodes(repo), ReferenceData.localityCodes(repo));
    String query = """
        select 'feedback' as t, code, status, handling_agency as agency, field, locality, submitted_at as created,
               updated_at as updated, null::date as due, status = 'ANSWERED' as closed from dondoc.feedback_item
        union all
        select 'task', case_code, status, lead_agency, field, null, created_at, updated_at, current_deadline,
               status = 'COMPLETED' from dondoc.task
        union all
        select 'extension', case_code, status, agency, null, null, requested_at, requested_at, proposed_deadline,
               status <> 'SUBMITTED' from dondoc.extension_request
        union all
        select 'initiative', case_code, status, receiving_agency, category, null, submitted_at, submitted_at, null,
               status <> 'SUBMITTED' from dondoc.initiative""";
    long started = System.nanoTime();
    long n = 0;
    try (RestClient rest = RestClient.builder(HttpHost.create(es)).build();
        Connection connection = DriverManager.getConnection(db, "dondoc", "dondoc")) {
      CaseIndex caseIndex = new CaseIndex(rest, alias);
      caseIndex.ensureExists(); // the versioned index behind the alias, as the app creates it
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(5000);
        try (ResultSet rows = statement.executeQuery(query)) {
          List<VersionedCase> batch = new ArrayList<>();
          while (rows.next()) {
            CaseDocument text = generator.generate(n++);
            Instant created = rows.getTimestamp("created").toInstant();
            Timestamp updated = rows.getTimestamp("updated");
            java.sql.Date due = rows.getDate("due");
            boolean closed = rows.getBoolean("closed");
            String agency = rows.getString("agency");
            CaseDocument d = CaseDocument.of(
                rows.getString("t"),
                rows.getString("code"),
                text.title(),
                text.content(),
                rows.getString("status"),
                null,
                agency,
                agency == null ? List.of() : List.of(agency),
                rows.getString("field"),
                rows.getString("locality"),
                created,
                updated == null ? created : updated.toInstant(),
                due == null
                    ? null
                    : due.toLocalDate().atStartOfDay(CaseGenerator.HANOI).toInstant(),
                closed ? (updated == null ? created : updated.toInstant()) : null,
                false);
            batch.add(new VersionedCase(d, docVersion));
            if (batch.size() == 1000) {
              Bench.indexBatch(caseIndex, batch);
            }
          }
          Bench.indexBatch(caseIndex, batch);
        }
      }
      caseIndex.refresh();
      Bench.log(
          "indexed %,d cases into %s in %d s",
          n, alias, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
  }

  // ---------------------------------------------------------------- the pages

  /** A browser of one person: cookies of the app and Keycloak, redirects followed, signed in through the login form. */
  private final class Session {
    final String username;
    final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new LoopbackCookies())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(60))
        .build();

    Session(String username) throws Exception {
      this.username = username;
      HttpResponse<String> login = get("/lam-viec");
      Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
          .matcher(login.body());
      if (!action.find()) {
        action = Pattern.compile("action=\"([^\"]+login-actions/authenticate[^\"]*)\"")
            .matcher(login.body());
        if (!action.find()) {
          throw new IllegalStateException(
              "no Keycloak login form for " + username + " at " + login.uri());
        }
      }
      String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
          + "&password=demo&credentialId=";
      HttpResponse<String> signedIn = http.send(
          HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(app)) {
        throw new IllegalStateException(
            username + " not signed in: " + signedIn.statusCode() + " at " + signedIn.uri());
      }
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(app + path))
              .header("Accept", "text/html")
              .timeout(Duration.ofMinutes(2))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** The page's time; fails unless it answered 200 with the page itself (not a login form or an error page). */
    long timed(String path) throws Exception {
      long t0 = System.nanoTime();
      HttpResponse<String> response = get(path);
      long nanos = System.nanoTime() - t0;
      if (response.statusCode() != 200
          || !response.uri().toString().startsWith(app)
          || response.body().contains("kc-form-login")) {
        throw new IllegalStateException(
            username + " " + path + " answered " + response.statusCode() + " at " + response.uri());
      }
      return nanos;
    }
  }

  /**
   * Cookies as a browser keeps them for the loopback address: Keycloak marks its login cookies Secure, and browsers
   * treat http://127.0.0.1 as a secure context and send them, where java.net.CookieManager would not.
   */
  private static final class LoopbackCookies extends CookieHandler {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders)
        throws java.io.IOException {
      cookies.getCookieStore().getCookies().forEach(cookie -> cookie.setSecure(false));
      return cookies.get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws java.io.IOException {
      cookies.put(uri, responseHeaders);
    }
  }

  private record Page(
      String key, String name, Session session, Function<SplittableRandom, String> path) {}

  private void time() throws Exception {
    String loadBefore = Bench.loadAverage();
    Instant started = Instant.now();
    Properties p = new Properties();
    List<String> caseCodes = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(db, "dondoc", "dondoc");
        Statement s = connection.createStatement()) {
      // the officer's own cases, open and closed, of every type the officer's agency leads
      try (ResultSet rows = s.executeQuery("""
          select code from (select code from dondoc.feedback_item where handling_agency = '%1$s'
            union all select case_code from dondoc.task where lead_agency = '%1$s') c order by md5(code) limit 500""".formatted(officerAgency))) {
        while (rows.next()) {
          caseCodes.add(rows.getString(1));
        }
      }
      p.setProperty(
          "cases",
          one(
              s,
              "select (select count(*) from dondoc.feedback_item) + (select count(*) from dondoc.task)"
                  + " + (select count(*) from dondoc.extension_request) + (select count(*) from dondoc.initiative)"));
      p.setProperty("open_tasks", one(s, "select count(*) from act_ru_task"));
      p.setProperty(
          "officer_tasks",
          one(
              s,
              "select count(*) from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_"
                  + " where l.group_id_ = 'agencies/" + officerAgency + "'"));
      p.setProperty(
          "officer_task_rows",
          one(s, "select count(*) from dondoc.task where lead_agency = '" + officerAgency + "'"));
      p.setProperty("clocks", one(s, "select count(*) from dondoc.sla_clock"));
      p.setProperty("audit_events", one(s, "select count(*) from dondoc.audit_event"));
      p.setProperty(
          "db_size", one(s, "select pg_size_pretty(pg_database_size(current_database()))"));
    }
    if (caseCodes.isEmpty()) {
      throw new IllegalStateException("no case of " + officerAgency + " in the database");
    }
    List<String> searches = searchTexts();
    Session officerSession = new Session(officer);
    Session supervisorSession = new Session(supervisor);
    List<Page> pages = List.of(
        new Page(
            "inbox",
            "baseline: the inbox (`/hop-thu`), empty, as `" + officer + "`",
            officerSession,
            r -> "/hop-thu"),
        new Page(
            "my-work",
            "\"Việc của tôi\" (`/lam-viec`) as `" + officer + "`",
            officerSession,
            r -> "/lam-viec"),
        new Page(
            "tasks",
            "the task list (`/lam-viec/nhiem-vu`) as `" + officer + "`",
            officerSession,
            r -> "/lam-viec/nhiem-vu"),
        new Page(
            "case",
            "a case page (`/ho-so/{code}`) as `" + officer + "`, one of 500 of its agency's cases",
            officerSession,
            r -> "/ho-so/" + caseCodes.get(r.nextInt(caseCodes.size()))),
        new Page(
            "board",
            "the supervisor board (`/giam-sat`) as `" + supervisor + "`",
            supervisorSession,
            r -> "/giam-sat"),
        new Page(
            "search-agency",
            "search (`/tim-kiem?q=…`) as `" + officer + "` (its agency's cases)",
            officerSession,
            r -> "/tim-kiem?q="
                + URLEncoder.encode(
                    searches.get(r.nextInt(searches.size())), StandardCharsets.UTF_8)),
        new Page(
            "search-all",
            "search (`/tim-kiem?q=…`) as `" + supervisor + "` (every case)",
            supervisorSession,
            r -> "/tim-kiem?q="
                + URLEncoder.encode(
                    searches.get(r.nextInt(searches.size())), StandardCharsets.UTF_8)));
    SplittableRandom r = new SplittableRandom(61);
    for (int k = 0; k < warmUp; k++) {
      for (Page page : pages) {
        page.session().timed(page.path().apply(r));
      }
    }
    Map<String, Latencies> latencies = new LinkedHashMap<>();
    pages.forEach(page -> latencies.put(page.key(), new Latencies()));
    for (int k = 0; k < requests; k++) {
      // the pages in turn, starting each round with another, so that none always follows the same
      // one
      for (int j = 0; j < pages.size(); j++) {
        Page page = pages.get((j + k) % pages.size());
        latencies.get(page.key()).add(page.session().timed(page.path().apply(r)));
      }
      if ((k + 1) % 50 == 0) {
        Bench.log("%s: %d of %d rounds", label, k + 1, requests);
      }
    }
    for (Page page : pages) {
      Latencies l = latencies.get(page.key());
      p.setProperty(page.key() + ".name", page.name());
      p.setProperty(page.key() + ".p50", fmt(l.percentileMillis(0.5)));
      p.setProperty(page.key() + ".p95", fmt(l.percentileMillis(0.95)));
      p.setProperty(page.key() + ".p99", fmt(l.percentileMillis(0.99)));
      p.setProperty(page.key() + ".max", fmt(l.percentileMillis(1.0)));
      Bench.log(
          "%s %-14s p50 %6.1f  p95 %6.1f  p99 %6.1f ms",
          label,
          page.key(),
          l.percentileMillis(0.5),
          l.percentileMillis(0.95),
          l.percentileMillis(0.99));
    }
    p.setProperty("pages", String.join(",", pages.stream().map(Page::key).toList()));
    p.setProperty("started", started.toString().substring(0, 19) + "Z");
    p.setProperty("load_before", loadBefore);
    p.setProperty("load_after", Bench.loadAverage());
    p.setProperty("requests", Integer.toString(requests));
    p.setProperty("warm_up", Integer.toString(warmUp));
    Files.createDirectories(dir);
    try (var w =
        Files.newBufferedWriter(dir.resolve(label + ".properties"), StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
  }

  /** 1–3 consecutive words of generated cases' folded titles and texts, as people type them. */
  private List<String> searchTexts() throws Exception {
    CaseGenerator generator = new CaseGenerator(
        57,
        Corpus.read(sources),
        ReferenceData.agencyCodes(repo),
        ReferenceData.localityCodes(repo));
    SplittableRandom r = new SplittableRandom(63);
    List<String> texts = new ArrayList<>();
    while (texts.size() < 500) {
      CaseDocument d = generator.generate(r.nextLong(100_000));
      String[] words = Arrays.stream(
              (r.nextInt(3) == 0 ? d.titleFolded() : d.contentFolded()).split("\\s+"))
          .map(w -> w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", ""))
          .filter(w -> w.matches("\\p{L}{2,}"))
          .toArray(String[]::new);
      if (words.length >= 3) {
        int n = 1 + r.nextInt(3);
        int start = r.nextInt(words.length - n + 1);
        texts.add(String.join(" ", Arrays.copyOfRange(words, start, start + n)));
      }
    }
    return texts;
  }

  private static String one(Statement s, String sql) throws Exception {
    try (ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static String fmt(double millis) {
    return String.format(Locale.ROOT, "%.1f", millis);
  }

  // ---------------------------------------------------------------- the report

  private void report() throws Exception {
    Properties small = Sections.load(dir, "small");
    Properties large = Sections.load(dir, "large");
    Properties meta = Sections.load(dir, "meta");
    StringBuilder table = new StringBuilder("""
        | page | p50 (ms), %s cases | p95 (ms), %s cases | p50 (ms), %s cases | p95 (ms) | p99 (ms) | max (ms) | ratio p95 |
        |---|---:|---:|---:|---:|---:|---:|---:|
        """.formatted(
            thousands(small.getProperty("cases")),
            thousands(small.getProperty("cases")),
            thousands(large.getProperty("cases"))));
    double worst = 0;
    String worstPage = "";
    for (String key : large.getProperty("pages").split(",")) {
      double p95 = Double.parseDouble(large.getProperty(key + ".p95"));
      if (!key.equals("inbox") && p95 > worst) {
        worst = p95;
        worstPage = large.getProperty(key + ".name");
      }
      table.append(String.format(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %s | %s | %.2f× |\n",
          large.getProperty(key + ".name"),
          small.getProperty(key + ".p50"),
          small.getProperty(key + ".p95"),
          large.getProperty(key + ".p50"),
          large.getProperty(key + ".p95"),
          large.getProperty(key + ".p99"),
          large.getProperty(key + ".max"),
          p95 / Double.parseDouble(small.getProperty(key + ".p95"))));
    }
    boolean met = worst <= 300;
    String block = String.format(
        Locale.ROOT,
        """

        ## Staff pages at scale (issue 20, item 10)

        Command: `%s`, run %s to %s; load average before the large run %s, after %s (the small run: before %s, after %s).

        %s
        **Target p95 ≤ 300 ms at %s cases: %s** (worst: %s, p95 %.1f ms).

        Each page requested as a browser does (`Accept: text/html`, redirects followed) by a session that signed in
        through the real Keycloak login form (authorisation code flow, the demo users), one request at a time, the
        pages in turn; %s rounds after %s warm-up rounds in each run. Both runs on the same app (the jar, `-Xmx1g`, job
        executor off, on a database and alias of its own), the same day: first with %s cases in the database and the
        index, then emptied and filled again with %s (the first columns are the baseline; the ratio is p95 large ÷ p95
        small). A second baseline in each run is the inbox (`/hop-thu`): the same security, session and page frame
        (the header counts the user's unread notifications and open steps), with no list of its own (the bench
        writes no notification).

        What the database held in the large run: %s cases (`bench/sla-board.sql`: feedback, tasks and their
        co-operating agencies, extension requests, initiatives), %s SLA clocks, %s audit events (three a case), %s open
        user tasks in the engine's tables (`bench/staff-pages.sql`: one process instance and its waiting step for every
        open case, with the candidate group and the variables the pages read), of which %s for `agencies/%s`, the
        officer's agency, which leads %s tasks; %s on disk. The index held one document a case of the database (same
        code, type, status, agency, field, instants; the title and text of a generated case, CaseGenerator), so the
        case pages find their case and search matches real sentences. Search texts: 1–3 consecutive words of
        generated cases' folded titles or texts; case pages: 500 cases of the officer's agency, open and closed.
        """,
        command,
        meta.getProperty("started"),
        meta.getProperty("finished"),
        large.getProperty("load_before"),
        large.getProperty("load_after"),
        small.getProperty("load_before"),
        small.getProperty("load_after"),
        table,
        thousands(large.getProperty("cases")),
        met ? "met" : "not met",
        worstPage,
        worst,
        large.getProperty("requests"),
        large.getProperty("warm_up"),
        thousands(small.getProperty("cases")),
        thousands(large.getProperty("cases")),
        thousands(large.getProperty("cases")),
        thousands(large.getProperty("clocks")),
        thousands(large.getProperty("audit_events")),
        thousands(large.getProperty("open_tasks")),
        thousands(large.getProperty("officer_tasks")),
        officerAgency,
        thousands(large.getProperty("officer_task_rows")),
        large.getProperty("db_size"));
    Sections.replace(out, SECTION, block);
    String row = String.format(
        Locale.ROOT,
        "%s ≤ 300 ms | %.0f ms (%s) | %s |",
        SUMMARY_ROW,
        worst,
        worstPage.replaceAll(" as `.*", "").replace("|", "/"),
        met ? "yes" : "no");
    Sections.replaceRow(out, SUMMARY_ROW, row);
    Bench.log("wrote %s", out);
  }

  private static String thousands(String number) {
    return number == null ? "?" : String.format(Locale.ROOT, "%,d", Long.parseLong(number.trim()));
  }
}
