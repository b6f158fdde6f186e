package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.security.KeycloakAdminApi;
import vn.dondoc.app.security.KeycloakDirectory;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * People through the admin API against the real realm: created in Keycloak (no copy here), put in an agency (and
 * then seeing its work at their next sign-in), given roles, their open step handed to a colleague before the
 * account is disabled; bad input refused naming the field with nothing created.
 */
class PeopleAdministrationIT extends IntegrationTest {

  private static final String PEOPLE = "/api/v1/admin/people";

  @Autowired
  KeycloakAdminApi adminRealmApi;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  People people;

  @Autowired
  KeycloakDirectory directory;

  RealmFixtures fixtures;
  String agency;

  @BeforeEach
  void agencyOfTheTest() {
    fixtures = new RealmFixtures(adminRealmApi);
    agency = fixtures.agencyCode();
    Api.Response created = api()
        .postJson(
            "/api/v1/admin/agencies",
            Api.toJson(Map.of(
                "code",
                agency,
                "name",
                "Sở Thử " + agency,
                "shortName",
                "Sở Thử",
                "kind",
                "PROVINCE",
                "aliases",
                List.of())),
            Api.token("quantri"),
            Map.of());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
  }

  @AfterEach
  void cleanUp() {
    fixtures.cleanUp();
  }

  private static Map<String, Object> person(String username) {
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("firstName", "Trần Thị");
    body.put("lastName", "Mai");
    body.put("email", username + "@thu-nghiem.dondoc.vn");
    body.put("role", "agency-officer");
    body.put("agency", null);
    body.put("leader", false);
    return body;
  }

  @Test
  void aPersonIsCreatedInKeycloakAndAnOfficerPutInAnAgencySeesItsWork() {
    String username = "it-" + Feedback.marker();
    Map<String, Object> body = person(username);
    body.put("agency", agency);
    Api.Response created = api().postJson(PEOPLE, Api.toJson(body), Api.token("quantri"), Map.of());
    fixtures.track(username);

    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(created.json().path("mailSent").asBoolean())
        .as("the realm has no mail server")
        .isFalse();
    assertThat(fixtures.groupsOf(username))
        .containsExactlyInAnyOrder("/agency-officer", "/agencies/" + agency);
    assertThat(jdbc.sql(
                "select count(*) from audit_event where case_code = 'PERSON' and action = 'PERSON_CREATED'"
                    + " and detail->>'username' = ? and detail->'after'->>'agency' = ?")
            .param(username)
            .param(agency)
            .query(Integer.class)
            .single())
        .isEqualTo(1);

    String officer = fixtures.user("/agency-officer");
    String caseCode = routedFeedback();
    Api.Response moved = api()
        .putJson(
            PEOPLE + "/" + officer + "/agency",
            Api.toJson(Map.of("agency", agency, "leader", false)),
            Api.token("quantri"));
    assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
    assertThat(fixtures.groupsOf(officer)).contains("/agencies/" + agency);
    JsonNode work = api()
        .get("/api/v1/work?size=100", Api.token(officer, RealmFixtures.PASSWORD))
        .json();
    assertThat(work.path("items").findValuesAsText("caseCode")).contains(caseCode);

    Api.Response roles = api()
        .putJson(
            PEOPLE + "/" + officer + "/roles",
            Api.toJson(Map.of("roles", List.of("agency-leader"))),
            Api.token("quantri"));
    assertThat(roles.status()).as(roles.raw().body()).isEqualTo(200);
    assertThat(fixtures.groupsOf(officer))
        .contains("/agency-leader")
        .doesNotContain("/agency-officer");
    Map<String, Object> audited = jdbc.sql(
            "select detail->'before'->>'roles' as before, detail->'after'->>'roles' as after"
                + " from audit_event where action = 'PERSON_ROLES_CHANGED' and detail->>'username' = ?")
        .param(officer)
        .query()
        .singleRow();
    assertThat((String) audited.get("before")).contains("\"agency-officer\"");
    assertThat(audited).containsEntry("after", "[\"agency-leader\"]");
  }

