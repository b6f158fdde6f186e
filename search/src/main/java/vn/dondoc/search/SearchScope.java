package vn.dondoc.search;

import java.util.Set;

/**
 * Which cases a caller may see. Every query carries one; there is no unscoped search.
 *
 * @param allCases staff who oversee all cases (standing office, supervisors, reviewers, admins)
 * @param agencies agency codes whose cases the caller may see as lead or co-operating agency
 * @param published whether published cases are visible too (the public sees only those)
 */
public record SearchScope(boolean allCases, Set<String> agencies, boolean published) {

  public static SearchScope unrestricted() {
    return new SearchScope(true, Set.of(), true);
  }

  public static SearchScope ofAgencies(Set<String> agencyCodes) {
    return new SearchScope(false, Set.copyOf(agencyCodes), false);
  }

  public static SearchScope publishedOnly() {
    return new SearchScope(false, Set.of(), true);
  }
}
