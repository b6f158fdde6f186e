package vn.dondoc.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.CaseHits;
import vn.dondoc.search.CaseIndex;
import vn.dondoc.search.CaseQuery;
import vn.dondoc.search.SearchScope;
import vn.dondoc.search.SimilarItem;
import vn.dondoc.search.VersionedCase;
import vn.dondoc.search.VietnameseFolding;

/**
 * Measures the search module against the local Elasticsearch, each figure next to a baseline measured
 * in the same run, and writes docs/PERFORMANCE.md. See bench/run for the options.
 */
public final class Bench {

  static final String RAW_INDEX = "bench-raw";
  static final String ALIAS = "bench-cases";
  /** Everything from this line on in docs/PERFORMANCE.md is written by people and kept by a new run. */
  static final String NOTES = "<!-- notes: written by hand, kept by bench/run -->";

  private final Options options;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final Map<String, String> results = new LinkedHashMap<>();
  private final StringBuilder report = new StringBuilder();
  private int retries;

  private RestClient restClient;
  private ElasticsearchClient client;
  private CaseIndex caseIndex;
  private CaseGenerator generator;

  Bench(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    new Bench(options).run();
  }

  void run() throws Exception {
    Instant started = Instant.now();
    Corpus corpus = Corpus.read(options.sources);
    generator = new CaseGenerator(
        options.seed,
        corpus,
        ReferenceData.agencyCodes(options.repo),
        ReferenceData.localityCodes(options.repo));
    log(
        "corpus: %d sentences from %s; %d agencies",
        corpus.size(), options.sources, generator.agencies().size());
    restClient = RestClient.builder(HttpHost.create(options.es)).build();
    client = CaseIndex.clientFor(restClient);
    caseIndex = new CaseIndex(restClient, ALIAS);
    String machine = machine();
    String loadBefore = loadAverage();
    if (options.searchOnly) {
      try {
        searchOnly();
      } finally {
        restClient.close();
      }
      return;
    }
    try {
      dropIndices();
      createIndices();
      String indexing = indexing();
      String index = indexFigures();
      String search = search() + "\n" + duplicateSearch();
      writeReport(started, machine, loadBefore, indexing, index, search);
    } finally {
      if (!options.keep) {
        dropIndices();
      }
      restClient.close();
    }
  }

  // ---------------------------------------------------------------- indexing

