package vn.dondoc.app.initiatives;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import vn.dondoc.app.search.CaseProjector;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.VersionedCase;

/** Submitted initiatives as search documents; public once selected. Drafts are nobody's business but the innovator's. */
@Component
class InitiativeProjector implements CaseProjector {

  private final InitiativeRepository initiatives;

  InitiativeProjector(InitiativeRepository initiatives) {
    this.initiatives = initiatives;
  }

  @Override
  public String caseType() {
    return InitiativeChanges.CASE_TYPE;
  }

  @Override
  public Optional<VersionedCase> project(long caseId) {
    return initiatives.find(caseId).filter(i -> i.caseCode() != null).map(i -> {
      List<String> agencies = new ArrayList<>(Stream.of(i.receivingAgency(), i.orderingAgency())
          .filter(a -> a != null).distinct().toList());
      String content = String.join("\n\n", Stream.of(i.problem(), i.solution(), i.expectedProduct())
          .filter(t -> t != null && !t.isBlank()).toList());
      return new VersionedCase(CaseDocument.of(caseType(), i.caseCode(), i.title(), content, i.status().code(), null,
          i.receivingAgency(), agencies, i.category().code(), null, i.submittedAt(), i.updatedAt(), null, i.decidedAt(),
          i.status() == InitiativeStatus.SELECTED), i.version());
    });
  }

  @Override
  public List<Long> idsAfter(long afterId, int limit) {
    return initiatives.idsAfter(afterId, limit);
  }
}
