package vn.dondoc.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.security.KeycloakAdminApi;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.FieldProblems;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.NotFoundException;

/**
 * The people of the realm as administrators manage them, through Keycloak's admin API (Keycloak is where people are
 * kept; nothing of them is stored here): find, create (Keycloak e-mails the link to set a password), roles (the role
 * groups such as /agency-officer), agency membership (/agencies/<code>, and /agencies/<code>/leaders for a leader),
 * deactivation. Every change is in the audit trail under {@value #AUDIT_CASE} with before and after.
 */
@Service
public class People {

  public static final String AUDIT_CASE = "PERSON";
  /** The role groups an administrator gives or takes, in the order the page shows them. */
  public static final List<String> ROLES = List.of(
      Roles.STANDING_OFFICE,
      Roles.AGENCY_OFFICER,
      Roles.AGENCY_LEADER,
      Roles.REVIEWER,
      Roles.EXPERT,
      Roles.SUPERVISOR,
      Roles.INNOVATOR,
      Roles.ADMIN);

  static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final int NAME_MAX = 100;
  static final int PASSWORD_MIN = 8;
  private static final int FOUND_MAX = 50;
  private static final Logger log = LoggerFactory.getLogger(People.class);

  private final KeycloakAdminApi api;
  private final ReferenceData reference;
  private final AuditLog audit;

  People(KeycloakAdminApi api, ReferenceData reference, AuditLog audit) {
    this.api = api;
    this.reference = reference;
    this.audit = audit;
  }

  /** A person as the realm has them; {@code groups} are paths such as /agency-officer or /agencies/bkhcn/leaders. */
  public record Person(
      String id,
      String username,
      String firstName,
      String lastName,
      String email,
      boolean enabled,
      List<String> groups,
      String affiliation,
      String affiliationTaxCode,
      String jobTitle) {
    public String fullName() {
      String name =
          ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
      return name.isEmpty() ? username : name;
    }

    public List<String> roles() {
      return ROLES.stream().filter(role -> groups.contains("/" + role)).toList();
    }

    /** The agency the person belongs to, if any (the first one). */
    public String agency() {
      return groups.stream()
          .filter(path -> path.startsWith("/" + AgencyRealm.ROOT + "/"))
          .map(path -> path.split("/")[2])
          .findFirst()
          .orElse(null);
    }

    public boolean leader() {
      String agency = agency();
      return agency != null
          && groups.contains("/" + AgencyRealm.ROOT + "/" + agency + "/" + AgencyRealm.LEADERS);
    }

    /** A leader whose title the signature block of the documents they sign cannot print (it says a generic line). */
    public boolean leaderWithoutTitle() {
      return roles().contains(Roles.AGENCY_LEADER) && (jobTitle == null || jobTitle.isBlank());
    }

    Map<String, Object> audited() {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("username", username);
      values.put("enabled", enabled);
      values.put("roles", roles());
      values.put("agency", agency());
      values.put("leader", leader());
      values.put("jobTitle", jobTitle);
      return values;
    }
  }

  /** What an administrator typed for a new person; {@code temporaryPassword} optional (no e-mail then). */
  public record NewPerson(
      String username,
      String firstName,
      String lastName,
      String email,
      String role,
      String agency,
      boolean leader,
      String temporaryPassword) {}

  /** A person created; {@code mailSent} false when Keycloak could not send the set-password e-mail. */
  public record Created(Person person, boolean mailSent) {}

  /** The realm's attributes of the confirmed affiliation (docker/keycloak/realm-dondoc.json, user profile). */
  static final String AFFILIATION = "affiliation";

  static final String AFFILIATION_TAX_CODE = "affiliationTaxCode";
  private static final int AFFILIATION_MAX = 255;
  /** As the realm checks a tax code: ten digits, a branch's three more. */
  private static final Pattern TAX_CODE = Pattern.compile("^[0-9]{10}(-?[0-9]{3})?$");

  /** The realm's attribute of the job title printed under a signature (chức vụ; the user profile, admins edit). */
  static final String JOB_TITLE = "jobTitle";
  /** As the realm's user profile limits it. */
  static final int JOB_TITLE_MAX = 120;