  private void createIndices() throws Exception {
    byte[] mapping;
    try (InputStream in = CaseIndex.class.getResourceAsStream("/search/cases-mapping.json")) {
      mapping = in.readAllBytes();
    }
    HttpResponse<String> created = retrying(() -> http.send(
        HttpRequest.newBuilder(uri("/" + RAW_INDEX))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(mapping))
            .build(),
        HttpResponse.BodyHandlers.ofString()));
    if (created.statusCode() != 200) {
      throw new IllegalStateException("cannot create " + RAW_INDEX + ": " + created.body());
    }
    retrying(() -> {
      caseIndex.ensureExists();
      return null;
    });
  }

  private void dropIndices() {
    for (String name :
        List.of(RAW_INDEX, caseIndex.currentIndexName(), caseIndex.currentUnansweredIndexName())) {
      try {
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(uri("/" + name)).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          log("deleted index %s", name);
        }
      } catch (IOException | InterruptedException e) {
        log(
            "could not delete %s (%s); delete it by hand: curl -X DELETE %s/%s",
            name, e, options.es, name);
      }
    }
  }

  /**
   * Each batch is generated once (not timed), written as NDJSON (not timed), then sent both ways, the
   * order alternating from batch to batch, so both indices grow side by side under the same merges.
   */
  private String indexing() throws Exception {
    Latencies raw = new Latencies();
    Latencies ours = new Latencies();
    long generation = 0;
    long serialisation = 0;
    int batches = 0;
    for (long from = 0; from < options.cases; from += options.batch) {
      long t0 = System.nanoTime();
      int size = (int) Math.min(options.batch, options.cases - from);
      List<VersionedCase> batch = new ArrayList<>(size);
      for (long i = from; i < from + size; i++) {
        batch.add(generator.versioned(i));
      }
      long t1 = System.nanoTime();
      byte[] ndjson = ndjson(batch);
      serialisation += System.nanoTime() - t1;
      generation += t1 - t0;
      if (batches++ % 2 == 0) {
        raw.add(timedRawBulk(ndjson));
        ours.add(timedCaseIndex(batch));
      } else {
        ours.add(timedCaseIndex(batch));
        raw.add(timedRawBulk(ndjson));
      }
      if (batches % 100 == 0) {
        log(
            "indexed %,d of %,d (raw %.0f docs/s, CaseIndex %.0f docs/s)",
            from + size,
            options.cases,
            (from + size) / (raw.totalNanos() / 1e9),
            (from + size) / (ours.totalNanos() / 1e9));
      }
    }
    double rawRate = options.cases / (raw.totalNanos() / 1e9);
    double ourRate = options.cases / (ours.totalNanos() / 1e9);
    double ratio = ourRate / rawRate;
    double rawWithJson = options.cases / ((raw.totalNanos() + serialisation) / 1e9);
    results.put("index.raw.docs_per_s", String.format(Locale.ROOT, "%.0f", rawRate));
    results.put("index.ours.docs_per_s", String.format(Locale.ROOT, "%.0f", ourRate));
    log(
        "indexing: raw %.0f docs/s, CaseIndex %.0f docs/s, ratio %.2f (generation %.1f s, not timed)",
        rawRate, ourRate, ratio, generation / 1e9);
    return String.format(
        Locale.ROOT,
        """
        | path | time sending (s) | docs/s | bulk p50 (ms) | bulk p99 (ms) |
        |---|---:|---:|---:|---:|
        | baseline: raw `_bulk` over `java.net.http`, pre-serialised NDJSON, no versions, into `%s` | %.1f | %,.0f | %.1f | %.1f |
        | the same baseline, counting the time Jackson took to write the NDJSON too | %.1f | %,.0f | | |
        | `CaseIndex.index` (its own NDJSON through the low-level RestClient, external versions), into `%s` | %.1f | %,.0f | %.1f | %.1f |

        **Ratio CaseIndex / baseline: %.2f×** (target ≥ 0.7×: **%s**); against the baseline with its
        serialisation counted: %.2f×.

        Batches of %,d documents, one request at a time, the two paths alternating batch by batch (same
        documents, same moment, same merges running). Only the sending is timed: generating the cases (%.0f s
        for both) is not, nor (first row) writing the baseline's NDJSON. The baseline's time is request and
        response bytes only; CaseIndex's includes writing the NDJSON (Jackson) and reading the response's
        failed items. Every batch of both paths was checked for item errors (none).
        """,
        RAW_INDEX,
        raw.totalNanos() / 1e9,
        rawRate,
        raw.percentileMillis(0.5),
        raw.percentileMillis(0.99),
        (raw.totalNanos() + serialisation) / 1e9,
        rawWithJson,
        ALIAS,
        ours.totalNanos() / 1e9,
        ourRate,
        ours.percentileMillis(0.5),
        ours.percentileMillis(0.99),
        ratio,
        ratio >= 0.7 ? "met" : "not met",
        ourRate / rawWithJson,
        options.batch,
        generation / 1e9);
  }

  private byte[] ndjson(List<VersionedCase> batch) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 2048);
    for (VersionedCase versioned : batch) {
      out.write(("{\"index\":{\"_index\":\"" + RAW_INDEX + "\",\"_id\":"
              + json.writeValueAsString(versioned.document().code()) + "}}\n")
          .getBytes(StandardCharsets.UTF_8));
      out.write(json.writeValueAsBytes(versioned.document()));
      out.write('\n');
    }
    return out.toByteArray();
  }

  private long timedRawBulk(byte[] ndjson) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri("/_bulk"))
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson))
        .build();
    long[] took = new long[1];
    HttpResponse<byte[]> response = retrying(() -> {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      took[0] = System.nanoTime() - t0;
      return r;
    });
    String head = new String(
        response.body(), 0, Math.min(200, response.body().length), StandardCharsets.UTF_8);
    if (response.statusCode() != 200 || !head.contains("\"errors\":false")) {
      throw new IllegalStateException("raw bulk failed: " + head);
    }
    return took[0];
  }

  private long timedCaseIndex(List<VersionedCase> batch) throws Exception {
    long[] took = new long[1];
    Map<String, String> failed = retrying(() -> {
      long t0 = System.nanoTime();
      Map<String, String> f = caseIndex.index(batch);
      took[0] = System.nanoTime() - t0;
      return f;
    });
    if (!failed.isEmpty()) {
      throw new IllegalStateException("CaseIndex refused " + failed.size() + " documents, e.g. "
          + failed.entrySet().iterator().next());
    }
    return took[0];
  }

  private String indexFigures() throws Exception {
    caseIndex.refresh();
    send("POST", "/" + RAW_INDEX + "/_refresh", null);
    long settleSeconds = settle();
    StringBuilder table = new StringBuilder(
        "| index | documents | size on disk | segments |\n|---|---:|---:|---:|\n");
    for (String name : List.of(RAW_INDEX, caseIndex.currentIndexName())) {
      JsonNode stats = json.readTree(send("GET", "/" + name + "/_stats/docs,store,segments", null))
          .path("_all")
          .path("primaries");
      long docs = stats.path("docs").path("count").asLong();
      if (docs != options.cases) {
        throw new IllegalStateException(
            name + " holds " + docs + " documents, not " + options.cases);
      }
      table.append(String.format(
          Locale.ROOT,
          "| `%s` | %,d | %.0f MiB | %d |\n",
          name,
          docs,
          stats.path("store").path("size_in_bytes").asLong() / 1048576.0,
          stats.path("segments").path("count").asLong()));
    }
    return table + String.format(Locale.ROOT, """

        The searches below started once Elasticsearch had finished merging the segments the bulk load wrote,
        %d s after the last bulk request, as an index that is not being bulk-loaded is; searches during a load
        compete with its merges for the two cores (see the notes).
        """, settleSeconds);
  }

  /**
   * Waits until neither index is merging (two looks 2 s apart, at most ten minutes): the bulk load leaves
   * dozens of segments that Elasticsearch merges in the background for minutes afterwards.
   *
   * @return the seconds waited
   */
  private long settle() throws Exception {
    long started = System.nanoTime();
    int quiet = 0;
    while (quiet < 2 && System.nanoTime() - started < Duration.ofMinutes(10).toNanos()) {
      long merging = 0;
      for (String name : List.of(RAW_INDEX, caseIndex.currentIndexName())) {
        merging += json.readTree(send("GET", "/" + name + "/_stats/merge", null))
            .path("_all")
            .path("primaries")
            .path("merges")
            .path("current")
            .asLong();
      }
      quiet = merging == 0 ? quiet + 1 : 0;
      Thread.sleep(2000);
    }
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    log("merges settled after %d s", seconds);
    return seconds;
  }

  /**
   * Times the searches again on the indices a run with --keep left, without indexing anything and without
   * touching the report: for trying a change to the search and comparing with the same data.
   */
  private void searchOnly() throws Exception {
    long documents = json.readTree(sendBytes("GET", "/" + ALIAS + "/_count", null))
        .path("count")
        .asLong();
    if (documents != options.cases) {
      throw new IllegalStateException(ALIAS + " holds " + documents + " documents, not --cases "
          + options.cases + ": run bench/run --keep with the same --cases first");
    }
    System.out.println(search());
    System.out.println(duplicateSearch());
  }

  // ---------------------------------------------------------------- search

  record SearchCase(String text, String caseType, String status, String field, String agency) {}

  /** A query made from case {@code j}: 1–3 consecutive words of its folded text, its type, status and field. */
  SearchCase searchCase(SplittableRandom r) {
    while (true) {
      CaseDocument document = generator.generate(r.nextLong(options.cases));
      if (document.leadAgency() == null) {
        continue;
      }
      String source = r.nextInt(3) == 0 ? document.titleFolded() : document.contentFolded();
      // Whole words of letters only, as the standard tokenizer sees them ("k.chuyen" is one token,
      // not two).
      String[] words = Arrays.stream(source.split("\\s+"))
          .map(w -> w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", ""))
          .filter(w -> w.matches("\\p{L}{2,}"))
          .toArray(String[]::new);
      if (words.length < 3) {
        continue;
      }
      int n = 1 + r.nextInt(3);
      int start = r.nextInt(words.length - n + 1);
      String text = String.join(" ", Arrays.copyOfRange(words, start, start + n));
      return new SearchCase(
          text, document.caseType(), document.status(), document.field(), document.leadAgency());
    }
  }

  private String search() throws Exception {
    SplittableRandom r = new SplittableRandom(options.seed + 1);
    List<SearchCase> warmUp = new ArrayList<>();
    for (int k = 0; k < options.warmUp; k++) {
      warmUp.add(searchCase(r));
    }
    List<SearchCase> queries = new ArrayList<>();
    for (int k = 0; k < options.queries; k++) {
      queries.add(searchCase(r));
    }
    for (SearchCase q : warmUp) {
      for (boolean agency : new boolean[] {true, false}) {
        ours(q, agency);
        baseline(q, agency);
      }
    }
    Latencies oursAgency = new Latencies();
    Latencies baseAgency = new Latencies();
    Latencies oursAll = new Latencies();
    Latencies baseAll = new Latencies();
    long[] totalsAgency = new long[queries.size()];
    long[] totalsAll = new long[queries.size()];
    int mismatches = 0;
    int k = 0;
    for (SearchCase q : queries) {
      long[] o = new long[2];
      long[] b = new long[2];
      boolean baselineFirst = k % 2 == 1;
      for (int s = 0; s < 2; s++) {
        boolean agency = s == 0;
        long[] ours;
        long[] base;
        if (baselineFirst) {
          base = baseline(q, agency);
          ours = ours(q, agency);
        } else {
          ours = ours(q, agency);
          base = baseline(q, agency);
        }
        (agency ? oursAgency : oursAll).add(ours[0]);
        (agency ? baseAgency : baseAll).add(base[0]);
        o[s] = ours[1];
        b[s] = base[1];
      }
      if (o[0] != b[0] || o[1] != b[1]) {
        mismatches++;
      }
      if (o[0] == 0 || o[1] == 0) {
        log("no hit: %s (agency scope %d, unrestricted %d)", q, o[0], o[1]);
      }
      totalsAgency[k] = o[0];
      totalsAll[k] = o[1];
      k++;
    }
    long zeroAgency = Arrays.stream(totalsAgency).filter(t -> t == 0).count();
    long zeroAll = Arrays.stream(totalsAll).filter(t -> t == 0).count();
    Arrays.sort(totalsAgency);
    Arrays.sort(totalsAll);
    results.put(
        "search.agency.p99_ms",
        String.format(Locale.ROOT, "%.1f", oursAgency.percentileMillis(0.99)));
    results.put(
        "search.all.p99_ms", String.format(Locale.ROOT, "%.1f", oursAll.percentileMillis(0.99)));
    log(
        "search p99: agency %.1f ms, unrestricted %.1f ms; baseline %.1f / %.1f ms; mismatched totals %d",
        oursAgency.percentileMillis(0.99),
        oursAll.percentileMillis(0.99),
        baseAgency.percentileMillis(0.99),
        baseAll.percentileMillis(0.99),
        mismatches);
    double worst = Math.max(oursAgency.percentileMillis(0.99), oursAll.percentileMillis(0.99));
    SearchCase example = queries.get(0);
    return String.format(
        Locale.ROOT,
        """
        | scope | path | p50 (ms) | p99 (ms) | ratio p50 | ratio p99 |
        |---|---|---:|---:|---:|---:|
        %s
        %s
        %s
        %s

        **Target p99 ≤ 50 ms: %s** (worst p99 of CaseIndex.search %.1f ms).

        %,d queries per scope, after %,d warm-up queries per scope and path; one query at a time; CaseIndex and
        the baseline alternate which goes first. Each query is built from a generated case that is in the index:
        1–3 consecutive words of its folded title or content (no diacritics) and three facet filters, its case
        type, status and field, e.g. `%s` with type=%s, status=%s, field=%s. The agency scope is the case's lead
        agency (`SearchScope.ofAgencies`); unrestricted is `SearchScope.unrestricted()`. CaseIndex.search is
        the app's search: page of 20, 7 facets, highlighting, sorted by relevance with its ranking clauses
        (phrases, exact diacritics) as a rescore of the best 200 matches.
        The baseline sends only what the match needs over `java.net.http`: the folded `multi_match` (cross
        fields, AND), the same scope and filters, 20 hits, exact total, no facets, highlights, phrase clauses
        or sort; its time is request and response bytes only.

        Sanity: queries with no hit: %d with the agency scope, %d unrestricted (each query's case matches it, so
        0 is expected); total hits, median / p99 / max: %,d / %,d / %,d (agency scope), %,d / %,d / %,d
        (unrestricted); queries whose total differed between CaseIndex and the baseline: %d.
        """,
        row("agency", "CaseIndex.search", oursAgency, baseAgency),
        row("agency", "baseline", baseAgency, baseAgency),
        row("unrestricted", "CaseIndex.search", oursAll, baseAll),
        row("unrestricted", "baseline", baseAll, baseAll),
        worst <= 50 ? "met" : "not met",
        worst,
        options.queries,
        options.warmUp,
        example.text(),
        example.caseType(),
        example.status(),
        example.field(),
        zeroAgency,
        zeroAll,
        totalsAgency[totalsAgency.length / 2],
        totalsAgency[(int) Math.ceil(0.99 * totalsAgency.length) - 1],
        totalsAgency[totalsAgency.length - 1],
        totalsAll[totalsAll.length / 2],
        totalsAll[(int) Math.ceil(0.99 * totalsAll.length) - 1],
        totalsAll[totalsAll.length - 1],
        mismatches);
  }

  /**
   * The duplicate search every new feedback item's first user task runs (FeedbackDuplicates): CaseIndex's
   * more-like-this over the unanswered feedback items within its bounds (SimilarityBounds.ofFeedback: field or
   * locality, six months), one at a time; timed next to CaseIndex.search's. Each query is an unanswered item of the
   * index sent again as a citizen would: one of its sentences left out and, every other time, without diacritics.
   * What it finds is measured too, so that a faster search is not bought with worse duplicates: whether the item
   * itself is among the five hits, and how many of its words the hits share (their mean Jaccard index, by
   * WordOverlap).
   */
  private String duplicateSearch() throws Exception {
    SplittableRandom r = new SplittableRandom(options.seed + 2);
    Instant since =
        CaseIndex.SimilarityBounds.ofFeedback(null, null, CaseGenerator.AS_OF).since();
    List<CaseDocument> items = new ArrayList<>();
    while (items.size() < options.warmUp + options.queries) {
      CaseDocument document = generator.generate(r.nextLong(options.cases));
      if (document.caseType().equals("feedback")
          && document.closedAt() == null
          && !List.of("ANSWERED", "CLOSED").contains(document.status())
          && !document.createdAt().isBefore(since)) {
        items.add(document);
      }
    }
    Latencies latencies = new Latencies();
    long foundAgain = 0;
    double overlap = 0;
    for (int k = 0; k < items.size(); k++) {
      CaseDocument item = items.get(k);
      String resent = resent(item, k, r);
      List<List<SimilarItem>> hits = new ArrayList<>(List.of(List.of()));
      long nanos = retrying(() -> {
        long t0 = System.nanoTime();
        hits.set(
            0,
            caseIndex.similarUnansweredFeedback(
                resent,
                "PAKN-NEW",
                CaseIndex.SimilarityBounds.ofFeedback(
                    item.field(), item.locality(), CaseGenerator.AS_OF),
                5));
        return System.nanoTime() - t0;
      });
      if (k >= options.warmUp) {
        latencies.add(nanos);
        foundAgain += hits.get(0).stream().anyMatch(h -> h.code().equals(item.code())) ? 1 : 0;
        overlap += hits.get(0).stream().mapToDouble(SimilarItem::sharedWords).sum() / 5;
      }
    }
    long unanswered = json.readTree(
            send("GET", "/" + caseIndex.unansweredAlias() + "/_count", null))
        .path("count")
        .asLong();
    results.put(
        "duplicates.p99_ms", String.format(Locale.ROOT, "%.1f", latencies.percentileMillis(0.99)));
    log(
        "duplicate search p99 %.1f ms over %,d unanswered feedback items; the item found again %.0f %%",
        latencies.percentileMillis(0.99), unanswered, 100.0 * foundAgain / options.queries);
    return String.format(
        Locale.ROOT,
        """
        ### The duplicate search of a new feedback item

        | path | unanswered feedback items | p50 (ms) | p99 (ms) | max (ms) | the item found again | words shared with the 5 hits (mean Jaccard) |
        |---|---:|---:|---:|---:|---:|---:|
        | CaseIndex.similarUnansweredFeedback | %,d | %.1f | %.1f | %.1f | %.0f %% | %.3f |

        **Target p99 ≤ 20 ms: %s.**

        %,d items after %,d warm-up ones, one at a time. Each is an unanswered item of the index sent again as a
        citizen would: one of its sentences left out and, every other time, without diacritics, under a new code. It
        is searched for among the unanswered feedback items within the bounds FeedbackDuplicates gives it
        (`CaseIndex.SimilarityBounds.ofFeedback`, taken as submitted at the generated cases' "now", %s): the same
        field or the same locality, submitted in the six months before it. The search reads the index of unanswered
        items alone (`CaseIndex.UNANSWERED_SUFFIX`): a more-like-this on the folded title and text finds the
        candidates (the text's %d most telling words, 60 %% to match), and the best %d are ordered by the words
        they share with the text (`WordOverlap`, the Jaccard index of the two sets of words); 5 hits. "The item found
        again" counts the items among their resending's five hits: the generated items are drawn from one pool of
        sentences, so many share the very same text under another title, and an item can lose its place to those
        twins. The last column is what the ordering maximises, shown so that the figure can be compared with
        other orderings. The first column is what the search compares against. The same search over the index of
        every case took p99 175.7 ms unbounded (01/12/2026), and 25.5 ms bounded, with a first pass on the less
        common words and a rescore (06/12/2026). FeedbackDuplicates runs it after the submission's
        transaction has committed, off the request; a submission's own latency against the number of open items is
        `bench/submission-scale`'s.
        """,
        unanswered,
        latencies.percentileMillis(0.5),
        latencies.percentileMillis(0.99),
        latencies.percentileMillis(1.0),
        100.0 * foundAgain / options.queries,
        overlap / options.queries,
        latencies.percentileMillis(0.99) <= 20 ? "met" : "not met",
        options.queries,
        options.warmUp,
        CaseGenerator.AS_OF,
        CaseIndex.SIMILAR_QUERY_WORDS,
        CaseIndex.SIMILAR_CANDIDATES);
  }

  /** An item as its sender might send it again: one sentence of several left out, every other time unaccented. */
  private static String resent(CaseDocument item, int k, SplittableRandom r) {
    List<String> sentences = new ArrayList<>(Arrays.asList(item.content().split("(?<=[.!?])\\s+")));
    if (sentences.size() > 1) {
      sentences.remove(r.nextInt(sentences.size()));
    }
    String text = item.title() + " " + String.join(" ", sentences);
    return k % 2 == 0 ? text : VietnameseFolding.fold(text);
  }

  /** The SLA board's summary row as bench/sla-board last wrote it (its section is kept too), or "not measured". */
  static String slaBoardRow(String previousReport) {
    String notMeasured = SlaBoardBench.SUMMARY_ROW
        + " ≤ 100 ms | not measured by bench/run: see `bench/sla-board` below | — |";
    return previousReport
        .lines()
        .filter(line -> line.startsWith(SlaBoardBench.SUMMARY_ROW))
        .findFirst()
        .orElse(notMeasured);
  }

  /** The staff pages' summary row as bench/staff-pages last wrote it (its section is kept too), or "not measured". */
  static String staffPagesRow(String previousReport) {
    String notMeasured = StaffPagesBench.SUMMARY_ROW
        + " ≤ 300 ms | not measured by bench/run: see `bench/staff-pages` below | — |";
    return previousReport
        .lines()
        .filter(line -> line.startsWith(StaffPagesBench.SUMMARY_ROW))
        .findFirst()
        .orElse(notMeasured);
  }

  /** A summary row another bench script writes, as it last wrote it, or "not measured". */
  static String keptRow(String previousReport, String rowStart, String target, String script) {
    String notMeasured =
        rowStart + " " + target + " | not measured by bench/run: see `" + script + "` below | — |";
    return previousReport
        .lines()
        .filter(line -> line.startsWith(rowStart))
        .findFirst()
        .orElse(notMeasured);
  }

  private static String row(String scope, String path, Latencies l, Latencies baseline) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.1f | %.1f | %.2f× | %.2f× |",
        scope,
        path,
        l.percentileMillis(0.5),
        l.percentileMillis(0.99),
        l.percentileMillis(0.5) / baseline.percentileMillis(0.5),
        l.percentileMillis(0.99) / baseline.percentileMillis(0.99));
  }

  /** CaseIndex.search: {nanos, total}. */
  private long[] ours(SearchCase q, boolean agencyScope) throws Exception {
    CaseQuery query =
        new CaseQuery(q.text(), q.caseType(), q.status(), null, null, q.field(), null, 0, 20);
    SearchScope scope =
        agencyScope ? SearchScope.ofAgencies(Set.of(q.agency())) : SearchScope.unrestricted();
    long[] result = new long[2];
    retrying(() -> {
      long t0 = System.nanoTime();
      CaseHits hits = caseIndex.search(query, scope);
      result[0] = System.nanoTime() - t0;
      result[1] = hits.total();
      return null;
    });
    return result;
  }

  /** The baseline query over raw HTTP: {nanos, total}. */
  private long[] baseline(SearchCase q, boolean agencyScope) throws Exception {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("size", 20).put("track_total_hits", true);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ObjectNode multiMatch = bool.putArray("must").addObject().putObject("multi_match");
    multiMatch.put("query", q.text()).put("type", "cross_fields").put("operator", "and");
    multiMatch.putArray("fields").add("title_folded^2").add("content_folded");
    ArrayNode filter = bool.putArray("filter");
    if (agencyScope) {
      filter.addObject().putObject("terms").putArray("agencies").add(q.agency());
    }
    filter.addObject().putObject("term").put("case_type", q.caseType());
    filter.addObject().putObject("term").put("status", q.status());
    filter.addObject().putObject("term").put("field", q.field());
    byte[] request = json.writeValueAsBytes(body);
    long[] result = new long[2];
    byte[] response = retrying(() -> {
      long t0 = System.nanoTime();
      byte[] bytes = sendBytes("POST", "/" + ALIAS + "/_search", request);
      result[0] = System.nanoTime() - t0;
      return bytes;
    });
    result[1] = json.readTree(response).path("hits").path("total").path("value").asLong();
    return result;
  }

  // ---------------------------------------------------------------- report

  private void writeReport(
      Instant started,
      String machine,
      String loadBefore,
      String indexing,
      String index,
      String search)
      throws IOException {
    Duration took = Duration.between(started, Instant.now());
    double indexRatio = number("index.ours.docs_per_s") / number("index.raw.docs_per_s");
    // bench/outbox-lag's figures (each run dated) and the notes written by people survive a new
    // run.
    String previous =
        Files.exists(options.out) ? Files.readString(options.out, StandardCharsets.UTF_8) : "";
    String lagSection = """

        ## Outbox lag under steady load

        Not measured by this run: it needs the running app (PostgreSQL, Camunda, the relay) under a steady
        submission rate, and `bench/run` measures the search module alone. `bench/outbox-lag` starts the app on
        a database of its own and replaces this section with its figures.
        """;
    List<String> kept = markedSections(previous);
    boolean lagKept = kept.stream().anyMatch(section -> section.startsWith(OutboxLag.BEGIN));
    boolean lagMeasured = lagKept
        && kept.stream()
            .anyMatch(section ->
                section.startsWith(OutboxLag.BEGIN) && section.contains("<!-- outbox-lag-run "));
    report
        .append("# Performance\n\n")
        .append(
            "Written by `bench/run` (module `bench/`, not part of the default build) and `bench/outbox-lag`; do not\n")
        .append("edit the figures by hand, run them again (notes at the end are kept).\n")
        .append(
            "Every figure is measured next to a baseline in the same run, and the ratio is what to compare\n")
        .append(
            "between runs and machines; the absolute figures depend on this machine and on what else it was\n")
        .append(
            "doing (the project's other services ran alongside). Tests never assert on these times.\n\n")
        .append("## Run\n\n")
        .append(machine)
        .append(String.format(
            Locale.ROOT,
            """
            - Command: `%s`
            - Cases: %,d generated (seed %d) from %s; run started %s, took %d min %d s
            - Load average (1/5/15 min) before the run: %s; after: %s
            - Retried requests (Elasticsearch unreachable, only the successful attempt timed): %d

            """,
            options.command,
            options.cases,
            options.seed,
            "`" + options.sources + "`",
            DateTimeFormatter.ISO_INSTANT.format(
                started.atOffset(ZoneOffset.UTC).withNano(0)),
            took.toMinutes(),
            took.toSecondsPart(),
            loadBefore,
            loadAverage(),
            retries))
        .append("""
            ## Summary

            | figure | target | result | met |
            |---|---|---|---|
            """)
        .append(String.format(
            Locale.ROOT,
            "| indexing, CaseIndex / raw `_bulk` | ≥ 0.7× | %s / %s docs/s = %.2f× | %s |\n",
            results.get("index.ours.docs_per_s"),
            results.get("index.raw.docs_per_s"),
            indexRatio,
            met(indexRatio >= 0.7)))
        .append(String.format(
            Locale.ROOT,
            "| search p99, agency scope / unrestricted | ≤ 50 ms | %s / %s ms | %s |\n",
            results.get("search.agency.p99_ms"),
            results.get("search.all.p99_ms"),
            met(number("search.agency.p99_ms") <= 50 && number("search.all.p99_ms") <= 50)))
        .append(String.format(
            Locale.ROOT,
            "| duplicate search p99, a new feedback item against the unanswered ones within its bounds | ≤ 20 ms | %s ms | %s |\n",
            results.get("duplicates.p99_ms"),
            met(number("duplicates.p99_ms") <= 20)))
        .append(slaBoardRow(previous))
        .append('\n')
        .append(staffPagesRow(previous))
        .append('\n')
        .append(keptRow(previous, SubmissionScale.SUMMARY_ROW, "≤ 1.25×", "bench/submission-scale"))
        .append('\n')
        .append(keptRow(previous, HistorySoak.SUMMARY_ROW, "flat", "bench/history-soak"))
        .append('\n')
        .append(
            lagMeasured
                ? "| outbox lag p99 under steady load (submission → searchable) | — | measured, see below | — |\n\n"
                : "| outbox lag p99 under steady load | — | not measured (below) | — |\n\n")
        .append("## The generated cases\n\n")
        .append("""
            `CaseGenerator`: documents as the app's projectors write them, case `i` a function of the seed and
            `i` only. Types feedback 55 %, task 25 %, evidence 10 %, extension 5 %, initiative 5 %; the agencies of
            `app/src/main/resources/db/seed/agencies.csv`, drawn with weights 1/rank^0.8; feedback localities from
            `localities.csv`; the app's statuses, fields, timeliness labels and codes; created over 2025–2026 (to
            2026-11-22), open cases recent; SLA states as the projectors derive them as of 2026-11-22 (RUNNING,
            AT_RISK, BREACHED, PAUSED for feedback waiting for the sender, MET), breach instants and escalation
            levels; about 10 % public (published feedback answers, selected initiatives). Titles and texts are
            sentences of the source documents. The proportions are assumptions, not measurements.

            """)
        .append("## Indexing throughput\n\n")
        .append(indexing)
        .append('\n')
        .append(index)
        .append('\n')
        .append("## Search latency\n\n")
        .append(search)
        .append('\n')
        .append("## SLA board\n\n")
        .append("""
            The board the app answers, `/api/v1/dashboards/sla` (SlaBoard), is SQL over PostgreSQL: every clock of
            every stage of every case, the stopped ones from tallies kept by triggers and the open ones counted as
            of the request (ADR 0003), not an Elasticsearch aggregation, since the search document carries only a
            case's current clock. `bench/run` measures the search module alone, so the board is measured by
            `bench/sla-board`, against the running app on a database filled to scale, in its own section below.

            """);
    if (!lagKept) {
      report.append(OutboxLag.BEGIN).append(lagSection).append(OutboxLag.END).append('\n');
    }
    for (String section : kept) {
      report.append(section).append("\n\n");
    }
    int notes = previous.indexOf(NOTES);
    if (notes >= 0) {
      report.append('\n').append(previous.substring(notes));
    }
    Files.createDirectories(options.out.toAbsolutePath().getParent());
    Files.writeString(options.out, report.toString(), StandardCharsets.UTF_8);
    log("wrote %s", options.out);
  }

  private static final Pattern SECTION_START =
      Pattern.compile("<!-- ([a-z][a-z0-9-]*)(?=[\\s:]|-->)[^>]*-->");

  /**
   * The sections other tools wrote into the report, each from its {@code <!-- name ... -->} to its
   * {@code <!-- /name -->} inclusive, in the order found: bench/outbox-lag's and any other, whatever its
   * name, so that a new run keeps them. Sections nested in one are part of it; a marker without its end
   * (the notes, kept separately) is not a section.
   */
  static List<String> markedSections(String report) {
    List<String> sections = new ArrayList<>();
    Matcher start = SECTION_START.matcher(report);
    int from = 0;
    while (from < report.length() && start.find(from)) {
      Matcher end = Pattern.compile("<!-- /" + Pattern.quote(start.group(1)) + "(?:\\s[^>]*)?-->")
          .matcher(report);
      if (end.find(start.end())) {
        sections.add(report.substring(start.start(), end.end()));
        from = end.end();
      } else {
        from = start.end();
      }
    }
    return sections;
  }

  private double number(String result) {
    return Double.parseDouble(results.get(result));
  }

  private static String met(boolean met) {
    return met ? "yes" : "no";
  }

  private String machine() throws Exception {
    String cpu = "unknown";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        cpu = line.substring(line.indexOf(':') + 1).trim();
        break;
      }
    }
    long memKb = 0;
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        memKb = Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    JsonNode node = json.readTree(send("GET", "/_nodes/_local/jvm", null))
        .path("nodes")
        .elements()
        .next();
    return String.format(
        Locale.ROOT,
        """
        - CPU: %s, %d cores (as the JVM sees them)
        - RAM: %.1f GiB
        - OS: %s %s
        - JDK (bench): %s %s, -Xmx %d MiB
        - Elasticsearch: %s, heap %d MiB, JVM %s, one node, indices of 1 shard and 0 replicas (cases-mapping.json), %s
        """,
        cpu,
        Runtime.getRuntime().availableProcessors(),
        memKb / 1048576.0,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        Runtime.getRuntime().maxMemory() / 1048576,
        node.path("version").asText(),
        node.path("jvm").path("mem").path("heap_max_in_bytes").asLong() / 1048576,
        node.path("jvm").path("version").asText(),
        options.es);
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  // ---------------------------------------------------------------- HTTP

  private URI uri(String path) {
    return URI.create(options.es.replaceAll("/+$", "") + path);
  }

  private String send(String method, String path, byte[] body) throws Exception {
    return new String(retrying(() -> sendBytes(method, path, body)), StandardCharsets.UTF_8);
  }

  private byte[] sendBytes(String method, String path, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
          + ": " + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  /**
   * Retries while Elasticsearch is unreachable (another test may stop it for a minute), for up to five
   * minutes; only the successful attempt is timed by the callers.
   */
  private <T> T retrying(Callable<T> call) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (true) {
      try {
        return call.call();
      } catch (IOException | UncheckedIOException e) {
        if (Instant.now().isAfter(deadline)) {
          throw e;
        }
        retries++;
        log("Elasticsearch unreachable (%s); retrying in 5 s", e.getMessage());
        Thread.sleep(5000);
      }
    }
  }

  /** Indexes a batch through CaseIndex (the app's path), failing on any refused document; empties it. */
  static void indexBatch(CaseIndex caseIndex, List<VersionedCase> batch) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, String> failed = caseIndex.index(batch);
    if (!failed.isEmpty()) {
      throw new IllegalStateException("the index refused " + failed.size() + " documents, e.g. "
          + failed.entrySet().iterator().next());
    }
    batch.clear();
  }

  static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }

  /** Command-line options. */
  static final class Options {
    long cases = 1_000_000;
    int batch = 1000;
    int queries = 2000;
    int warmUp = 200;
    long seed = 57;
    String es = System.getenv().getOrDefault("DONDOC_ES_URL", "http://127.0.0.1:9200");
    Path repo = Path.of(".");
    Path sources;
    Path out;
    boolean keep;
    boolean searchOnly;
    String command = "bench/run";

    static Options parse(String[] args) {
      Options o = new Options();
      for (int k = 0; k < args.length; k++) {
        String arg = args[k];
        switch (arg) {
          case "--cases" -> o.cases = Long.parseLong(args[++k].replace("_", "").replace(",", ""));
          case "--batch" -> o.batch = Integer.parseInt(args[++k]);
          case "--queries" -> o.queries = Integer.parseInt(args[++k]);
          case "--warm-up" -> o.warmUp = Integer.parseInt(args[++k]);
          case "--seed" -> o.seed = Long.parseLong(args[++k]);
          case "--es" -> o.es = args[++k];
          case "--repo" -> o.repo = Path.of(args[++k]);
          case "--sources" -> o.sources = Path.of(args[++k]);
          case "--out" -> o.out = Path.of(args[++k]);
          case "--keep" -> o.keep = true;
          case "--search-only" -> o.searchOnly = o.keep = true;
          case "--command" -> o.command = args[++k];
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (o.sources == null) {
        o.sources = o.repo.resolve("../shared/sources").normalize();
      }
      if (o.out == null) {
        o.out = o.repo.resolve("docs/PERFORMANCE.md");
      }
      if (o.cases < 1 || o.batch < 1 || o.queries < 1) {
        throw new IllegalArgumentException("--cases, --batch, --queries must be positive");
      }
      return o;
    }
  }
}
