package vn.dondoc.app.agencies;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads agency membership from group ids such as {@code agencies/bkhcn} (or the token form {@code /agencies/bkhcn}). */
public final class AgencyGroups {

  public static final String PREFIX = "agencies/";

  public static Set<String> agencyCodes(Collection<String> groups) {
    Set<String> codes = new LinkedHashSet<>();
    for (String group : groups) {
      String id = group.startsWith("/") ? group.substring(1) : group;
      if (id.startsWith(PREFIX) && id.length() > PREFIX.length()) {
        codes.add(id.substring(PREFIX.length()));
      }
    }
    return codes;
  }

  private AgencyGroups() {}
}
