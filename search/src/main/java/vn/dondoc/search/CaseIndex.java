package vn.dondoc.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ScoreMode;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;

/**
 * The {@code cases} projection in Elasticsearch: one alias over a versioned index, and beside it the
 * feedback items not yet answered ({@link #unansweredAlias}), all that a duplicate search compares a new item with.
 * Writes go through {@link #index}, which keeps both, reads through {@link #search} and
 * {@link #similarUnansweredFeedback}; all name the aliases, never the indices, so rebuilt indices can be swapped in
 * underneath ({@link #createNextIndices}, {@link #swapAliases}).
 */
public class CaseIndex {

  /**
   * Version of cases-mapping.json, part of the index name ({alias}-v{N}, and {alias}-v{N}-{timestamp}
   * for a rebuilt one). A first start creates {alias}-v{N} under the alias; moving an existing alias to
   * a new version is the reindex's job. Raise it with every change of the mapping.
   */
  public static final int MAPPING_VERSION = 4;

  private static final DateTimeFormatter REBUILD_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

  /**
   * For look-ups that only help (likely duplicates): they run inside a submission, which must not wait
   * on a slow Elasticsearch, so they give up after a second and the caller goes on without them.
   */
  private static final RestClientOptions HINT_OPTIONS = new RestClientOptions(
      RequestOptions.DEFAULT.toBuilder()
          .setRequestConfig(RequestConfig.custom()
              .setConnectTimeout(500)
              .setSocketTimeout(1000)
              .build())
          .build(),
      false);

  /** Writes instants as ISO-8601, as the mapping's date fields expect. */
  private static final ObjectMapper DOCUMENT_JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final ContentType NDJSON =
      ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

  /**
   * The alias of the feedback items not yet answered is the cases' alias with this suffix. A duplicate search over
   * them alone reads posting lists a sixth as long as over every case, and weighs words by how common they are among
   * feedback, not among tasks and initiatives: at a million cases p99 12 ms instead of 27 ms, and closer duplicates
   * found (docs/PERFORMANCE.md, "The duplicate search of a new feedback item").
   */
  static final String UNANSWERED_SUFFIX = "-unanswered";

  private static final String FEEDBACK = "feedback";

  /**
   * How many of a new item's most telling words the duplicate search looks candidates up by (more-like-this's
   * {@code max_query_terms}); 60 % of them must match. Each word is a posting list to read: 25 words cost a third more
   * at a million cases and found the resent item hardly more often, once the candidates are ordered by their words
   * ({@link #SIMILAR_CANDIDATES}).
   */
  public static final int SIMILAR_QUERY_WORDS = 15;

  /**
   * How many candidates the duplicate search takes from Elasticsearch to order by the words they share with the new
   * item. More-like-this scores by the new item's most telling words only, so an item's twins (the same text under
   * another title, common where many send the same complaint) tie with the item itself; ordering 30 candidates by
   * their shared words found an item sent again among the five hits far more often, for a few milliseconds
   * (docs/PERFORMANCE.md, "The duplicate search of a new feedback item").
   */
  public static final int SIMILAR_CANDIDATES = 30;

  /** The feedback statuses after which an item is no longer compared with new ones. */
  private static final List<String> ANSWERED_STATUSES = List.of("ANSWERED", "CLOSED");

  /** The index names a rebuild fills: the cases, and the feedback items not yet answered. */
  public record Indices(String cases, String unanswered) {}

  private final RestClient restClient;
  private final ElasticsearchClient client;
  private final String alias;
  private final AtomicBoolean unfilledUnansweredIndex = new AtomicBoolean();

  public CaseIndex(RestClient restClient, String alias) {
    this.restClient = restClient;
    this.client = clientFor(restClient);
    this.alias = alias;
  }

  /** A client that reads and writes {@link CaseDocument}s as the mapping expects them. */
  public static ElasticsearchClient clientFor(RestClient restClient) {
    return new ElasticsearchClient(
        new RestClientTransport(restClient, new JacksonJsonpMapper(DOCUMENT_JSON)));
  }

  public String alias() {
    return alias;
  }