  private static final String OFFICER_GROUP = "/" + Roles.AGENCY_OFFICER;
  private static final String LEADER_GROUP = "/" + Roles.AGENCY_LEADER;

  /** People whose username, name or e-mail contains the text (at most 50), without their groups. */
  public List<Person> find(String text) {
    String query = text == null ? "" : text.strip();
    List<Person> found = new ArrayList<>();
    for (JsonNode user : api.get("/users?briefRepresentation=true&max=" + FOUND_MAX + "&search="
        + KeycloakAdminApi.encode(query))) {
      if (!user.path("username").asText().startsWith("service-account-")) {
        found.add(person(user, List.of()));
      }
    }
    return found;
  }

  public Optional<Person> byUsername(String username) {
    for (JsonNode user : api.get("/users?exact=true&briefRepresentation=false&username="
        + KeycloakAdminApi.encode(username))) {
      if (username.equals(user.path("username").asText())) {
        List<String> groups = new ArrayList<>();
        api.get("/users/" + user.path("id").asText() + "/groups?briefRepresentation=true&max=1000")
            .forEach(group -> groups.add(group.path("path").asText()));
        return Optional.of(person(user, groups));
      }
    }
    return Optional.empty();
  }

  public Person existing(String username) {
    return byUsername(username == null ? "" : username)
        .orElseThrow(() -> new NotFoundException("person.not-found"));
  }

  public Created create(NewPerson input, String actor) {
    String username = input.username() == null ? "" : input.username().strip().toLowerCase();
    if (username.isEmpty()) {
      throw new InvalidFieldException("username", "validation.required");
    }
    if (!USERNAME.matcher(username).matches()) {
      throw new InvalidFieldException("username", "staff.admin.people.username-format");
    }
    String firstName = Inputs.text(input.firstName(), "firstName", NAME_MAX);
    String lastName = Inputs.text(input.lastName(), "lastName", NAME_MAX);
    String email = Inputs.text(input.email(), "email", 255);
    if (!EMAIL.matcher(email).matches()) {
      throw new InvalidFieldException("email", "validation.email");
    }
    String role = input.role() == null ? "" : input.role().strip();
    if (!ROLES.contains(role)) {
      throw new InvalidFieldException(
          "role", role.isEmpty() ? "validation.required" : "staff.admin.people.role-unknown");
    }
    // a leader is one coherent thing: the role group, an agency and its leaders subgroup (never an
    // officer as well)
    boolean leader = input.leader() || Roles.AGENCY_LEADER.equals(role);
    Set<String> agencyGroups = agencyGroups("agency", input.agency(), leader);
    if (leader && !Roles.AGENCY_OFFICER.equals(role) && !Roles.AGENCY_LEADER.equals(role)) {
      throw new InvalidFieldException("role", "staff.admin.people.leader-role");
    }
    Set<String> groups = new LinkedHashSet<>(List.of(leader ? LEADER_GROUP : "/" + role));
    groups.addAll(agencyGroups);
    String password = input.temporaryPassword() == null ? "" : input.temporaryPassword();
    if (!password.isEmpty() && password.length() < PASSWORD_MIN) {
      throw new InvalidFieldException(
          "temporaryPassword", "staff.admin.people.password-short", PASSWORD_MIN);
    }
    if (byUsername(username).isPresent()) {
      throw new InvalidFieldException("username", "staff.admin.people.username-taken");
    }
    if (!api.get(
            "/users?exact=true&briefRepresentation=true&email=" + KeycloakAdminApi.encode(email))
        .isEmpty()) {
      throw new InvalidFieldException("email", "staff.admin.people.email-taken");
    }
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", username);
    user.put("firstName", firstName);
    user.put("lastName", lastName);
    user.put("email", email);
    user.put("enabled", true);
    user.put("groups", List.copyOf(groups));
    if (!password.isEmpty()) {
      user.put(
          "credentials", List.of(Map.of("type", "password", "value", password, "temporary", true)));
    } else {
      user.put("requiredActions", List.of("UPDATE_PASSWORD"));
    }
    if (!api.postUnlessExists("/users", user)) {
      // created by someone else since the checks above
      throw new InvalidFieldException("username", "staff.admin.people.username-taken");
    }
    // the realm's default groups (for people who register themselves) are not what the admin chose
    Person person = existing(username);
    Set<String> defaults = new LinkedHashSet<>(person.groups());
    defaults.removeAll(groups);
    for (String path : defaults) {
      api.delete("/users/" + person.id() + "/groups/" + groupId(path));
    }
    person = existing(username);
    boolean mailSent = password.isEmpty() && setPasswordMail(person);
    audit.record(
        AUDIT_CASE,
        "PERSON_CREATED",
        actor,
        Map.of("username", username, "after", person.audited(), "mailSent", mailSent));
    return new Created(person, mailSent);
  }

