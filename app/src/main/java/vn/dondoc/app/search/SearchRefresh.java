package vn.dondoc.app.search;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-projects a case whose search document changes while its own record does not, e.g. when an SLA
 * clock reaches its warning or due instant: the document's SLA state is computed as of its projection,
 * so it must be projected again then. Raises the case's version and writes its outbox row, in the
 * caller's transaction, as CONTRIBUTING asks of every change to a searchable case.
 */
@Component
public class SearchRefresh {

  private final Map<String, CaseProjector> projectors;
  private final Outbox outbox;

  SearchRefresh(List<CaseProjector> projectors, Outbox outbox) {
    this.projectors =
        projectors.stream().collect(Collectors.toMap(CaseProjector::caseType, Function.identity()));
    this.outbox = outbox;
  }

  /**
   * The case's document changed. A case type without a projector is not searchable (e.g. a test
   * process's), and a clock may not know its case's id: then there is nothing to re-project.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void caseChanged(String caseType, Long caseId) {
    CaseProjector projector = projectors.get(caseType);
    if (projector == null || caseId == null) {
      return;
    }
    projector.raiseVersion(caseId);
    outbox.enqueue(caseType, caseId);
  }
}
