package vn.dondoc.app.agencies;

import java.util.List;

/** A ministry, province or other body that tasks and feedback are assigned to. Mirrored as Keycloak group /agencies/{code}. */
public record Agency(String code, String name, String shortName, String kind, List<String> aliases) {

  /** The Camunda (and Keycloak path-derived) group id of this agency's staff. */
  public String groupId() {
    return AgencyGroups.PREFIX + code;
  }
}