  @Test
  void leaderAndOfficerAreOneChoiceAndLeadershipStaysWithItsAgency() {
    String admin = Api.token("quantri");
    String person = fixtures.user("/agency-officer", "/agencies/" + agency);

    // the leader box: the role group and the agency's leaders subgroup, the officer role gone
    Api.Response led = api()
        .putJson(
            PEOPLE + "/" + person + "/agency",
            Api.toJson(Map.of("agency", agency, "leader", true)),
            admin);
    assertThat(led.status()).as(led.raw().body()).isEqualTo(200);
    assertThat(staffGroups(person))
        .containsExactlyInAnyOrder(
            "/agency-leader", "/agencies/" + agency, "/agencies/" + agency + "/leaders");

    // moved to another agency as its leader: out of the former agency and its leaders
    String other = fixtures.agencyCode();
    assertThat(api()
            .postJson(
                "/api/v1/admin/agencies",
                Api.toJson(Map.of(
                    "code",
                    other,
                    "name",
                    "Sở Khác " + other,
                    "shortName",
                    "Sở Khác",
                    "kind",
                    "PROVINCE",
                    "aliases",
                    List.of())),
                admin,
                Map.of())
            .status())
        .isEqualTo(201);
    api()
        .putJson(
            PEOPLE + "/" + person + "/agency",
            Api.toJson(Map.of("agency", other, "leader", true)),
            admin);
    assertThat(staffGroups(person))
        .containsExactlyInAnyOrder(
            "/agency-leader", "/agencies/" + other, "/agencies/" + other + "/leaders");

    // the box unticked: an officer again, nobody's leader
    api()
        .putJson(
            PEOPLE + "/" + person + "/agency",
            Api.toJson(Map.of("agency", other, "leader", false)),
            admin);
    assertThat(staffGroups(person))
        .containsExactlyInAnyOrder("/agency-officer", "/agencies/" + other);

    // the roles: leader gives the leaders subgroup of their agency, officer takes it; both at once
    // is refused
    assertRefused(
        api()
            .putJson(
                PEOPLE + "/" + person + "/roles",
                Api.toJson(Map.of("roles", List.of("agency-officer", "agency-leader"))),
                admin),
        "roles");
    assertThat(staffGroups(person))
        .as("nothing changed")
        .containsExactlyInAnyOrder("/agency-officer", "/agencies/" + other);
    api()
        .putJson(
            PEOPLE + "/" + person + "/roles",
            Api.toJson(Map.of("roles", List.of("agency-leader"))),
            admin);
    assertThat(staffGroups(person))
        .containsExactlyInAnyOrder(
            "/agency-leader", "/agencies/" + other, "/agencies/" + other + "/leaders");
    api()
        .putJson(
            PEOPLE + "/" + person + "/roles",
            Api.toJson(Map.of("roles", List.of("agency-officer"))),
            admin);
    assertThat(staffGroups(person))
        .containsExactlyInAnyOrder("/agency-officer", "/agencies/" + other);

    // a reviewer who belongs to an agency stays a reviewer: the box only makes leaders
    String reviewer = fixtures.user("/reviewer", "/agencies/" + agency);
    api()
        .putJson(
            PEOPLE + "/" + reviewer + "/agency",
            Api.toJson(Map.of("agency", other, "leader", false)),
            admin);
    assertThat(staffGroups(reviewer)).containsExactlyInAnyOrder("/reviewer", "/agencies/" + other);
    // leading needs an agency; a new person made a leader gets the whole of it
    String noAgency = fixtures.user("/agency-officer");
    assertRefused(
        api()
            .putJson(
                PEOPLE + "/" + noAgency + "/roles",
                Api.toJson(Map.of("roles", List.of("agency-leader"))),
                admin),
        "roles");
    assertThat(staffGroups(noAgency)).containsExactly("/agency-officer");
    String username = "it-" + Feedback.marker();
    Map<String, Object> body = person(username);
    body.put("agency", agency);
    body.put("leader", true);
    assertRefused(create(with(body, "role", "expert")), "role");
    Api.Response created = create(body);
    fixtures.track(username);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(staffGroups(username))
        .containsExactlyInAnyOrder(
            "/agency-leader", "/agencies/" + agency, "/agencies/" + agency + "/leaders");
  }

