package vn.dondoc.app.feedback;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dondoc.app.search.CaseProjector;
import vn.dondoc.app.sla.SlaSummaries;
import vn.dondoc.app.sla.SlaSummary;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.VersionedCase;

/**
 * Feedback items as search documents, with the channel they were received through; public once the
 * answer is published with the sender's consent.
 * SLA state and due instant are those of the item's current (or last) stage clock.
 */
@Component
class FeedbackProjector implements CaseProjector {

  private final FeedbackRepository repository;
  private final SlaSummaries sla;

  FeedbackProjector(FeedbackRepository repository, SlaSummaries sla) {
    this.repository = repository;
    this.sla = sla;
  }

  @Override
  public String caseType() {
    return FeedbackService.CASE_TYPE;
  }

  @Override
  public Optional<VersionedCase> project(long caseId) {
    return repository.findById(caseId).map(item -> {
      CaseDocument document = CaseDocument.of(
              FeedbackService.CASE_TYPE,
              item.code(),
              item.title(),
              item.content(),
              item.status(),
              null,
              item.handlingAgency(),
              item.handlingAgency() == null ? List.of() : List.of(item.handlingAgency()),
              FeedbackField.vocabularyCode(item.field()),
              item.locality(),
              item.submittedAt(),
              item.updatedAt(),
              null,
              item.closedAt(),
              item.published())
          .receivedThrough(item.channel());
      // Due: when the stage the item is in (routing, acceptance, answer) must be done.
      Optional<SlaSummary> summary = sla.of(item.code());
      if (summary.isPresent()) {
        SlaSummary s = summary.get();
        document =
            document.withSla(s.state(), s.breachAt(), s.escalationLevel()).dueAt(s.dueAt());
      }
      return new VersionedCase(document, item.version());
    });
  }

  @Override
  public List<Long> idsAfter(long afterId, int limit) {
    return repository.idsAfter(afterId, limit);
  }

  @Override
  public long count() {
    return repository.count();
  }

  @Override
  public void raiseVersion(long caseId) {
    repository.raiseVersion(caseId);
  }
}
