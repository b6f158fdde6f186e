package vn.dondoc.app.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.search.CaseReindexer;

/**
 * A reindex started from the operations page runs in the background on this node, so that the page can
 * show its progress (cases written so far against the cases the index held when it started) while it runs.
 * The result is audited (case code {@value #AUDIT_CASE}), which is where the page reads the last reindex
 * from, whichever node ran it. {@link CaseReindexer} refuses a second run at once.
 */
@Component
class ReindexRuns implements DisposableBean {

  static final String AUDIT_CASE = "SEARCH-INDEX";
  static final String AUDIT_ACTION = "SEARCH_REINDEXED";

  private static final Logger log = LoggerFactory.getLogger(ReindexRuns.class);

  /** One run: when it started, cases written, the index's count at the start, and how it ended (if it has). */
  record Run(Instant startedAt, long written, long expected, Instant finishedAt, boolean failed) {

    boolean running() {
      return finishedAt == null;
    }

    Run wrote(long count) {
      return new Run(startedAt, count, expected, finishedAt, failed);
    }

    Run ended(Instant at, boolean withError) {
      return new Run(startedAt, written, expected, at, withError);
    }
  }

  private final CaseReindexer reindexer;
  private final AuditLog audit;
  private final Clock clock;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "admin-reindex"));
  private final AtomicReference<Run> latest = new AtomicReference<>();

  ReindexRuns(CaseReindexer reindexer, AuditLog audit, Clock clock) {
    this.reindexer = reindexer;
    this.audit = audit;
    this.clock = clock;
  }

  /** The run started on this node most recently, if any. */
  Run latest() {
    return latest.get();
  }

  /** Starts a run unless one is running on this node; false if one is. */
  synchronized boolean start(String actor, long expected) {
    Run current = latest.get();
    if (current != null && current.running()) {
      return false;
    }
    latest.set(new Run(clock.instant(), 0, expected, null, false));
    worker.submit(() -> run(actor));
    return true;
  }

  private void run(String actor) {
    try {
      CaseReindexer.Result result =
          reindexer.reindex(written -> latest.updateAndGet(run -> run.wrote(written)));
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("index", result.index());
      detail.put("unansweredIndex", result.unansweredIndex());
      detail.put("replaced", result.replaced());
      detail.put("copied", result.copied());
      detail.put("recopied", result.recopied());
      audit.record(AUDIT_CASE, AUDIT_ACTION, actor, detail);
      latest.updateAndGet(run -> run.ended(clock.instant(), false));
    } catch (Exception e) {
      log.error("Reindex started by {} failed", actor, e);
      latest.updateAndGet(run -> run.ended(clock.instant(), true));
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
