package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.agencies.Agency;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.agencies.ReferenceDataSeed;
import vn.dondoc.app.security.KeycloakAdminApi;
import vn.dondoc.app.support.AnsweredFeedback;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;

/**
 * Agencies through the admin API against the real realm: an added agency gets its group and leaders' subgroup;
 * an officer put in it sees its work; a merge takes cases, open steps and people along and keeps the old name as an
 * alias; bad input is refused naming the field, with nothing saved in the table or the realm.
 */
class AgencyAdministrationIT extends IntegrationTest {

  private static final String AGENCIES = "/api/v1/admin/agencies";

  @Autowired
  AgencyRealm realm;

  @Autowired
  KeycloakAdminApi adminRealmApi;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ReferenceData reference;

  @Autowired
  DataSource dataSource;

  RealmFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new RealmFixtures(adminRealmApi);
  }

  @AfterEach
  void cleanUp() {
    fixtures.cleanUp();
  }

  private static Map<String, Object> agency(String code, String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", name);
    body.put("shortName", name.substring(0, 6));
    body.put("kind", "PROVINCE");
    body.put("aliases", List.of("UBND " + name));
    return body;
  }

  private Api.Response create(Map<String, Object> body) {
    return api().postJson(AGENCIES, Api.toJson(body), Api.token("quantri"), Map.of());
  }

  @Test
  void anAddedAgencyIsAGroupWithLeadersAndItsOfficerSeesItsWork() {
    String code = fixtures.agencyCode();
    Api.Response created = create(agency(code, "Tỉnh Thử Nghiệm " + code));

    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(created.json().path("realmSynced").asBoolean()).isTrue();
    AgencyRealm.AgencyGroup group = realm.group(code).orElseThrow();
    assertThat(group.displayName()).isEqualTo("Tỉnh Thử Nghiệm " + code);
    assertThat(group.kind()).isEqualTo("PROVINCE");
    assertThat(group.leadersDisplayName()).isEqualTo("Lãnh đạo Tỉnh Thử Nghiệm " + code);
    assertThat(jdbc.sql(
                "select count(*) from audit_event where case_code = 'AGENCY' and action = 'AGENCY_CREATED'"
                    + " and detail->>'agency' = ?")
            .param(code)
            .query(Integer.class)
            .single())
        .isEqualTo(1);
    assertThat(api().get(AGENCIES + "/drift", Api.token("quantri")).json().findValuesAsText("code"))
        .doesNotContain(code);

    String officer = fixtures.user("/agency-officer", "/agencies/" + code);
    String caseCode = routedFeedback(code);

    JsonNode work = api()
        .get("/api/v1/work?size=100", Api.token(officer, RealmFixtures.PASSWORD))
        .json();
    assertThat(work.path("items").findValuesAsText("caseCode")).contains(caseCode);
    JsonNode otherOfficer =
        api().get("/api/v1/work?size=100", Api.token("canbo.hanoi")).json();
    assertThat(otherOfficer.path("items").findValuesAsText("caseCode")).doesNotContain(caseCode);
  }

  @Test
  void aMergeTakesCasesStepsAndPeopleAlongAndKeepsTheOldNameAsAnAlias() {
    String from = fixtures.agencyCode();
    String into = fixtures.agencyCode();
    assertThat(create(agency(from, "Sở Cũ " + from)).status()).isEqualTo(201);
    assertThat(create(agency(into, "Sở Mới " + into)).status()).isEqualTo(201);
    String officer = fixtures.user("/agency-officer", "/agencies/" + from);
    String leader =
        fixtures.user("/agency-leader", "/agencies/" + from, "/agencies/" + from + "/leaders");
    String caseCode = routedFeedback(from);
    long mark = jdbc.sql("select coalesce(max(id), 0) from audit_event")
        .query(Long.class)
        .single();

    JsonNode effect =
        api().get(AGENCIES + "/" + from + "/effect", Api.token("quantri")).json();
    assertThat(effect.path("feedback").asInt()).isEqualTo(1);
    assertThat(effect.path("openSteps").asInt()).isEqualTo(1);
    assertThat(effect.path("runningClocks").asInt()).isEqualTo(1);
    assertThat(effect.path("people").asInt()).isEqualTo(2);

    Api.Response merged = api()
        .postJson(
            AGENCIES + "/" + from + "/merge",
            Api.toJson(Map.of("into", into)),
            Api.token("quantri"),
            Map.of());

    assertThat(merged.status()).as(merged.raw().body()).isEqualTo(200);
    assertThat(merged.json().path("realmSynced").asBoolean()).isTrue();
    assertThat(jdbc.sql("select handling_agency from feedback_item where code = ?")
            .param(caseCode)
            .query(String.class)
            .single())
        .isEqualTo(into);
    assertThat(jdbc.sql(
                "select case_agency from sla_clock c join feedback_item f on f.id = c.case_id and c.case_type = 'feedback'"
                    + " where f.code = ? and c.state = 'RUNNING'")
            .param(caseCode)
            .query(String.class)
            .single())
        .isEqualTo(into);
    assertThat(jdbc.sql("""
            select l.group_id_ from act_ru_identitylink l join act_ru_task t on t.id_ = l.task_id_
            join act_ru_execution e on e.id_ = t.proc_inst_id_ where e.business_key_ = ? and l.type_ = 'candidate'""").param(caseCode).query(String.class).list())
        .containsExactly("agencies/" + into);
    assertThat(jdbc.sql("""
            select v.text_ from act_ru_variable v join act_ru_execution e on e.id_ = v.proc_inst_id_
            where e.business_key_ = ? and v.name_ = 'handlingAgency'""").param(caseCode).query(String.class).single()).isEqualTo(into);
    Map<String, Object> merging = jdbc.sql("select active, merged_into from agency where code = ?")
        .param(from)
        .query()
        .singleRow();
    assertThat(merging).containsEntry("active", false).containsEntry("merged_into", into);
    List<String> aliases = List.of((String[]) jdbc.sql("select aliases from agency where code = ?")
        .param(into)
        .query((rs, n) -> rs.getArray(1).getArray())
        .single());
    assertThat(aliases).contains("Sở Cũ " + from, "UBND Sở Cũ " + from, "UBND Sở Mới " + into);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(api()
                .get("/api/v1/search?agency=" + into, Api.token("quantri"))
                .json()
                .path("items")
                .findValuesAsText("code"))
            .as("the search index learns of the move")
            .contains(caseCode));
    assertThat(jdbc.sql(
                "select detail->'before'->>'active' || ' ' || (detail->'after'->>'mergedInto') from audit_event"
                    + " where id > ? and action = 'AGENCY_MERGED' and detail->>'agency' = ?")
            .param(mark)
            .param(from)
            .query(String.class)
            .single())
        .isEqualTo("true " + into);

    assertThat(fixtures.groupExists("agencies/" + from)).isFalse();
    assertThat(fixtures.groupsOf(officer))
        .contains("/agencies/" + into)
        .doesNotContain("/agencies/" + from);
    assertThat(fixtures.groupsOf(leader))
        .contains("/agencies/" + into, "/agencies/" + into + "/leaders");
    JsonNode work = api()
        .get("/api/v1/work?size=100", Api.token(officer, RealmFixtures.PASSWORD))
        .json();
    assertThat(work.path("items").findValuesAsText("caseCode"))
        .as("a fresh login sees the case under the new agency")
        .contains(caseCode);
    assertThat(api().get(AGENCIES + "/drift", Api.token("quantri")).json().findValuesAsText("code"))
        .doesNotContain(from, into);

    Api.Response again = api()
        .postJson(
            AGENCIES + "/" + from + "/merge",
            Api.toJson(Map.of("into", into)),
            Api.token("quantri"),
            Map.of());
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
    String code = fixtures.agencyCode();
    long agencies = jdbc.sql("select count(*) from agency").query(Long.class).single();

    assertRefused(create(with(agency(code, "Tỉnh Hợp Lệ " + code), "code", "Có Dấu")), "code");
    assertRefused(create(with(agency(code, "Tỉnh Hợp Lệ " + code), "code", "")), "code");
    assertRefused(create(with(agency(code, "Tỉnh Hợp Lệ " + code), "code", "bkhcn")), "code");
    assertRefused(create(with(agency(code, "Tỉnh Hợp Lệ " + code), "name", " ")), "name");
    assertRefused(
        create(with(agency(code, "Tỉnh Hợp Lệ " + code), "name", "Bộ Khoa học và Công nghệ")),
        "name");
    assertRefused(
        create(with(agency(code, "Tỉnh Hợp Lệ " + code), "name", "x".repeat(201))), "name");
    assertRefused(
        create(with(agency(code, "Tỉnh Hợp Lệ " + code), "shortName", null)), "shortName");
    assertRefused(create(with(agency(code, "Tỉnh Hợp Lệ " + code), "kind", "VILLAGE")), "kind");
    assertRefused(
        create(with(agency(code, "Tỉnh Hợp Lệ " + code), "aliases", List.of("y".repeat(201)))),
        "aliases");
    assertThat(jdbc.sql("select count(*) from agency").query(Long.class).single())
        .isEqualTo(agencies);
    assertThat(fixtures.groupExists("agencies/" + code)).isFalse();

    String admin = Api.token("quantri");
    assertRefused(
        api()
            .putJson(
                AGENCIES + "/bkhcn",
                Api.toJson(with(agency("bkhcn", "Bộ Khoa học và Công nghệ"), "kind", "")),
                admin),
        "kind");
    assertRefused(
        api()
            .postJson(
                AGENCIES + "/bkhcn/merge", Api.toJson(Map.of("into", "bkhcn")), admin, Map.of()),
        "into");
    assertRefused(
        api()
            .postJson(
                AGENCIES + "/bkhcn/merge", Api.toJson(Map.of("into", "khong-co")), admin, Map.of()),
        "into");
    assertThat(api()
            .postJson(
                AGENCIES + "/khong-co/merge", Api.toJson(Map.of("into", "bkhcn")), admin, Map.of())
            .status())
        .isEqualTo(404);
    assertThat(jdbc.sql("select name || kind || active from agency where code = 'bkhcn'")
            .query(String.class)
            .single())
        .isEqualTo("Bộ Khoa học và Công nghệMINISTRYtrue");
  }

  @Test
  void theDriftShowsAGroupChangedInKeycloakAndTheRepairMendsIt() {
    String code = fixtures.agencyCode();
    assertThat(create(agency(code, "Sở Lệch " + code)).status()).isEqualTo(201);
    adminRealmApi.delete("/groups/" + realm.group(code).orElseThrow().leadersId());
    String admin = Api.token("quantri");

    JsonNode drift = api().get(AGENCIES + "/drift", admin).json();
    assertThat(drift.findParents("code").stream()
            .filter(d -> d.path("code").asText().equals(code))
            .map(d -> d.path("problem").asText()))
        .containsExactly("missing-leaders");
    Api.Response repaired =
        api().postJson(AGENCIES + "/drift/repair?code=" + code, "", admin, Map.of());

    assertThat(repaired.status()).as(repaired.raw().body()).isEqualTo(200);
    assertThat(repaired.json().findValuesAsText("code")).containsExactly(code);
    assertThat(realm.group(code).orElseThrow().leadersDisplayName())
        .isEqualTo("Lãnh đạo Sở Lệch " + code);
    assertThat(api().get(AGENCIES + "/drift", admin).json().findValuesAsText("code"))
        .doesNotContain(code);
    assertThat(jdbc.sql(
                "select count(*) from audit_event where action = 'AGENCY_REALM_REPAIRED' and detail::text like ?")
            .param("%" + code + "%")
            .query(Integer.class)
            .single())
        .isEqualTo(1);
  }

  @Test
  void anAgencyWithOpenWorkIsNotDeactivatedAndOneWithoutLosesItsGroup() {
    String busy = fixtures.agencyCode();
    String idle = fixtures.agencyCode();
    assertThat(create(agency(busy, "Sở Bận " + busy)).status()).isEqualTo(201);
    assertThat(create(agency(idle, "Sở Rảnh " + idle)).status()).isEqualTo(201);
    routedFeedback(busy);
    String admin = Api.token("quantri");

    Api.Response refused =
        api().postJson(AGENCIES + "/" + busy + "/deactivate", "{}", admin, Map.of());
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(409);
    assertThat(refused.json().path("detail").asText()).contains("hợp nhất vào cơ quan khác");
    assertThat(jdbc.sql("select active from agency where code = ?")
            .param(busy)
            .query(Boolean.class)
            .single())
        .isTrue();

    Api.Response done =
        api().postJson(AGENCIES + "/" + idle + "/deactivate", "{}", admin, Map.of());
    assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
    assertThat(jdbc.sql("select active from agency where code = ?")
            .param(idle)
            .query(Boolean.class)
            .single())
        .isFalse();
    assertThat(fixtures.groupExists("agencies/" + idle)).isFalse();
    assertThat(reference.agencies())
        .as("work is no longer given to it")
        .extracting(Agency::code)
        .doesNotContain(idle)
        .contains(busy);
  }

  @Test
  void onlyAdminsReachTheAgencies() {
    String code = fixtures.agencyCode();
    assertThat(api().get(AGENCIES, Api.token("thuongtruc")).status()).isEqualTo(403);
    assertThat(api()
            .postJson(
                AGENCIES,
                Api.toJson(agency(code, "Tỉnh Không Được Thêm")),
                Api.token("giamsat"),
                Map.of())
            .status())
        .isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from agency where code = ?")
            .param(code)
            .query(Integer.class)
            .single())
        .isZero();
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> changed = new HashMap<>(body);
    changed.put(field, value);
    return changed;
  }

  /** A feedback item classified to the agency: its acceptance step is offered to the agency's group. */
  private String routedFeedback(String agency) {
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

  /**
   * The seed file edited after administrators changed agencies: loading it again adds its new agency and the aliases
   * it newly lists (given to the agency a merged one went into), and changes nothing the administrators did: names,
   * aliases added or removed, the merge.
   */
  @Test
  void theSeedLoadedAgainOnlyAddsWhatItNewlyListsAndKeepsWhatTheAdministratorsChanged()
      throws Exception {
    String into = fixtures.agencyCode();
    String from = fixtures.agencyCode();
    String added = fixtures.agencyCode();
    String admin = Api.token("quantri");
    assertThat(api()
            .postJson(AGENCIES, Api.toJson(agency(into, "Sở Gốc " + into)), admin, Map.of())
            .status())
        .isEqualTo(201);
    assertThat(api()
            .postJson(AGENCIES, Api.toJson(agency(from, "Sở Nhập " + from)), admin, Map.of())
            .status())
        .isEqualTo(201);
    List<List<String>> edited =
        new java.util.ArrayList<>(ReferenceDataSeed.rows("/db/seed/agencies.csv"));
    edited.add(List.of(
        into, "Sở Gốc theo tệp", "SG", "PROVINCE", "UBND Sở Gốc " + into + "|Bí danh cũ " + into));
    edited.add(List.of(from, "Sở Nhập theo tệp", "SN", "PROVINCE", "UBND Sở Nhập " + from));
    try (Connection connection = dataSource.getConnection()) {
      ReferenceDataSeed.seed(connection, edited, List.of());
    }
    assertThat(aliases(into)).containsExactly("UBND Sở Gốc " + into, "Bí danh cũ " + into);

    // The administrators: an alias removed, the name changed, another agency merged in.
    Map<String, Object> renamed = agency(into, "Sở Gốc Mới " + into);
    renamed.put("aliases", List.of("UBND Sở Gốc " + into));
    Api.Response edit = api().putJson(AGENCIES + "/" + into, Api.toJson(renamed), admin);
    assertThat(edit.status()).as(edit.raw().body()).isEqualTo(200);
    Api.Response merged = api()
        .postJson(
            AGENCIES + "/" + from + "/merge", Api.toJson(Map.of("into", into)), admin, Map.of());
    assertThat(merged.status()).as(merged.raw().body()).isEqualTo(200);
    Map<String, Object> before = row(into);
    List<String> aliasesBefore = aliases(into);
    assertThat(aliasesBefore)
        .contains("Sở Nhập " + from, "Sở Gốc " + into)
        .doesNotContain("Bí danh cũ " + into);

    // The file edited: a new agency, a new alias of each, and the old names and aliases as they
    // were in the file.
    edited.removeIf(row -> row.get(0).equals(into) || row.get(0).equals(from));
    edited.add(List.of(
        into,
        "Sở Gốc theo tệp sửa",
        "SGS",
        "MINISTRY",
        "UBND Sở Gốc " + into + "|Bí danh cũ " + into + "|Bí danh mới " + into));
    edited.add(List.of(
        from,
        "Sở Nhập theo tệp sửa",
        "SNS",
        "PROVINCE",
        "UBND Sở Nhập " + from + "|Bí danh mới " + from));
    edited.add(List.of(added, "Sở Thêm " + added, "ST", "PROVINCE", "Bí danh " + added));
    try (Connection connection = dataSource.getConnection()) {
      ReferenceDataSeed.seed(connection, edited, List.of());
      // loaded once more unchanged: nothing moves
      ReferenceDataSeed.seed(connection, edited, List.of());
    }

    try {
      assertThat(row(into))
          .as("name, short name, kind and state as the administrators left them")
          .isEqualTo(before);
      List<String> expected = new java.util.ArrayList<>(aliasesBefore);
      expected.addAll(List.of("Bí danh mới " + into, "Bí danh mới " + from));
      assertThat(aliases(into))
          .as("the removed alias stays removed; the new ones join, the merged agency's with it")
          .containsExactlyElementsOf(expected);
      assertThat(jdbc.sql("select active || ' ' || merged_into from agency where code = ?")
              .param(from)
              .query(String.class)
              .single())
          .isEqualTo("false " + into);
      assertThat(row(added))
          .containsEntry("name", "Sở Thêm " + added)
          .containsEntry("active", true);
      assertThat(aliases(added)).containsExactly("Bí danh " + added);
      assertThat(reference.agencyName("bkhcn"))
          .as("the seed file's own agencies as they were")
          .contains("Bộ Khoa học và Công nghệ");
    } finally {
      jdbc.sql("delete from agency_seed where code = ?").param(added).update();
      jdbc.sql("delete from agency where code = ?").param(added).update();
    }
  }

  private Map<String, Object> row(String code) {
    return jdbc.sql("select name, short_name, kind, active, merged_into from agency where code = ?")
        .param(code)
        .query()
        .singleRow();
  }

  private List<String> aliases(String code) {
    return List.of((String[]) jdbc.sql("select aliases from agency where code = ?")
        .param(code)
        .query((rs, n) -> rs.getArray(1).getArray())
        .single());
  }
}