  /** Gives and takes role groups so that the person has exactly {@code roles}. */
  public Person setRoles(String username, List<String> roles, String actor) {
    Person before = existing(username);
    List<String> wanted = roles == null ? List.of() : roles;
    for (String role : wanted) {
      if (!ROLES.contains(role)) {
        throw new InvalidFieldException("roles", "staff.admin.people.role-unknown");
      }
    }
    if (before.username().equals(actor)
        && before.roles().contains(Roles.ADMIN)
        && !wanted.contains(Roles.ADMIN)) {
      throw new InvalidFieldException("roles", "staff.admin.people.own-admin");
    }
    boolean leader = wanted.contains(Roles.AGENCY_LEADER);
    if (leader && wanted.contains(Roles.AGENCY_OFFICER)) {
      throw new InvalidFieldException("roles", "staff.admin.people.officer-or-leader");
    }
    if (leader && before.agency() == null) {
      throw new InvalidFieldException("roles", "staff.admin.people.leader-without-agency");
    }
    Set<String> add = new LinkedHashSet<>();
    Set<String> remove = new LinkedHashSet<>();
    for (String role : ROLES) {
      boolean has = before.roles().contains(role);
      if (wanted.contains(role) && !has) {
        add.add("/" + role);
      } else if (!wanted.contains(role) && has) {
        remove.add("/" + role);
      }
    }
    // the leader role and the agency's leaders subgroup go together (the sign-off steps are offered
    // to the subgroup)
    if (leader) {
      add.add(leadersGroup(before.agency()));
    }
    for (String path : before.groups()) {
      if (isLeadersGroup(path) && !(leader && path.equals(leadersGroup(before.agency())))) {
        remove.add(path);
      }
    }
    add.removeAll(before.groups());
    return changeGroups(before, add, remove, "PERSON_ROLES_CHANGED", actor);
  }

  /**
   * Makes the person a member of {@code agency} only (none takes them out of every agency), as its leader or not. A
   * leader gets the leader role group and the agency's leaders subgroup and loses the officer role; someone who led
   * and no longer does becomes an officer (the role group); anyone else keeps their roles (a reviewer of the agency
   * stays a reviewer). The leaders subgroup of an agency left behind is left too.
   */
  public Person setAgency(String username, String agency, boolean leader, String actor) {
    Person before = existing(username);
    Set<String> wanted = new LinkedHashSet<>(agencyGroups("agency", agency, leader));
    boolean wasLeader = before.roles().contains(Roles.AGENCY_LEADER);
    if (leader) {
      wanted.add(LEADER_GROUP);
    } else if (wasLeader) {
      wanted.add(OFFICER_GROUP);
    }
    Set<String> add = new LinkedHashSet<>(wanted);
    before.groups().forEach(add::remove);
    Set<String> remove = new LinkedHashSet<>();
    for (String path : before.groups()) {
      if (path.startsWith("/" + AgencyRealm.ROOT + "/") && !wanted.contains(path)) {
        remove.add(path);
      }
    }
    if (leader && before.groups().contains(OFFICER_GROUP)) {
      remove.add(OFFICER_GROUP);
    }
    if (!leader && wasLeader) {
      remove.add(LEADER_GROUP);
    }
    return changeGroups(before, add, remove, "PERSON_AGENCY_CHANGED", actor);
  }

