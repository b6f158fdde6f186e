package vn.dondoc.app.initiatives;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.dondoc.app.security.KeycloakDirectory;
import vn.dondoc.app.security.Roles;

/**
 * The council's experts as the standing office picks a panel: by name, with their organisation, and
 * why one may not sit on this initiative's panel (the proposer, the proposer's organisation, already
 * asked). The same rules as {@link InitiativeExperts#candidates}, which the model's panel check uses.
 */
@Component
public class PanelChoices {

  /**
   * @param excludedKey null when the expert may be chosen; otherwise the message key of the reason
   */
  public record Choice(String username, String fullName, String organisation, String excludedKey) {

    public boolean eligible() {
      return excludedKey == null;
    }
  }

  private final InitiativeRepository initiatives;
  private final InitiativeExperts experts;
  private final KeycloakDirectory directory;

  PanelChoices(
      InitiativeRepository initiatives, InitiativeExperts experts, KeycloakDirectory directory) {
    this.initiatives = initiatives;
    this.experts = experts;
    this.directory = directory;
  }

  public List<Choice> forCase(String caseCode) {
    Initiative initiative = initiatives.findByCode(caseCode).orElse(null);
    if (initiative == null) {
      return List.of();
    }
    Set<String> asked = initiatives.seats(initiative.id()).stream()
        .map(InitiativeRepository.Seat::expert)
        .collect(Collectors.toSet());
    return directory.members(Roles.EXPERT).stream()
        .map(username -> {
          KeycloakDirectory.Profile profile = directory.profileOf(username).orElse(null);
          String reason = username.equals(initiative.proposer())
              ? "work.panel.excluded.proposer"
              : asked.contains(username)
                  ? "work.panel.excluded.asked"
                  : experts.sameOrganisation(username, initiative)
                      ? "work.panel.excluded.organisation"
                      : null;
          return new Choice(
              username,
              profile == null || profile.fullName() == null ? username : profile.fullName(),
              profile == null ? null : profile.affiliation(),
              reason);
        })
        .toList();
  }
}
