package vn.dondoc.app.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.web.ServiceUnavailableException;

/** Rebuilds the search index, for admins (the role is checked in SecurityConfig); `bin/dondoc reindex` calls it. */
@RestController
class ReindexController {

  private final CaseReindexer reindexer;

  ReindexController(CaseReindexer reindexer) {
    this.reindexer = reindexer;
  }

  @PostMapping("/api/v1/admin/search/reindex")
  CaseReindexer.Result reindex() {
    try {
      return reindexer.reindex();
    } catch (IOException | ElasticsearchException e) {
      throw new ServiceUnavailableException("search.reindex.failed", e);
    }
  }
}
