package vn.dondoc.app.search;

import org.springframework.security.core.Authentication;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.search.SearchScope;

/** What the caller may see, derived from their roles and agency groups (API token or page session alike, see {@link Caller}). */
public final class CallerScope {

  private CallerScope() {}

  public static SearchScope of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return SearchScope.publishedOnly();
    }
    Caller caller = Caller.of(authentication);
    if (caller.hasAnyRole(Roles.OVERSIGHT)) {
      return SearchScope.unrestricted();
    }
    if (caller.hasAnyRole(Roles.AGENCY_OFFICER, Roles.AGENCY_LEADER)) {
      return SearchScope.ofAgencies(caller.agencies());
    }
    return SearchScope.publishedOnly();
  }
}
