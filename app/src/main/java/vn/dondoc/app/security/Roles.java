package vn.dondoc.app.security;

/** Realm roles of the Keycloak realm "dondoc" (docker/keycloak/realm-dondoc.json). */
public final class Roles {

  public static final String STANDING_OFFICE = "standing-office";
  public static final String AGENCY_OFFICER = "agency-officer";
  public static final String AGENCY_LEADER = "agency-leader";
  public static final String REVIEWER = "reviewer";
  public static final String EXPERT = "expert";
  public static final String SUPERVISOR = "supervisor";
  public static final String INNOVATOR = "innovator";
  public static final String CITIZEN = "citizen";
  public static final String ADMIN = "admin";

  /** Roles that work on cases (not the public, innovators or experts). */
  public static final String[] STAFF = {
    STANDING_OFFICE, AGENCY_OFFICER, AGENCY_LEADER, REVIEWER, SUPERVISOR, ADMIN
  };

  /** Roles that oversee every case regardless of agency. */
  public static final String[] OVERSIGHT = {STANDING_OFFICE, SUPERVISOR, REVIEWER, ADMIN};

  private Roles() {}
}
