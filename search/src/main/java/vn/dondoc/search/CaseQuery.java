package vn.dondoc.search;

import java.time.Instant;

/**
 * A search request: free text (with or without diacritics, or a case code), optional filters, instant
 * ranges, an order and a page. Every filter is optional (null: not filtered).
 *
 * @param createdFrom created at or after this instant
 * @param createdBefore created before this instant
 * @param dueAfter due after this instant (a case due exactly then belongs to the day that ends then)
 * @param dueUntil due at or before this instant
 * @param sort the order; null: {@link Sort#RELEVANCE} with text, {@link Sort#UPDATED} without
 * @param channel how a feedback item was received (web, hotline, letter, email, counter)
 */
public record CaseQuery(
    String text,
    String caseType,
    String status,
    String timeliness,
    String agency,
    String field,
    String locality,
    String slaState,
    String directive,
    String section,
    Instant createdFrom,
    Instant createdBefore,
    Instant dueAfter,
    Instant dueUntil,
    Sort sort,
    int page,
    int size,
    String channel) {

  public static final int MAX_PAGE_SIZE = 100;

  /** Orders of the results. */
  public enum Sort {
    /** Best match first (then most recently updated). */
    RELEVANCE,
    /** Soonest due first; cases without a due instant last. */
    DUE,
    /** Most recently updated first. */
    UPDATED
  }

  public CaseQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
    }
  }

  /** A query without a channel filter. */
  public CaseQuery(
      String text,
      String caseType,
      String status,
      String timeliness,
      String agency,
      String field,
      String locality,
      String slaState,
      String directive,
      String section,
      Instant createdFrom,
      Instant createdBefore,
      Instant dueAfter,
      Instant dueUntil,
      Sort sort,
      int page,
      int size) {
    this(
        text,
        caseType,
        status,
        timeliness,
        agency,
        field,
        locality,
        slaState,
        directive,
        section,
        createdFrom,
        createdBefore,
        dueAfter,
        dueUntil,
        sort,
        page,
        size,
        null);
  }

  public CaseQuery(
      String text,
      String caseType,
      String status,
      String timeliness,
      String agency,
      String field,
      String locality,
      int page,
      int size) {
    this(
        text,
        caseType,
        status,
        timeliness,
        agency,
        field,
        locality,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        page,
        size);
  }

  public static CaseQuery text(String text) {
    return new CaseQuery(text, null, null, null, null, null, null, 0, 20);
  }

  public boolean hasText() {
    return text != null && !text.isBlank();
  }

  /** The order in effect: the one asked for, else by relevance with text and by last update without. */
  public Sort effectiveSort() {
    return sort != null ? sort : hasText() ? Sort.RELEVANCE : Sort.UPDATED;
  }
}
