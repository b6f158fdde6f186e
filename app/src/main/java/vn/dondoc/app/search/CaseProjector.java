package vn.dondoc.app.search;

import java.util.Optional;
import vn.dondoc.search.VersionedCase;

/** Reads the current state of one kind of case as its search document. Each capability provides one. */
public interface CaseProjector {

  /** The outbox's case_type this projector reads, e.g. {@code feedback}. */
  String caseType();

  Optional<VersionedCase> project(long caseId);
}
