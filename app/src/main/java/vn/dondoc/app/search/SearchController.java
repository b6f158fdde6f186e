package vn.dondoc.app.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.NotFoundException;
import vn.dondoc.app.web.ServiceUnavailableException;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.CaseHit;
import vn.dondoc.search.CaseHits;
import vn.dondoc.search.CaseIndex;
import vn.dondoc.search.CaseQuery;

/** Full-text case search, always within the caller's scope, and the caller's saved searches. */
@RestController
class SearchController {

  private final CaseIndex index;
  private final SavedSearches saved;

  SearchController(CaseIndex index, SavedSearches saved) {
    this.index = index;
    this.saved = saved;
  }

  /** Matched fragments, HTML-escaped, matches in {@code <em>}; empty without query text. */
  record Highlight(List<String> title, List<String> content) {}

  record Result(
      String code,
      String caseType,
      String title,
      String status,
      String timeliness,
      String field,
      String locality,
      String leadAgency,
      List<String> agencies,
      String section,
      String directive,
      String slaState,
      OffsetDateTime dueAt,
      OffsetDateTime breachAt,
      Integer escalationLevel,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      Highlight highlight,
      String channel) {}

  /**
   * @param sort the order applied: relevance, due or updated
   * @param facets counts of all matching cases per value of type, status, agency, field, locality,
   *     slaState, timeliness and channel
   */
  record Results(
      long total,
      int page,
      int size,
      String sort,
      List<Result> items,
      Map<String, Map<String, Long>> facets) {}

  record SaveRequest(String name, SearchParams query) {}

  @GetMapping("/api/v1/search")
  Results search(
      @ModelAttribute SearchParams params,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Authentication caller) {
    return run(params, page, size, caller);
  }

  @GetMapping("/api/v1/search/saved")
  List<SavedSearches.Saved> savedSearches(Authentication caller) {
    return saved.list(caller.getName());
  }

  @PostMapping("/api/v1/search/saved")
  @ResponseStatus(HttpStatus.CREATED)
  SavedSearches.Saved save(@RequestBody SaveRequest request, Authentication caller) {
    return saved.save(caller.getName(), request.name(), request.query());
  }

  @DeleteMapping("/api/v1/search/saved/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable long id, Authentication caller) {
    if (!saved.delete(caller.getName(), id)) {
      throw new NotFoundException("saved-search.not-found");
    }
  }

  /** Runs a saved search with the caller's scope of now (not the one they had when saving it). */
  @GetMapping("/api/v1/search/saved/{id}/run")
  Results runSaved(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Authentication caller) {
    SavedSearches.Saved search = saved
        .find(caller.getName(), id)
        .orElseThrow(() -> new NotFoundException("saved-search.not-found"));
    return run(search.query(), page, size, caller);
  }

  private Results run(SearchParams params, int page, int size, Authentication caller) {
    if (page < 0 || page > 10_000) {
      throw new InvalidFieldException("page", "validation.range", 0, 10_000);
    }
    if (size < 1 || size > CaseQuery.MAX_PAGE_SIZE) {
      throw new InvalidFieldException("size", "validation.range", 1, CaseQuery.MAX_PAGE_SIZE);
    }
    CaseQuery query = params.toQuery(page, size, HanoiTime.ZONE, "");
    try {
      CaseHits hits = index.search(query, CallerScope.of(caller));
      return new Results(
          hits.total(),
          page,
          size,
          query.effectiveSort().name().toLowerCase(java.util.Locale.ROOT),
          hits.hits().stream().map(SearchController::result).toList(),
          hits.facets());
    } catch (IOException | ElasticsearchException e) {
      throw new ServiceUnavailableException("search.unavailable", e);
    }
  }

  private static Result result(CaseHit hit) {
    CaseDocument d = hit.document();
    return new Result(
        d.code(),
        d.caseType(),
        d.title(),
        d.status(),
        d.timeliness(),
        d.field(),
        d.locality(),
        d.leadAgency(),
        d.agencies(),
        d.section(),
        d.directive(),
        d.slaState(),
        local(d.dueAt()),
        local(d.breachAt()),
        d.escalationLevel(),
        local(d.createdAt()),
        local(d.updatedAt()),
        new Highlight(hit.titleHighlights(), hit.contentHighlights()),
        d.channel());
  }

  private static OffsetDateTime local(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, HanoiTime.ZONE);
  }
}
