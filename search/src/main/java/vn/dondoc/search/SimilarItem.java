package vn.dondoc.search;

/**
 * A feedback item a duplicate search found: its code and title, and the share of words it has in common with the
 * new item ({@link WordOverlap}, 0 to 1).
 */
public record SimilarItem(String code, String title, double sharedWords) {}
