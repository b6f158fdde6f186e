package vn.dondoc.search;

/**
 * A search request: free text (with or without diacritics, or a case code), optional filters and a page.
 */
public record CaseQuery(String text, String caseType, String status, String timeliness, String agency, String field,
    String locality, int page, int size) {

  public static final int MAX_PAGE_SIZE = 100;

  public CaseQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
    }
  }

  public static CaseQuery text(String text) {
    return new CaseQuery(text, null, null, null, null, null, null, 0, 20);
  }
}
