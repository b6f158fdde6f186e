package vn.dondoc.app.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.DondocApplication;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.ServiceUnavailableException;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.CaseHits;
import vn.dondoc.search.CaseIndex;
import vn.dondoc.search.CaseQuery;

/** Full-text case search, always within the caller's scope. */
@RestController
class SearchController {

  private static final int MAX_QUERY_LENGTH = 200;

  private final CaseIndex index;

  SearchController(CaseIndex index) {
    this.index = index;
  }

  record Result(String code, String caseType, String title, String status, String field, String locality,
      String leadAgency, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

  record Results(long total, int page, int size, List<Result> items) {}

  @GetMapping("/api/v1/search")
  Results search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
      @RequestParam(required = false) String status, @RequestParam(required = false) String timeliness,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String field, @RequestParam(required = false) String locality,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Authentication caller) {
    if (q != null && q.length() > MAX_QUERY_LENGTH) {
      throw new InvalidFieldException("q", "validation.range", 0, MAX_QUERY_LENGTH);
    }
    if (page < 0 || page > 10_000) {
      throw new InvalidFieldException("page", "validation.range", 0, 10_000);
    }
    if (size < 1 || size > CaseQuery.MAX_PAGE_SIZE) {
      throw new InvalidFieldException("size", "validation.range", 1, CaseQuery.MAX_PAGE_SIZE);
    }
    try {
      CaseHits hits = index.search(new CaseQuery(q, type, status, timeliness, agency, field, locality, page, size), CallerScope.of(caller));
      return new Results(hits.total(), page, size, hits.items().stream().map(SearchController::result).toList());
    } catch (IOException | ElasticsearchException e) {
      throw new ServiceUnavailableException("search.unavailable", e);
    }
  }

  private static Result result(CaseDocument d) {
    return new Result(d.code(), d.caseType(), d.title(), d.status(), d.field(), d.locality(), d.leadAgency(),
        local(d.createdAt()), local(d.updatedAt()));
  }

  private static OffsetDateTime local(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, DondocApplication.ZONE);
  }
}
