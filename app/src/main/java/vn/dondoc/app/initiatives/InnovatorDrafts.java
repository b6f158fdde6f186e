package vn.dondoc.app.initiatives;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** "Save" and "save and submit" of the draft form, each all or nothing: a refused submission keeps no half-saved draft. */
@Component
class InnovatorDrafts {

  private final InitiativeService service;

  InnovatorDrafts(InitiativeService service) {
    this.service = service;
  }

  @Transactional
  Initiative save(Long id, InitiativeDraft draft, boolean submit, Authentication caller) {
    Initiative saved = service.saveDraft(id, draft, submit, caller);
    return submit ? service.submit(saved.id(), caller) : saved;
  }
}
