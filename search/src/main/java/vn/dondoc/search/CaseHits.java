package vn.dondoc.search;

import java.util.List;

/** One page of search results. */
public record CaseHits(long total, List<CaseDocument> items) {}