  @Test
  void aLeadersJobTitleIsKeptByTheAdministratorsAndALeaderWithoutOneIsPointedOut() {
    String leader =
        fixtures.user("/agency-leader", "/agencies/" + agency, "/agencies/" + agency + "/leaders");
    assertThat(people.leadersWithoutTitle())
        .extracting(People.Person::username)
        .contains(leader)
        .doesNotContain("lanhdao.hanoi");

    assertThatThrownBy(
            () -> people.setJobTitle(leader, "Phó Giám đốc " + "x".repeat(120), "quantri"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("jobTitle"));
    assertThat(directory.profileOf(leader).orElseThrow().jobTitle())
        .as("nothing saved")
        .isNull();

    people.setJobTitle(leader, "  Phó Giám đốc   Sở ", "quantri");
    assertThat(directory.profileOf(leader).orElseThrow().jobTitle()).isEqualTo("Phó Giám đốc Sở");
    assertThat(directory.profileOf(leader).orElseThrow().email())
        .as("the rest of the account kept")
        .isEqualTo(leader + "@thu-nghiem.dondoc.vn");
    assertThat(people.leadersWithoutTitle())
        .extracting(People.Person::username)
        .doesNotContain(leader);
    assertThat(jdbc.sql(
                "select coalesce(detail->>'before', '-') || '>' || (detail->>'after') from audit_event"
                    + " where action = 'PERSON_JOB_TITLE_CHANGED' and detail->>'username' = ?")
            .param(leader)
            .query(String.class)
            .single())
        .isEqualTo("->Phó Giám đốc Sở");

    people.setJobTitle(leader, " ", "quantri");
    assertThat(directory.profileOf(leader).orElseThrow().jobTitle())
        .as("blank removes it")
        .isNull();
  }

  @Test
  void anOpenStepIsHandedToAColleagueBeforeTheAccountIsDisabled() {
    String leaving = fixtures.user("/agency-officer", "/agencies/" + agency);
    String colleague = fixtures.user("/agency-officer", "/agencies/" + agency);
    String caseCode = routedFeedback();
    String leavingToken = Api.token(leaving, RealmFixtures.PASSWORD);
    String taskId = api()
        .get("/api/v1/work?size=100", leavingToken)
        .json()
        .path("items")
        .findParents("caseCode")
        .stream()
        .filter(item -> item.path("caseCode").asText().equals(caseCode))
        .findFirst()
        .orElseThrow()
        .path("taskId")
        .asText();
    assertThat(api()
            .postJson("/api/v1/work/" + taskId + "/claim", "{}", leavingToken, Map.of())
            .status())
        .isEqualTo(200);
    String admin = Api.token("quantri");

    JsonNode work = api().get(PEOPLE + "/" + leaving + "/work", admin).json();
    assertThat(work.findValuesAsText("caseCode")).containsExactly(caseCode);
    assertThat(work.get(0).path("colleagues").findValuesAsText("username"))
        .containsExactly(colleague);
    Api.Response refused =
        api().postJson(PEOPLE + "/" + leaving + "/deactivate", "{}", admin, Map.of());
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(409);
    assertThat(refused.json().path("detail").asText()).contains("bàn giao");

    Api.Response handed = api()
        .postJson(
            PEOPLE + "/" + leaving + "/work/" + taskId + "/hand-over",
            Api.toJson(Map.of("to", colleague, "reason", "Chuyển công tác")),
            admin,
            Map.of());
    assertThat(handed.status()).as(handed.raw().body()).isEqualTo(200);
    assertThat(handed.json()).isEmpty();
    assertThat(jdbc.sql(
                "select actor || ' ' || (detail->>'from') || ' ' || (detail->>'to') from audit_event"
                    + " where case_code = ? and action = 'TASK_REASSIGNED'")
            .param(caseCode)
            .query(String.class)
            .single())
        .isEqualTo("quantri " + leaving + " " + colleague);

    Api.Response disabled =
        api().postJson(PEOPLE + "/" + leaving + "/deactivate", "{}", admin, Map.of());
    assertThat(disabled.status()).as(disabled.raw().body()).isEqualTo(200);
    assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
    assertThat(jdbc.sql(
                "select count(*) from audit_event where action = 'PERSON_DEACTIVATED' and detail->>'username' = ?"
                    + " and detail->'before'->>'enabled' = 'true' and detail->'after'->>'enabled' = 'false'")
            .param(leaving)
            .query(Integer.class)
            .single())
        .isEqualTo(1);
  }

  @Test
  void anExpertsAffiliationIsSetByTheAdministratorsAndIsWhatConflictsAreJudgedOn() {
    String expert = fixtures.user("/expert");
    assertThatThrownBy(() -> people.setAffiliation(
            expert, "Công ty Cổ phần Công nghệ Sáng Kiến Việt", "01012345", "quantri"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> assertThat(e.field()).isEqualTo("affiliationTaxCode"));
    assertThat(directory.profileOf(expert).orElseThrow().affiliation())
        .as("nothing saved")
        .isNull();

    people.setAffiliation(
        expert, " Công ty Cổ phần Công nghệ Sáng Kiến Việt ", "0101234567", "quantri");
    KeycloakDirectory.Profile profile = directory.profileOf(expert).orElseThrow();
    assertThat(profile.affiliation()).isEqualTo("Công ty Cổ phần Công nghệ Sáng Kiến Việt");
    assertThat(profile.affiliationTaxCode()).isEqualTo("0101234567");
    assertThat(profile.email())
        .as("the rest of the account kept")
        .isEqualTo(expert + "@thu-nghiem.dondoc.vn");
    assertThat(jdbc.sql(
                "select count(*) from audit_event where action = 'PERSON_AFFILIATION_CHANGED' and detail->>'username' = ?")
            .param(expert)
            .query(Integer.class)
            .single())
        .isEqualTo(1);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNobodyIsCreated() {
    String username = "it-" + Feedback.marker();
    String admin = Api.token("quantri");

    assertRefused(create(with(person(username), "username", "Có Dấu")), "username");
    assertRefused(create(with(person(username), "username", "quantri")), "username");
    assertRefused(create(with(person(username), "firstName", " ")), "firstName");
    assertRefused(create(with(person(username), "lastName", "x".repeat(101))), "lastName");
    assertRefused(create(with(person(username), "email", "khong-phai-thu")), "email");
    assertRefused(create(with(person(username), "email", "quantri@dondoc.local")), "email");
    assertRefused(create(with(person(username), "role", "citizen")), "role");
    assertRefused(create(with(person(username), "agency", "khong-co")), "agency");
    assertRefused(create(with(person(username), "leader", true)), "agency");
    assertRefused(create(with(person(username), "temporaryPassword", "ngan")), "temporaryPassword");
    assertThat(api().get(PEOPLE + "?q=" + username, admin).json()).isEmpty();

    assertRefused(
        api().putJson(PEOPLE + "/quantri/roles", Api.toJson(Map.of("roles", List.of())), admin),
        "roles");
    assertRefused(
        api()
            .putJson(
                PEOPLE + "/canbo.hanoi/roles",
                Api.toJson(Map.of("roles", List.of("chief"))),
                admin),
        "roles");
    assertThat(api()
            .putJson(PEOPLE + "/khong-co-ai/roles", Api.toJson(Map.of("roles", List.of())), admin)
            .status())
        .isEqualTo(404);
    assertThat(api()
            .postJson(PEOPLE + "/quantri/deactivate", "{}", admin, Map.of())
            .status())
        .isEqualTo(409);
    assertThat(fixtures.groupsOf("quantri")).contains("/admin");
  }

  @Test
  void onlyAdminsReachPeople() {
    assertThat(api().get(PEOPLE + "?q=canbo", Api.token("lanhdao.hanoi")).status())
        .isEqualTo(403);
    String username = "it-" + Feedback.marker();
    assertThat(api()
            .postJson(PEOPLE, Api.toJson(person(username)), Api.token("thuongtruc"), Map.of())
            .status())
        .isEqualTo(403);
    assertThat(api().get(PEOPLE + "?q=" + username, Api.token("quantri")).json())
        .isEmpty();
  }

  /** The person's groups but the realm's default one for people who register (/innovator), which nothing here touches. */
  private List<String> staffGroups(String username) {
    return fixtures.groupsOf(username).stream()
        .filter(path -> !path.equals("/innovator"))
        .toList();
  }

  private Api.Response create(Map<String, Object> body) {
    return api().postJson(PEOPLE, Api.toJson(body), Api.token("quantri"), Map.of());
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> changed = new HashMap<>(body);
    changed.put(field, value);
    return changed;
  }

  /** A feedback item classified to the test's agency: its acceptance step is offered to the agency's group. */
  private String routedFeedback() {
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json()
        .path("code")
        .asText();
    AnsweredFeedback.complete(
        api(),
        code,
        "ClassifyFeedback",
        Map.of("handlingAgency", agency, "field", "administrative-procedures"));
    return code;
  }

  private static void assertRefused(Api.Response response, String field) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly(field);
  }
}
