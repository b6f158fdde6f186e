package vn.dondoc.app.agencies;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads agency membership from group ids such as {@code agencies/bkhcn} (or the token form {@code /agencies/bkhcn}). */
public final class AgencyGroups {

  public static final String PREFIX = "agencies/";

  /** The Camunda group of an agency's leaders, who sign off what the agency sends out. */
  public static String leadersOf(String agencyCode) {
    return PREFIX + agencyCode + "/leaders";
  }

  public static Set<String> agencyCodes(Collection<String> groups) {
    Set<String> codes = new LinkedHashSet<>();
    for (String group : groups) {
      String id = group.startsWith("/") ? group.substring(1) : group;
      if (id.startsWith(PREFIX) && id.length() > PREFIX.length()) {
        // agencies/bkhcn and its subgroups such as agencies/bkhcn/leaders all mean agency bkhcn
        String rest = id.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        codes.add(slash < 0 ? rest : rest.substring(0, slash));
      }
    }
    return codes;
  }

  private AgencyGroups() {}
}