  /** The alias of the feedback items not yet answered. */
  public String unansweredAlias() {
    return alias + UNANSWERED_SUFFIX;
  }

  /** The aliases {@link #index(List)} writes to. */
  public Indices aliases() {
    return new Indices(alias, unansweredAlias());
  }

  public String currentIndexName() {
    return alias + "-v" + MAPPING_VERSION;
  }

  public String currentUnansweredIndexName() {
    return unansweredAlias() + "-v" + MAPPING_VERSION;
  }

  /**
   * Creates the current indices and points the aliases at them, each unless its alias already exists. An index of
   * unanswered items created beside cases already indexed (an upgrade) is empty until a reindex fills it: see
   * {@link #takeUnfilledUnansweredIndex}.
   */
  public void ensureExists() throws IOException {
    boolean casesIndexed = aliasExists(alias);
    createUnlessAliased(alias, currentIndexName());
    if (createUnlessAliased(unansweredAlias(), currentUnansweredIndexName()) && casesIndexed) {
      unfilledUnansweredIndex.set(true);
    }
  }

  /**
   * Whether {@link #ensureExists} (here, in this process) created the index of unanswered items beside cases indexed
   * before it, so that it lacks them until a reindex; true once, for the one caller that starts the reindex.
   */
  public boolean takeUnfilledUnansweredIndex() {
    return unfilledUnansweredIndex.getAndSet(false);
  }

  /** @return whether this call created the index (not when the alias was there, or another caller won) */
  private boolean createUnlessAliased(String aliasName, String indexName) throws IOException {
    if (aliasExists(aliasName)) {
      return false;
    }
    try (InputStream mapping = mapping()) {
      client
          .indices()
          .create(c ->
              c.index(indexName).withJson(mapping).aliases(aliasName, a -> a.isWriteIndex(true)));
    } catch (ElasticsearchException e) {
      // the relay and the start-up check (or two nodes) create it at once: one wins, with the alias
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
      return false;
    }
    return true;
  }

  /** The physical indices the two aliases point at now; empty if there are no aliases yet. */
  public List<String> indicesBehindAlias() throws IOException {
    List<String> indices = new ArrayList<>(indicesBehind(alias));
    indices.addAll(indicesBehind(unansweredAlias()));
    return List.copyOf(indices);
  }

  /** The physical indices one alias points at now; empty if there is no such alias. */
  private List<String> indicesBehind(String aliasName) throws IOException {
    return aliasExists(aliasName)
        ? List.copyOf(client.indices().getAlias(a -> a.name(aliasName)).result().keySet())
        : List.of();
  }

  /** How many cases the alias holds. */
  public long count() throws IOException {
    return client.count(c -> c.index(alias)).count();
  }

  /** Whether the index was created from the current cases-mapping.json (by its name). */
  public boolean hasCurrentMapping(String indexName) {
    return List.of(currentIndexName(), currentUnansweredIndexName()).stream()
        .anyMatch(current -> indexName.equals(current) || indexName.startsWith(current + "-"));
  }

  /**
   * Creates empty indices with the current mapping, not yet under the aliases, for a rebuild to fill.
   *
   * @return their names, {alias}-v{N}-{UTC timestamp to the millisecond} and the same of the unanswered alias
   */
  public Indices createNextIndices() throws IOException {
    String stamp = REBUILD_STAMP.format(Instant.now());
    Indices next =
        new Indices(currentIndexName() + "-" + stamp, currentUnansweredIndexName() + "-" + stamp);
    for (String name : List.of(next.cases(), next.unanswered())) {
      try (InputStream mapping = mapping()) {
        client.indices().create(c -> c.index(name).withJson(mapping));
      }
    }
    return next;
  }

