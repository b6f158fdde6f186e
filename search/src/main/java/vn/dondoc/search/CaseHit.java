package vn.dondoc.search;

import java.util.List;

/**
 * One result: the document and the fragments of its title and content where the query text matched,
 * HTML-escaped, matches wrapped in {@code <em>…</em>}, with the document's own diacritics whether the
 * query had them or not (see {@link Highlights}). Empty lists without query text or without a match.
 */
public record CaseHit(
    CaseDocument document, List<String> titleHighlights, List<String> contentHighlights) {}