  /**
   * The job title printed under the person's signature on the documents Dondoc issues for them (the answer letter),
   * e.g. "Phó Chủ tịch Ủy ban nhân dân"; kept by the administrators (the realm's user profile). Blank removes it.
   */
  public Person setJobTitle(String username, String jobTitle, String actor) {
    Person before = existing(username);
    String title = jobTitle == null ? "" : jobTitle.strip().replaceAll("\\s+", " ");
    FieldProblems problems = new FieldProblems();
    problems.limit(title, JOB_TITLE, JOB_TITLE_MAX);
    problems.throwIfAny();
    setAttributes(before, Map.of(JOB_TITLE, title));
    Person after = existing(username);
    if (!title.equals(after.jobTitle() == null ? "" : after.jobTitle())) {
      // a realm whose user profile lacks the attribute drops it without an error
      throw new ConflictException("staff.admin.people.job-title-not-kept");
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("username", username);
    detail.put("before", before.jobTitle());
    detail.put("after", after.jobTitle());
    audit.record(AUDIT_CASE, "PERSON_JOB_TITLE_CHANGED", actor, detail);
    return after;
  }

  /** The leaders (role group agency-leader) with no job title: their letters carry a generic signature line. */
  public List<Person> leadersWithoutTitle() {
    Optional<JsonNode> group = api.find("/group-by-path" + LEADER_GROUP);
    if (group.isEmpty()) {
      return List.of();
    }
    List<Person> found = new ArrayList<>();
    for (JsonNode user : api.get("/groups/" + group.get().path("id").asText()
        + "/members?briefRepresentation=false&max=1000")) {
      Person person = person(user, List.of(LEADER_GROUP));
      if (person.enabled() && person.leaderWithoutTitle()) {
        found.add(person);
      }
    }
    return found;
  }

  /**
   * The affiliation the administrators confirm (an expert's): conflicts of interest on initiative panels are judged
   * on it, and the person cannot change it themselves (the realm's user profile). Blank removes it.
   */
  public Person setAffiliation(String username, String affiliation, String taxCode, String actor) {
    Person before = existing(username);
    FieldProblems problems = new FieldProblems();
    String name = affiliation == null ? "" : affiliation.strip();
    String tax = taxCode == null ? "" : taxCode.strip();
    problems.limit(name, AFFILIATION, AFFILIATION_MAX);
    if (!tax.isEmpty() && !TAX_CODE.matcher(tax).matches()) {
      problems.add(AFFILIATION_TAX_CODE, "validation.tax-code");
    }
    problems.throwIfAny();
    setAttributes(before, Map.of(AFFILIATION, name, AFFILIATION_TAX_CODE, tax));
    Person after = existing(username);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("username", username);
    detail.put("before", Arrays.asList(before.affiliation(), before.affiliationTaxCode()));
    detail.put("after", Arrays.asList(after.affiliation(), after.affiliationTaxCode()));
    audit.record(AUDIT_CASE, "PERSON_AFFILIATION_CHANGED", actor, detail);
    return after;
  }

  /** Disables the person's account; refused (409) while open steps are theirs ({@code openSteps}), and for oneself. */
  public Person deactivate(String username, int openSteps, String actor) {
    Person before = existing(username);
    if (before.username().equals(actor)) {
      throw new ConflictException("staff.admin.people.own-account");
    }
    if (openSteps > 0) {
      throw new ConflictException("staff.admin.people.open-work");
    }
    if (!before.enabled()) {
      return before;
    }
    api.put("/users/" + before.id(), Map.of("enabled", false));
    Person after = existing(username);
    audit.record(
        AUDIT_CASE,
        "PERSON_DEACTIVATED",
        actor,
        Map.of("username", username, "before", before.audited(), "after", after.audited()));
    return after;
  }

  /** Sets a temporary password (the person changes it at the first sign-in): for a realm that sends no e-mail. */
  public void setTemporaryPassword(String username, String password, String actor) {
    Person person = existing(username);
    String typed = password == null ? "" : password;
    if (typed.isEmpty()) {
      throw new InvalidFieldException("temporaryPassword", "validation.required");
    }
    if (typed.length() < PASSWORD_MIN) {
      throw new InvalidFieldException(
          "temporaryPassword", "staff.admin.people.password-short", PASSWORD_MIN);
    }
    api.put(
        "/users/" + person.id() + "/reset-password",
        Map.of("type", "password", "value", typed, "temporary", true));
    audit.record(
        AUDIT_CASE, "PERSON_PASSWORD_SET", actor, Map.of("username", username, "temporary", true));
  }

  /** Asks Keycloak to e-mail the person a link to set their password; false when it could not (no mail server). */
  public boolean setPasswordMail(Person person) {
    try {
      api.put(
          "/users/" + person.id() + "/execute-actions-email?lifespan=259200",
          List.of("UPDATE_PASSWORD"));
      return true;
    } catch (KeycloakAdminApi.KeycloakUnavailableException e) {
      log.info("Keycloak sent no set-password e-mail to {}: {}", person.username(), e.getMessage());
      return false;
    }
  }

  /** Sets (a blank value removes) attributes of the person, keeping the rest of the account as it is. */
  private void setAttributes(Person person, Map<String, String> values) {
    ObjectNode user = (ObjectNode) api.get("/users/" + person.id());
    ObjectNode attributes = user.with("attributes");
    for (Map.Entry<String, String> value : values.entrySet()) {
      if (value.getValue().isEmpty()) {
        attributes.remove(value.getKey());
      } else {
        attributes.putArray(value.getKey()).add(value.getValue());
      }
    }
    api.put("/users/" + person.id(), user);
  }

  private static String leadersGroup(String agency) {
    return "/" + AgencyRealm.ROOT + "/" + agency + "/" + AgencyRealm.LEADERS;
  }

  private static boolean isLeadersGroup(String path) {
    return path.startsWith("/" + AgencyRealm.ROOT + "/")
        && path.endsWith("/" + AgencyRealm.LEADERS);
  }

  private Person changeGroups(
      Person before, Set<String> add, Set<String> remove, String action, String actor) {
    if (add.isEmpty() && remove.isEmpty()) {
      return before;
    }
    for (String path : add) {
      api.put("/users/" + before.id() + "/groups/" + groupId(path), null);
    }
    for (String path : remove) {
      api.delete("/users/" + before.id() + "/groups/" + groupId(path));
    }
    Person after = existing(before.username());
    audit.record(
        AUDIT_CASE,
        action,
        actor,
        Map.of(
            "username", before.username(), "before", before.audited(), "after", after.audited()));
    return after;
  }

  private Set<String> agencyGroups(String field, String agency, boolean leader) {
    String code = agency == null ? "" : agency.strip();
    if (code.isEmpty()) {
      if (leader) {
        throw new InvalidFieldException(field, "staff.admin.people.leader-without-agency");
      }
      return Set.of();
    }
    if (!reference.agencyExists(code)) {
      throw new InvalidFieldException(field, "staff.admin.agencies.unknown");
    }
    String path = "/" + AgencyRealm.ROOT + "/" + code;
    return leader
        ? new LinkedHashSet<>(List.of(path, path + "/" + AgencyRealm.LEADERS))
        : Set.of(path);
  }

  private String groupId(String path) {
    return api.find("/group-by-path" + path)
        .map(group -> group.path("id").asText())
        .orElseThrow(() -> new ConflictException("staff.admin.people.group-missing"));
  }

  private static Person person(JsonNode user, List<String> groups) {
    return new Person(
        user.path("id").asText(),
        user.path("username").asText(),
        user.path("firstName").asText(null),
        user.path("lastName").asText(null),
        user.path("email").asText(null),
        user.path("enabled").asBoolean(true),
        List.copyOf(groups),
        user.path("attributes").path(AFFILIATION).path(0).asText(null),
        user.path("attributes").path(AFFILIATION_TAX_CODE).path(0).asText(null),
        user.path("attributes").path(JOB_TITLE).path(0).asText(null));
  }
}