  /**
   * Points each alias at its new index only, both in one atomic {@code _aliases} call, so every search sees either
   * the old indices or the new ones and never neither. The new indices are refreshed first so that they answer with
   * everything written to them so far.
   *
   * @return the indices the aliases pointed at before, for the caller to delete once it is done with them
   */
  public List<String> swapAliases(Indices next) throws IOException {
    client.indices().refresh(r -> r.index(next.cases(), next.unanswered()));
    Map<String, List<String>> old = new LinkedHashMap<>();
    for (String name : List.of(alias, unansweredAlias())) {
      old.put(name, indicesBehind(name));
    }
    client.indices().updateAliases(u -> {
      old.forEach((name, indices) ->
          indices.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(name)))));
      u.actions(a -> a.add(ad -> ad.index(next.cases()).alias(alias).isWriteIndex(true)));
      return u.actions(a ->
          a.add(ad -> ad.index(next.unanswered()).alias(unansweredAlias()).isWriteIndex(true)));
    });
    return old.values().stream().flatMap(List::stream).toList();
  }

  /**
   * Adds the current mapping's fields to every index behind the alias that was built from an older
   * mapping, so that the relay's documents, which carry the new fields, are not refused by the strict
   * mapping while the alias waits for a reindex. Only adds: a field whose type changed is refused by
   * Elasticsearch, which this reports as an exception (then only a reindex helps). Documents already
   * there lack the new fields until they change or the reindex copies them.
   *
   * @return the indices that were given the fields
   */
  public List<String> addNewFieldsToOlderIndices() throws IOException {
    List<String> older =
        indicesBehindAlias().stream().filter(i -> !hasCurrentMapping(i)).toList();
    if (older.isEmpty()) {
      return older;
    }
    byte[] mappings;
    try (InputStream mapping = mapping()) {
      mappings = DOCUMENT_JSON.writeValueAsBytes(DOCUMENT_JSON.readTree(mapping).path("mappings"));
    }
    client
        .indices()
        .putMapping(p -> p.index(older).withJson(new java.io.ByteArrayInputStream(mappings)));
    return older;
  }

  public void deleteIndex(String indexName) throws IOException {
    client.indices().delete(d -> d.index(indexName));
  }

  private boolean aliasExists(String name) throws IOException {
    return client.indices().existsAlias(a -> a.name(name)).value();
  }

  private static InputStream mapping() {
    return CaseIndex.class.getResourceAsStream("/search/cases-mapping.json");
  }

  /**
   * Writes the given case states; a feedback item's also into the unanswered items while it awaits an answer, and
   * deletes it from there once it is answered, at the same version. A version conflict means Elasticsearch already
   * holds a newer state of that case, which is success for the caller. (A delete leaves its version behind for a
   * minute, Elasticsearch's {@code gc_deletes}: long enough for two relays racing on one item, whose requests are
   * milliseconds apart.)
   *
   * @return the codes that were not written, with the reason
   */
  public Map<String, String> index(List<VersionedCase> cases) throws IOException {
    return index(cases, aliases());
  }

  /** As {@link #index(List)}, into the named indices or aliases (a rebuild fills its new indices this way). */
  public Map<String, String> index(List<VersionedCase> cases, Indices target) throws IOException {
    if (cases.isEmpty()) {
      return Map.of();
    }
    // The NDJSON is written here and sent through the low-level client: the typed BulkRequest of
    // the Java
    // client indexed at 0.61x the rate of the same bytes sent as they are (docs/PERFORMANCE.md,
    // "Indexing").
    ByteArrayOutputStream ndjson = new ByteArrayOutputStream(cases.size() * 1024);
    for (VersionedCase versioned : cases) {
      writeAction(ndjson, "index", target.cases(), versioned);
      DOCUMENT_JSON.writeValue(ndjson, versioned.document());
      ndjson.write('\n');
      if (FEEDBACK.equals(versioned.document().caseType())) {
        boolean awaitsAnswer = versioned.document().closedAt() == null
            && !ANSWERED_STATUSES.contains(versioned.document().status());
        writeAction(ndjson, awaitsAnswer ? "index" : "delete", target.unanswered(), versioned);
        if (awaitsAnswer) {
          DOCUMENT_JSON.writeValue(ndjson, versioned.document());
          ndjson.write('\n');
        }
      }
    }
    Request bulk = new Request("POST", "/_bulk");
    // Only what tells a failure: the items of a clean batch are not read.
    bulk.addParameter("filter_path", "errors,items.*._id,items.*.error.type,items.*.error.reason");
    bulk.setEntity(new ByteArrayEntity(ndjson.toByteArray(), NDJSON));
    JsonNode response;
    try (InputStream body = restClient.performRequest(bulk).getEntity().getContent()) {
      response = DOCUMENT_JSON.readTree(body);
    }
    Map<String, String> failed = new LinkedHashMap<>();
    if (!response.path("errors").asBoolean(true)) {
      return failed;
    }
    for (JsonNode item : response.path("items")) {
      JsonNode result = item.elements().next();
      JsonNode error = result.path("error");
      if (!error.isMissingNode() && !VERSION_CONFLICT.equals(error.path("type").asText())) {
        failed.putIfAbsent(
            result.path("_id").asText(),
            error.path("type").asText() + ": " + error.path("reason").asText());
      }
    }
    return failed;
  }

  /** A bulk action line on a case, at its version: an older state never overwrites (or deletes) a newer one. */
  private static void writeAction(
      ByteArrayOutputStream ndjson, String action, String index, VersionedCase versioned)
      throws IOException {
    ObjectNode line = DOCUMENT_JSON.createObjectNode();
    line.putObject(action)
        .put("_index", index)
        .put("_id", versioned.document().code())
        .put("version", versioned.version())
        .put("version_type", "external");
    DOCUMENT_JSON.writeValue(ndjson, line);
    ndjson.write('\n');
  }

  /** Makes recent writes visible to search now (tests and reindex; normal writes appear within a second). */
  public void refresh() throws IOException {
    // an index of the older layout has no unanswered items beside it
    client.indices().refresh(r -> r.index(alias, unansweredAlias()).ignoreUnavailable(true));
  }

  /** The faceted fields: the name a facet is answered under and the document field it counts. */
  public static final Map<String, String> FACETS = facets();

  private static Map<String, String> facets() {
    Map<String, String> facets = new LinkedHashMap<>();
    facets.put("type", "case_type");
    facets.put("status", "status");
    facets.put("agency", "agencies");
    facets.put("field", "field");
    facets.put("locality", "locality");
    facets.put("slaState", "sla_state");
    facets.put("timeliness", "timeliness");
    facets.put("channel", "channel");
    return java.util.Collections.unmodifiableMap(facets);
  }

  private static final int FACET_SIZE = 50;

  /** How many of the best matches the ranking clauses rescore ({@link #rankingClauses}). */
  static final int RESCORE_WINDOW = 200;

  /** At most this much score for being recent: breaks ties, never outweighs a word (scores are about 1–50). */
  private static final float RECENCY_TIE_BREAK = 0.001f;

  /**
   * One page of the cases the scope lets the caller see that match the query, with highlights and
   * facets. Facets count every matching case (all filters applied, each facet's own included).
   */
  public CaseHits search(CaseQuery query, SearchScope scope) throws IOException {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    boolean hasText = query.hasText();
    String text = hasText ? query.text().trim() : null;
    if (hasText) {
      bool.must(matchClause(text));
    }
    bool.filter(scopeFilter(scope));
    addTermFilter(bool, "case_type", query.caseType());
    addTermFilter(bool, "status", query.status());
    addTermFilter(bool, "timeliness", query.timeliness());
    addTermFilter(bool, "agencies", query.agency());
    addTermFilter(bool, "field", query.field());
    addTermFilter(bool, "locality", query.locality());
    addTermFilter(bool, "sla_state", query.slaState());
    addTermFilter(bool, "directive", query.directive());
    addTermFilter(bool, "section", query.section());
    addTermFilter(bool, "channel", query.channel());
    if (query.createdFrom() != null || query.createdBefore() != null) {
      bool.filter(f -> f.range(r -> r.date(d -> {
        d.field("created_at");
        if (query.createdFrom() != null) {
          d.gte(query.createdFrom().toString());
        }
        if (query.createdBefore() != null) {
          d.lt(query.createdBefore().toString());
        }
        return d;
      })));
    }
    if (query.dueAfter() != null || query.dueUntil() != null) {
      bool.filter(f -> f.range(r -> r.date(d -> {
        d.field("due_at");
        if (query.dueAfter() != null) {
          d.gt(query.dueAfter().toString());
        }
        if (query.dueUntil() != null) {
          d.lte(query.dueUntil().toString());
        }
        return d;
      })));
    }

    Map<String, String> settled = settledFacets(query);
    SearchResponse<CaseDocument> response = client.search(
        s -> {
          s.index(alias)
              .query(q -> q.bool(bool.build()))
              .from(query.page() * query.size())
              .size(query.size())
              .trackTotalHits(t -> t.enabled(true));
          FACETS.forEach((name, field) -> {
            if (!settled.containsKey(name)) {
              s.aggregations(name, a -> a.terms(t -> t.field(field).size(FACET_SIZE)));
            }
          });
          if (hasText) {
            // Each field is highlighted for its own words (folded or as typed): the query as a
            // whole is several
            // times as slow to highlight (docs/PERFORMANCE.md), and the fields with diacritics are
            // not in it.
            String folded = VietnameseFolding.fold(text);
            s.highlight(h -> h.preTags(Highlights.PRE)
                .postTags(Highlights.POST)
                .requireFieldMatch(true)
                .fields("title", f -> f.numberOfFragments(0).highlightQuery(words("title", text)))
                .fields(
                    "title_folded",
                    f -> f.numberOfFragments(0).highlightQuery(words("title_folded", folded)))
                .fields(
                    "content",
                    f -> f.fragmentSize(160)
                        .numberOfFragments(3)
                        .highlightQuery(words("content", text)))
                .fields(
                    "content_folded",
                    f -> f.fragmentSize(160)
                        .numberOfFragments(3)
                        .highlightQuery(words("content_folded", folded))));
          }
          switch (query.effectiveSort()) {
            case RELEVANCE -> {
              if (hasText) {
                // Elasticsearch takes no sort besides the score with a rescore: recency breaks ties
                // inside it.
                int window = Math.max(RESCORE_WINDOW, (query.page() + 1) * query.size());
                return s.rescore(r -> r.windowSize(window)
                    .query(q -> q.query(rankingClauses(text))
                        .queryWeight(1.0)
                        .rescoreQueryWeight(1.0)
                        .scoreMode(ScoreMode.Total)));
              }
              s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            }
            case DUE ->
              s.sort(o -> o.field(f -> f.field("due_at").order(SortOrder.Asc).missing("_last")));
            case UPDATED -> {}
          }
          return s.sort(o -> o.field(f -> f.field("updated_at").order(SortOrder.Desc)));
        },
        CaseDocument.class);

    List<CaseHit> hits = new ArrayList<>();
    for (Hit<CaseDocument> hit : response.hits().hits()) {
      CaseDocument document = hit.source();
      Map<String, List<String>> marked = hit.highlight() == null ? Map.of() : hit.highlight();
      hits.add(new CaseHit(
          document,
          Highlights.choose(
              document.title(),
              marked.getOrDefault("title_folded", List.of()),
              marked.getOrDefault("title", List.of())),
          Highlights.choose(
              document.content(),
              marked.getOrDefault("content_folded", List.of()),
              marked.getOrDefault("content", List.of()))));
    }
    long total =
        response.hits().total() == null ? hits.size() : response.hits().total().value();
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    FACETS.keySet().forEach(name -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      Aggregate aggregate = response.aggregations().get(name);
      if (settled.containsKey(name) && total > 0) {
        counts.put(settled.get(name), total);
      } else if (aggregate != null && aggregate.isSterms()) {
        for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
          counts.put(bucket.key().stringValue(), bucket.docCount());
        }
      }
      facets.put(name, counts);
    });
    return new CaseHits(total, hits, facets);
  }

  /**
   * The facets that need no counting: those of a field a case has one value of, filtered on a value. Every
   * match has that value, so the facet is that value with the total (none when nothing matches); the
   * aggregation, a pass over every match, would only say the same. Not the agencies: a case has several.
   */
  private static Map<String, String> settledFacets(CaseQuery query) {
    String[][] filters = {
      {"type", query.caseType()},
      {"status", query.status()},
      {"field", query.field()},
      {"locality", query.locality()},
      {"slaState", query.slaState()},
      {"timeliness", query.timeliness()},
      {"channel", query.channel()}
    };
    Map<String, String> settled = new HashMap<>();
    for (String[] filter : filters) {
      if (filter[1] != null && !filter[1].isBlank()) {
        settled.put(filter[0], filter[1]);
      }
    }
    return settled;
  }

  /**
   * The case with this code if the scope lets the caller see it (the rule of {@link #search}); empty
   * otherwise, so that a page can answer 404 without telling whether the case exists.
   */
  public Optional<CaseDocument> find(String code, SearchScope scope) throws IOException {
    SearchResponse<CaseDocument> response = client.search(
        s -> s.index(alias)
            .size(1)
            .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("code").value(code)))
                .filter(scopeFilter(scope)))),
        CaseDocument.class);
    return response.hits().hits().stream().findFirst().map(Hit::source);
  }

  /**
   * Which unanswered feedback items a duplicate search compares a new one with, so that its cost does not grow
   * with the programme: items of the same field or the same locality (when given; either will do), submitted since
   * {@code since}.
   */
  public record SimilarityBounds(String field, String locality, Instant since) {

    /** How far back a new feedback item's duplicates are looked for. */
    public static final Period FEEDBACK_PERIOD = Period.ofMonths(6);

    /**
     * The duplicate search of a feedback item submitted at {@code submittedAt} (FeedbackDuplicates, bench/run): items of
     * its field or locality, submitted in the {@link #FEEDBACK_PERIOD} before it.
     */
    public static SimilarityBounds ofFeedback(String field, String locality, Instant submittedAt) {
      return new SimilarityBounds(
          field,
          locality,
          submittedAt.atZone(ZoneOffset.UTC).minus(FEEDBACK_PERIOD).toInstant());
    }
  }

  /**
   * Feedback items not yet answered whose text resembles {@code text}, within {@code bounds}, without
   * {@code excludeCode}, the closest first. Used to point a classifier at likely duplicates. The candidates are found
   * by more-like-this on the folded fields (the text's {@link #SIMILAR_QUERY_WORDS} most telling words, weighed by how
   * common they are among unanswered items), and the best {@link #SIMILAR_CANDIDATES} of them ordered by the share of
   * words they have in common with the text ({@link WordOverlap}).
   */
  public List<SimilarItem> similarUnansweredFeedback(
      String text, String excludeCode, SimilarityBounds bounds, int max) throws IOException {
    String folded = VietnameseFolding.fold(text);
    SearchResponse<Candidate> response = client
        .withTransportOptions(HINT_OPTIONS)
        .search(
            s -> s.index(unansweredAlias())
                .size(Math.max(max, SIMILAR_CANDIDATES))
                // what the ordering and the caller read, not the whole document
                .source(src -> src.filter(f -> f.includes(Candidate.FIELDS)))
                // only the best hits are wanted: with no total to count, Lucene may skip what
                // cannot reach them
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> {
                  b.must(m -> m.moreLikeThis(mlt -> mlt.fields("title_folded", "content_folded")
                          .like(l -> l.text(folded))
                          .minTermFreq(1)
                          .minDocFreq(1)
                          .maxQueryTerms(SIMILAR_QUERY_WORDS)
                          .minimumShouldMatch("60%")))
                      .filter(f -> f.range(r ->
                          r.date(d -> d.field("created_at").gte(bounds.since().toString()))))
                      .mustNot(n -> n.term(t -> t.field("code").value(excludeCode)));
                  if (bounds.field() != null || bounds.locality() != null) {
                    b.filter(f -> f.bool(near -> {
                      if (bounds.field() != null) {
                        near.should(n -> n.term(t -> t.field("field").value(bounds.field())));
                      }
                      if (bounds.locality() != null) {
                        near.should(n -> n.term(t -> t.field("locality").value(bounds.locality())));
                      }
                      return near.minimumShouldMatch("1");
                    }));
                  }
                  return b;
                })),
            Candidate.class);
    Set<String> words = WordOverlap.words(folded);
    // a stable sort: among equal overlaps Elasticsearch's order stands
    return response.hits().hits().stream()
        .map(Hit::source)
        .map(c -> new SimilarItem(
            c.code(),
            c.title(),
            WordOverlap.jaccard(
                words, WordOverlap.words(c.titleFolded() + " " + c.contentFolded()))))
        .sorted(Comparator.comparingDouble(SimilarItem::sharedWords).reversed())
        .limit(max)
        .toList();
  }

  /** The fields of a duplicate search's candidate that it reads. */
  private record Candidate(
      @JsonProperty("code") String code,
      @JsonProperty("title") String title,
      @JsonProperty("title_folded") String titleFolded,
      @JsonProperty("content_folded") String contentFolded) {
    static final List<String> FIELDS = List.of("code", "title", "title_folded", "content_folded");
  }

  /**
   * Matching is on the folded fields (with or without diacritics the same cases match), or on a typed
   * case code, which ranks far above.
   */
  private static Query matchClause(String text) {
    String folded = VietnameseFolding.fold(text);
    String code = text.toUpperCase(Locale.ROOT);
    return Query.of(m -> m.bool(b -> b.should(s -> s.multiMatch(mm -> mm.query(folded)
            .fields("title_folded^2", "content_folded")
            .type(TextQueryType.CrossFields)
            .operator(Operator.And)))
        .should(s -> s.term(t -> t.field("code").value(code).boost(20f)))
        .minimumShouldMatch("1")));
  }

  /**
   * What only raises the rank of a match: the words as a phrase (with the user's diacritics above folded,
   * title above content), then the words with the user's diacritics anywhere. A case that matches with
   * exact diacritics collects the folded clauses' score as well, so it ranks above one that matches only
   * folded; a phrase ranks above the same words scattered; among equal scores the latest changed first.
   * Applied as a rescore of the best {@link #RESCORE_WINDOW} matches (and at least down to the page asked
   * for), which ranks them exactly as if the clauses were part of the query, at the cost of a few hundred
   * phrase look-ups instead of one per match: a case could only miss its place if the folded match alone
   * left it out of the window while the phrase would have lifted it into the page (docs/PERFORMANCE.md).
   */
  private static Query rankingClauses(String text) {
    String folded = VietnameseFolding.fold(text);
    return Query.of(q -> q.bool(b -> b.should(
            s -> s.matchPhrase(p -> p.field("title").query(text).boost(6f)))
        .should(s -> s.matchPhrase(p -> p.field("content").query(text).boost(3f)))
        .should(s -> s.multiMatch(mm -> mm.query(text)
            .fields("title^2", "content")
            .type(TextQueryType.CrossFields)
            .boost(2f)))
        .should(s -> s.matchPhrase(p -> p.field("title_folded").query(folded).boost(3f)))
        .should(s -> s.matchPhrase(p -> p.field("content_folded").query(folded).boost(2f)))
        .should(s -> s.distanceFeature(d -> d.untyped(u -> u.field("updated_at")
            .origin(JsonData.of("now"))
            .pivot(JsonData.of("3650d"))
            .boost(RECENCY_TIE_BREAK))))));
  }

  /** The words in one field, for highlighting it: a phrase shows as one mark ({@link Highlights}). */
  private static Query words(String field, String text) {
    return Query.of(q -> q.match(m -> m.field(field).query(text)));
  }

  private static Query scopeFilter(SearchScope scope) {
    if (scope.allCases()) {
      return Query.of(q -> q.matchAll(m -> m));
    }
    List<Query> visible = new ArrayList<>();
    if (!scope.agencies().isEmpty()) {
      List<FieldValue> codes = scope.agencies().stream().map(FieldValue::of).toList();
      visible.add(Query.of(q -> q.terms(t -> t.field("agencies").terms(v -> v.value(codes)))));
    }
    if (scope.published()) {
      visible.add(Query.of(q -> q.term(t -> t.field("public").value(true))));
    }
    if (visible.isEmpty()) {
      return Query.of(q -> q.matchNone(m -> m));
    }
    return Query.of(q -> q.bool(b -> b.should(visible).minimumShouldMatch("1")));
  }

  private static void addTermFilter(BoolQuery.Builder bool, String field, String value) {
    if (value != null && !value.isBlank()) {
      bool.filter(f -> f.term(t -> t.field(field).value(value)));
    }
  }
}
