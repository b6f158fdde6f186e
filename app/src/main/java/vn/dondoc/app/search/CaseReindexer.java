package vn.dondoc.app.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.search.CaseIndex;
import vn.dondoc.search.VersionedCase;

/**
 * Rebuilds the search indices (the cases, and the feedback items not yet answered) from PostgreSQL and swaps the
 * aliases onto them, without a moment in which search answers from an empty or missing index, and without losing a
 * change made meanwhile.
 *
 * <p>Steps: (1) create empty indices with the current mapping; (2) copy every case into them with its
 * record version; (3) swap the aliases atomically onto them; (4) copy every case again; (5) delete the old
 * indices. The {@link OutboxRelay} keeps writing to the alias all along, so until (3) a change lands in
 * the old index only, and the copy of (2) may have read that case before the change. Step (4) is what
 * brings such a change over: every change committed before the swap is committed before (4) reads the
 * case, and every change the relay writes after the swap goes to the new index itself. Narrowing (4)
 * to "changed since the start" would need a commit-ordered change marker, which the tables lack
 * ({@code updated_at} is stamped before commit), so (4) re-reads everything; external versions make
 * the repeated writes of unchanged cases no-ops and let no older state overwrite a newer one.
 */
@Service
public class CaseReindexer {

  private static final Logger log = LoggerFactory.getLogger(CaseReindexer.class);

  static final int BATCH_SIZE = 500;

  /**
   * What a reindex did: the new index of cases and of unanswered items, the ones they replaced, and cases written in
   * each pass.
   */
  public record Result(
      String index, String unansweredIndex, List<String> replaced, long copied, long recopied) {}

  private final CaseIndex index;
  private final List<CaseProjector> projectors;
  // Two rebuilds at once would each swap the alias onto their own index and delete the other's.
  private final ReentrantLock running = new ReentrantLock();

  public CaseReindexer(CaseIndex index, List<CaseProjector> projectors) {
    this.index = index;
    this.projectors = projectors;
  }

  public Result reindex() throws IOException {
    return reindex(written -> {});
  }

  /** How many cases PostgreSQL holds of the types search indexes: what a complete index counts. */
  public long casesToIndex() {
    return projectors.stream().mapToLong(CaseProjector::count).sum();
  }

  /** The same, telling {@code progress} the cases written so far (both passes together) after each batch. */
  public Result reindex(LongConsumer progress) throws IOException {
    if (!running.tryLock()) {
      throw new ConflictException("search.reindex.running");
    }
    try {
      // With no alias yet, the relay could create one on the first index while this swap adds its
      // own.
      index.ensureExists();
      CaseIndex.Indices next = index.createNextIndices();
      log.info("Reindex: copying every case into {}", next);
      long copied;
      try {
        copied = copyAll(next, 0, progress);
      } catch (IOException | RuntimeException e) {
        // Search still answers from the old index; a half-filled new one is of no use.
        try {
          index.deleteIndex(next.cases());
          index.deleteIndex(next.unanswered());
        } catch (IOException | RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
      List<String> replaced = index.swapAliases(next);
      log.info(
          "Reindex: alias {} now on {} ({} cases), catching up on changes made meanwhile",
          index.alias(),
          next,
          copied);
      long recopied = copyAll(next, 0, progress);
      for (String old : replaced) {
        index.deleteIndex(old);
      }
      log.info("Reindex: done, {} replaced and deleted", replaced);
      return new Result(next.cases(), next.unanswered(), replaced, copied, recopied);
    } finally {
      running.unlock();
    }
  }

  /**
   * Tells the operator at start-up when the alias still points at an index of an older mapping, and
   * adds the new mapping's fields to it so that changes keep being indexed until the reindex.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void warnIfMappingIsOutdated() {
    try {
      List<String> outdated = index.indicesBehindAlias().stream()
          .filter(i -> !index.hasCurrentMapping(i))
          .toList();
      if (!outdated.isEmpty()) {
        log.warn(
            "Search alias {} points at {}, built with an older mapping than v{}: run `bin/dondoc reindex` "
                + "to rebuild it (search keeps working meanwhile; cases indexed before lack the new mapping's fields)",
            index.alias(),
            outdated,
            CaseIndex.MAPPING_VERSION);
        index.addNewFieldsToOlderIndices();
        log.info(
            "Search: added the fields of mapping v{} to {}", CaseIndex.MAPPING_VERSION, outdated);
      }
    } catch (IOException | RuntimeException e) {
      // The relay reports an unavailable Elasticsearch; this check is only advice.
      log.info("Cannot check or extend the search index's mapping now: {}", e.toString());
    }
  }

  /**
   * Fills the index of unanswered feedback items when this node created it beside cases indexed before (the upgrade
   * that added it: the relay creates it with its first batch, whenever Elasticsearch answers): a reindex in the
   * background, while search and the relay go on (until it ends, a duplicate search finds only the items indexed
   * since). Only a flag in memory is read here; no request is made.
   */
  @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
  public void fillUnansweredItemsIfNew() {
    if (!index.takeUnfilledUnansweredIndex()) {
      return;
    }
    log.warn(
        "Search: {} is new beside the indexed cases; rebuilding both indices from the database",
        index.unansweredAlias());
    CompletableFuture.runAsync(() -> {
      try {
        reindex();
      } catch (IOException | RuntimeException e) {
        log.warn("Search: the rebuild failed, run `bin/dondoc reindex`: {}", e.toString());
      }
    });
  }

  private long copyAll(CaseIndex.Indices target, long before, LongConsumer progress)
      throws IOException {
    long written = 0;
    for (CaseProjector projector : projectors) {
      List<Long> ids;
      long afterId = 0;
      do {
        ids = projector.idsAfter(afterId, BATCH_SIZE);
        List<VersionedCase> cases =
            ids.stream().map(projector::project).flatMap(Optional::stream).toList();
        Map<String, String> failed = index.index(cases, target);
        if (!failed.isEmpty()) {
          throw new IOException("cannot write " + failed.size() + " case(s) into " + target
              + ", e.g. " + failed.entrySet().iterator().next());
        }
        written += cases.size();
        progress.accept(before + written);
        if (!ids.isEmpty()) {
          afterId = ids.get(ids.size() - 1);
        }
      } while (ids.size() == BATCH_SIZE);
    }
    return written;
  }
}
