package vn.dondoc.app.initiatives;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.attachments.AttachmentAccessPolicy;

/** Files of an initiative are seen by whoever sees the initiative (its proposer, its panel, the oversight roles). */
@Component
class InitiativeAttachmentAccess implements AttachmentAccessPolicy {

  private final InitiativeRepository initiatives;
  private final InitiativeSight sight;

  InitiativeAttachmentAccess(InitiativeRepository initiatives, InitiativeSight sight) {
    this.initiatives = initiatives;
    this.sight = sight;
  }

  @Override
  public String ownerType() {
    return InitiativeService.OWNER_TYPE;
  }

  @Override
  public boolean mayRead(Authentication caller, long ownerId) {
    return caller != null
        && initiatives.find(ownerId).map(i -> sight.sees(i, caller)).orElse(false);
  }
}
