package vn.dondoc.app.feedback;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.attachments.AttachmentAccessPolicy;
import vn.dondoc.app.search.CallerScope;

/** Files attached to feedback are seen by whoever may see the feedback item itself. */
@Component
class FeedbackAttachmentAccess implements AttachmentAccessPolicy {

  private final FeedbackRepository repository;

  FeedbackAttachmentAccess(FeedbackRepository repository) {
    this.repository = repository;
  }

  @Override
  public String ownerType() {
    return FeedbackService.CASE_TYPE;
  }

  @Override
  public boolean mayRead(Authentication caller, long ownerId) {
    return repository
        .findById(ownerId)
        .map(item -> item.visibleTo(CallerScope.of(caller)))
        .orElse(false);
  }
}
