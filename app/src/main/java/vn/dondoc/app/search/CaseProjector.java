package vn.dondoc.app.search;

import java.util.List;
import java.util.Optional;
import vn.dondoc.search.VersionedCase;

/** Reads the current state of one kind of case as its search document. Each capability provides one. */
public interface CaseProjector {

  /** The outbox's case_type this projector reads, e.g. {@code feedback}. */
  String caseType();

  Optional<VersionedCase> project(long caseId);

  /** Ids of every case of this type above {@code afterId}, ascending, at most {@code limit}: a reindex pages with it. */
  List<Long> idsAfter(long afterId, int limit);

  /** How many cases {@link #idsAfter} pages through: what a full index holds of this type. */
  long count();

  /**
   * Raises the case's version without changing anything else, in the caller's transaction: for a change
   * that only its document shows (see {@link SearchRefresh}), so that the new document wins over the one
   * indexed (external versions).
   */
  void raiseVersion(long caseId);
}
