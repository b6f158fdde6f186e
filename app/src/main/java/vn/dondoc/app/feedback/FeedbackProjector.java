package vn.dondoc.app.feedback;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dondoc.app.search.CaseProjector;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.VersionedCase;

/** Feedback items as search documents; public once the answer is published with the sender's consent. */
@Component
class FeedbackProjector implements CaseProjector {

  private final FeedbackRepository repository;

  FeedbackProjector(FeedbackRepository repository) {
    this.repository = repository;
  }

  @Override
  public String caseType() {
    return FeedbackService.CASE_TYPE;
  }

  @Override
  public Optional<VersionedCase> project(long caseId) {
    return repository.findById(caseId).map(item -> new VersionedCase(CaseDocument.of(FeedbackService.CASE_TYPE,
        item.code(), item.title(), item.content(), item.status(), null, item.handlingAgency(),
        item.handlingAgency() == null ? List.of() : List.of(item.handlingAgency()), item.field(), item.locality(),
        item.submittedAt(), item.updatedAt(), null, item.closedAt(), item.published()), item.version()));
  }

  @Override
  public List<Long> idsAfter(long afterId, int limit) {
    return repository.idsAfter(afterId, limit);
  }
}
