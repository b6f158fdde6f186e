package vn.dondoc.app.initiatives;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import vn.dondoc.app.search.CaseProjector;
import vn.dondoc.app.sla.SlaSummaries;
import vn.dondoc.app.sla.SlaSummary;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.VersionedCase;

/** Submitted initiatives as search documents; public once selected. Drafts are nobody's business but the innovator's. */
@Component
class InitiativeProjector implements CaseProjector {

  static final String SCREEN_STAGE = "SCREEN";

  private final InitiativeRepository initiatives;
  private final SlaSummaries sla;

  InitiativeProjector(InitiativeRepository initiatives, SlaSummaries sla) {
    this.initiatives = initiatives;
    this.sla = sla;
  }

  @Override
  public String caseType() {
    return InitiativeChanges.CASE_TYPE;
  }

  @Override
  public Optional<VersionedCase> project(long caseId) {
    return initiatives.find(caseId).filter(i -> i.caseCode() != null).map(i -> {
      List<String> agencies = new ArrayList<>(Stream.of(i.receivingAgency(), i.orderingAgency())
          .filter(a -> a != null)
          .distinct()
          .toList());
      String content = String.join(
          "\n\n",
          Stream.of(i.problem(), i.solution(), i.expectedProduct())
              .filter(t -> t != null && !t.isBlank())
              .toList());
      CaseDocument document = CaseDocument.of(
          caseType(),
          i.caseCode(),
          i.title(),
          content,
          i.status().code(),
          null,
          i.receivingAgency(),
          agencies,
          i.category().code(),
          null,
          i.submittedAt(),
          i.updatedAt(),
          null,
          i.decidedAt(),
          i.status() == InitiativeStatus.SELECTED);
      // The screening clock: due when screening must be done.
      Optional<SlaSummary> summary = sla.of(i.caseCode(), List.of(SCREEN_STAGE));
      if (summary.isPresent()) {
        SlaSummary s = summary.get();
        document =
            document.withSla(s.state(), s.breachAt(), s.escalationLevel()).dueAt(s.dueAt());
      }
      return new VersionedCase(document, i.version());
    });
  }

  @Override
  public List<Long> idsAfter(long afterId, int limit) {
    return initiatives.idsAfter(afterId, limit);
  }

  @Override
  public long count() {
    return initiatives.count();
  }

  @Override
  public void raiseVersion(long caseId) {
    initiatives.raiseVersion(caseId);
  }
}
