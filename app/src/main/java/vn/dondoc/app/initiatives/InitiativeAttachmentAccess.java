package vn.dondoc.app.initiatives;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.attachments.AttachmentAccessPolicy;

/** Files of an initiative are seen by whoever sees the initiative (its proposer, its panel, the oversight roles). */
@Component
class InitiativeAttachmentAccess implements AttachmentAccessPolicy {

  private final InitiativeRepository initiatives;
  private final InitiativeService service;

  InitiativeAttachmentAccess(InitiativeRepository initiatives, InitiativeService service) {
    this.initiatives = initiatives;
    this.service = service;
  }

  @Override
  public String ownerType() {
    return InitiativeService.OWNER_TYPE;
  }

  @Override
  public boolean mayRead(Authentication caller, long ownerId) {
    return caller != null && initiatives.find(ownerId).map(i -> service.sees(i, caller)).orElse(false);
  }
}
