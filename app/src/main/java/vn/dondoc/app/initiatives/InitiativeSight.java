package vn.dondoc.app.initiatives;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.security.Roles;

/**
 * Who sees an initiative: its proposer; the standing office, supervisors and admins once it is
 * submitted; an expert while they hold a seat on its panel (not after a conflict or a missed deadline).
 */
@Component
class InitiativeSight {

  private final InitiativeRepository initiatives;

  InitiativeSight(InitiativeRepository initiatives) {
    this.initiatives = initiatives;
  }

  boolean sees(Initiative initiative, Authentication caller) {
    if (initiative.proposer().equals(caller.getName())) {
      return true;
    }
    if (hasRole(caller, Roles.STANDING_OFFICE)
        || hasRole(caller, Roles.SUPERVISOR)
        || hasRole(caller, Roles.ADMIN)) {
      return initiative.caseCode() != null;
    }
    return hasRole(caller, Roles.EXPERT)
        && initiatives
            .seatOf(initiative.id(), caller.getName())
            .filter(seat -> !seat.status().equals("CONFLICT") && !seat.status().equals("LATE"))
            .isPresent();
  }

  static boolean hasRole(Authentication caller, String role) {
    return caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
  }
}
