package vn.dondoc.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results, with the facets of all matching cases (within the caller's scope).
 *
 * @param facets for each faceted field (case_type, status, agencies, field, locality, sla_state,
 *     timeliness), the number of matching cases per value, most frequent first
 */
public record CaseHits(long total, List<CaseHit> hits, Map<String, Map<String, Long>> facets) {

  public CaseHits(long total, List<CaseHit> hits) {
    this(total, hits, Map.of());
  }

  /** The documents of this page, best first. */
  public List<CaseDocument> items() {
    return hits.stream().map(CaseHit::document).toList();
  }
}
