package vn.dondoc.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.time.HanoiTime;

/**
 * GET /api/v1/search with real users: facets within scope, diacritic-free text over every case type,
 * highlights, phrase ranking, day ranges, orders; and saved searches with their ownership and scope.
 */
class SearchIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  private final String standingOffice = Api.token("thuongtruc");
  private final String officer = Api.token("canbo.bkhcn");
  private final String hanoiOfficer = Api.token("canbo.hanoi");

  @Test
  void facetsCountOnlyTheCasesTheCallerMaySee() {
    String marker = Feedback.marker();
    String mine = issue(
            Map.of("bkhcn", "Chuẩn hóa dữ liệu khoa học " + marker),
            LocalDate.now().plusMonths(2))
        .get(0);
    String theirs = issue(
            Map.of("hanoi", "Chuẩn hóa dữ liệu đô thị " + marker),
            LocalDate.now().plusMonths(2))
        .get(0);

    // ignoreExceptions: the first case relayed creates the index; before that, search answers 503
    JsonNode all = await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> search("q=" + marker, standingOffice), r -> r.path("total").asLong() == 2);
    assertThat(all.path("facets").path("agency").path("bkhcn").asLong()).isEqualTo(1);
    assertThat(all.path("facets").path("agency").path("hanoi").asLong()).isEqualTo(1);
    assertThat(all.path("facets").path("type").path("task").asLong()).isEqualTo(2);
    assertThat(all.path("facets").path("status").path("ASSIGNED").asLong()).isEqualTo(2);
    assertThat(all.path("facets").path("slaState").path("RUNNING").asLong())
        .as("waiting for acknowledgement")
        .isEqualTo(2);

    JsonNode officers = search("q=" + marker, officer);
    assertThat(officers.path("items").findValuesAsText("code")).containsExactly(mine);
    assertThat(officers.path("facets").path("agency").properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("bkhcn");
    assertThat(officers.path("facets").path("type").path("task").asLong()).isEqualTo(1);

    assertThat(search("q=" + marker, hanoiOfficer).path("items").findValuesAsText("code"))
        .containsExactly(theirs);
    assertThat(search("q=" + marker, null).path("total").asLong())
        .as("the public: published items only")
        .isZero();
    assertThat(search("q=" + marker, null).path("facets").path("type").size()).isZero();
  }

  @Test
  void textWithoutDiacriticsFindsATaskItsExtensionItsEvidenceAndAnInitiativeWithHighlights() {
    String marker = Feedback.marker();
    LocalDate deadline = LocalDate.now().plusDays(30);
    String task = issue(Map.of("bkhcn", "Số hóa hồ sơ địa chính toàn quốc " + marker), deadline)
        .get(0);
    ok(api().postJson("/api/v1/tasks/" + task + "/acknowledge", "{}", officer, Map.of()));
    LocalDate proposed = deadline.plusMonths(2);
    Api.Response requested = api()
        .postJson(
            "/api/v1/tasks/" + task + "/extensions",
            Api.toJson(Map.of(
                "proposedDeadline",
                proposed.toString(),
                "reason",
                "PROCUREMENT",
                "narrative",
                "Gói thầu số hóa hồ sơ địa chính đang chờ phê duyệt " + marker,
                "milestones",
                List.of(Map.of(
                    "date", deadline.plusMonths(1).toString(), "milestone", "Ký hợp đồng")))),
            officer,
            Map.of());
    ok(requested);
    String extension = requested.json().path("caseCode").asText();
    Map<String, Object> initiative = new HashMap<>();
    initiative.put("category", "BREAKTHROUGH");
    initiative.put("title", "Số hóa hồ sơ địa chính bằng trí tuệ nhân tạo " + marker);
    initiative.put("problem", "Hồ sơ địa chính giấy khó tra cứu.");
    initiative.put("solution", "Nhận dạng văn bản và liên thông dữ liệu đất đai.");
    initiative.put("expectedProduct", "Kho dữ liệu địa chính số.");
    initiative.put("publishProposer", true);
    Api.Response draft = api()
        .postJson("/api/v1/initiatives", Api.toJson(initiative), Api.token("sangkien"), Map.of());
    ok(draft);
    Api.Response submitted = api()
        .postJson(
            "/api/v1/initiatives/drafts/" + draft.json().path("id").asText() + "/submit",
            "{}",
            Api.token("sangkien"),
            Map.of());
    ok(submitted);
    String initiativeCode = submitted.json().path("caseCode").asText();

    String q = "q=" + Api.encode("so hoa ho so dia chinh " + marker);
    JsonNode found = await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> search(q, standingOffice),
            r -> r.path("items")
                .findValuesAsText("code")
                .containsAll(List.of(task, extension, initiativeCode)));
    JsonNode ext = item(found, extension);
    assertThat(ext.path("caseType").asText()).isEqualTo("extension");
    assertThat(ext.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(ext.path("leadAgency").asText()).isEqualTo("bkhcn");
    assertThat(ext.path("title").asText())
        .isEqualTo(item(found, task).path("title").asText());
    assertThat(ext.path("dueAt").asText()).startsWith(proposed.plusDays(1).toString());
    assertThat(ext.path("slaState").asText()).isEqualTo("RUNNING");
    assertThat(item(found, task).path("directive").asText()).endsWith("-TB/CQTTBCĐ");
    assertThat(item(found, task).path("section").asText())
        .isEqualTo("Hoàn thiện thể chế, quy định, quy trình");
    assertThat(item(found, initiativeCode).path("slaState").asText())
        .as("the screening clock")
        .isEqualTo("RUNNING");
    assertThat(item(found, task).path("highlight").path("title").get(0).asText())
        .contains("<em>Số hóa hồ sơ địa chính</em>");
    assertThat(item(found, extension).path("highlight").path("content").toString())
        .contains("<em>");
    assertThat(search(q, hanoiOfficer).path("items").findValuesAsText("code"))
        .doesNotContain(task, extension);

    // The decision reaches the extension's document; its evidence is a document of its own.
    ok(api()
        .postJson(
            "/api/v1/extensions/" + extension + "/decision",
            "{\"decision\":\"approve\"}",
            standingOffice,
            Map.of()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> item(search(q + "&type=extension", officer), extension)
            .path("status")
            .asText()
            .equals("APPROVED"));
    Api.Response report = api()
        .postJson(
            "/api/v1/tasks/" + task + "/completion",
            Api.toJson(Directives.documentEvidence("12/2026/TT-BKHCN")),
            officer,
            Map.of());
    assertThat(report.status()).as(report.raw().body()).isEqualTo(201);
    JsonNode evidence = await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> search("type=evidence&q=" + marker, officer),
            r -> r.path("total").asLong() == 1)
        .path("items")
        .get(0);
    assertThat(evidence.path("code").asText()).startsWith(task + "/MC-");
    assertThat(evidence.path("title").asText()).startsWith("Minh chứng: Số hóa hồ sơ địa chính");
    assertThat(evidence.path("status").asText()).isEqualTo("SUBMITTED");
    ok(api()
        .postJson(
            "/api/v1/tasks/" + task + "/review",
            "{\"reviewDecision\":\"accept\"}",
            Api.token("thamdinh"),
            Map.of()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> search("type=evidence&q=" + marker, officer)
            .path("items")
            .get(0)
            .path("status")
            .asText()
            .equals("ACCEPTED"));
    assertThat(search("type=evidence&q=" + marker, hanoiOfficer).path("total").asLong())
        .isZero();
  }

  @Test
  void aPhraseRanksAboveTheSameWordsScattered() {
    String marker = Feedback.marker();
    List<String> codes = issue(
        List.of(
            Map.entry("bkhcn", marker + " Hiểm họa của đầu tư dàn trải, quỹ cần mạo danh nghĩa"),
            Map.entry("bkhcn", marker + " Thành lập quỹ đầu tư mạo hiểm quốc gia")),
        LocalDate.now().plusMonths(2));
    String q = "q=" + Api.encode(marker + " quy dau tu mao hiem");
    JsonNode found = await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> search(q, standingOffice), r -> r.path("total").asLong() == 2);
    assertThat(found.path("sort").asText()).isEqualTo("relevance");
    assertThat(found.path("items").findValuesAsText("code"))
        .containsExactly(codes.get(1), codes.get(0));
  }

  @Test
  void dayRangesAndTheOrderByDue() {
    String marker = Feedback.marker();
    LocalDate today = LocalDate.now(HanoiTime.ZONE);
    String later = issue(Map.of("bkhcn", "Nhiệm vụ hạn giữa " + marker), today.plusDays(40))
        .get(0);
    String soonest =
        issue(Map.of("bkhcn", "Nhiệm vụ hạn sớm " + marker), today.plusDays(20)).get(0);
    String last = issue(Map.of("bkhcn", "Nhiệm vụ hạn muộn " + marker), today.plusDays(60))
        .get(0);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> search("q=" + marker, officer), r -> r.path("total").asLong() == 3);

    assertThat(search("sort=due&q=" + marker, officer).path("items").findValuesAsText("code"))
        .containsExactly(soonest, later, last);
    assertThat(search(
                "q=" + marker + "&dueFrom=" + today.plusDays(20) + "&dueTo=" + today.plusDays(20),
                officer)
            .path("items")
            .findValuesAsText("code"))
        .as("the deadline day, both ends included")
        .containsExactly(soonest);
    assertThat(search(
                "q=" + marker + "&dueFrom=" + today.plusDays(21) + "&dueTo=" + today.plusDays(60),
                officer)
            .path("items")
            .findValuesAsText("code"))
        .containsExactlyInAnyOrder(later, last);
    assertThat(search("q=" + marker + "&createdFrom=" + today + "&createdTo=" + today, officer)
            .path("total")
            .asLong())
        .isEqualTo(3);
    assertThat(search("q=" + marker + "&createdTo=" + today.minusDays(1), officer)
            .path("total")
            .asLong())
        .isZero();
    assertThat(search("q=" + marker + "&createdFrom=" + today.plusDays(1), officer)
            .path("total")
            .asLong())
        .isZero();

    badRequest("/api/v1/search?createdFrom=2026-02-30", "createdFrom");
    badRequest("/api/v1/search?dueTo=tomorrow", "dueTo");
    badRequest("/api/v1/search?dueFrom=2026-03-02&dueTo=2026-03-01", "dueTo");
    badRequest("/api/v1/search?sort=newest", "sort");
    badRequest("/api/v1/search?slaState=LATE", "slaState");
  }

  @Test
  void savedSearchesBelongToTheirOwnerAndRunWithTheCallersScope() {
    String marker = Feedback.marker();
    String mine = issue(
            Map.of("bkhcn", "Tìm kiếm đã lưu " + marker), LocalDate.now().plusMonths(2))
        .get(0);
    String theirs = issue(
            Map.of("hanoi", "Tìm kiếm đã lưu " + marker), LocalDate.now().plusMonths(2))
        .get(0);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> search("q=" + marker, standingOffice), r -> r.path("total").asLong() == 2);

    String name = "Nhiệm vụ " + marker;
    Api.Response saved = api()
        .postJson(
            "/api/v1/search/saved",
            Api.toJson(
                Map.of("name", name, "query", Map.of("q", marker, "type", "task", "sort", "due"))),
            officer,
            Map.of());
    assertThat(saved.status()).as(saved.raw().body()).isEqualTo(201);
    long id = saved.json().path("id").asLong();
    assertThat(saved.json().path("query").path("q").asText()).isEqualTo(marker);
    assertThat(api().get("/api/v1/search/saved", officer).json().findValuesAsText("name"))
        .contains(name);
    assertThat(api().get("/api/v1/search/saved", hanoiOfficer).json().findValuesAsText("name"))
        .doesNotContain(name);

    JsonNode run = api().get("/api/v1/search/saved/" + id + "/run", officer).json();
    assertThat(run.path("items").findValuesAsText("code"))
        .as("the officer's scope")
        .containsExactly(mine);
    assertThat(run.path("sort").asText()).isEqualTo("due");
    Api.Response same = api()
        .postJson(
            "/api/v1/search/saved",
            Api.toJson(Map.of("name", name, "query", Map.of("q", marker))),
            standingOffice,
            Map.of());
    assertThat(same.status()).as("names are per user").isEqualTo(201);
    assertThat(api()
            .get("/api/v1/search/saved/" + same.json().path("id").asLong() + "/run", standingOffice)
            .json()
            .path("items")
            .findValuesAsText("code"))
        .containsExactlyInAnyOrder(mine, theirs);

    assertThat(api().get("/api/v1/search/saved/" + id + "/run", hanoiOfficer).status())
        .isEqualTo(404);
    assertThat(api().delete("/api/v1/search/saved/" + id, hanoiOfficer).status())
        .isEqualTo(404);
    assertThat(api()
            .postJson(
                "/api/v1/search/saved",
                Api.toJson(Map.of("name", name, "query", Map.of())),
                officer,
                Map.of())
            .status())
        .as("the name is taken")
        .isEqualTo(409);
    assertThat(api().get("/api/v1/search/saved", null).status()).isEqualTo(401);

    assertThat(api().delete("/api/v1/search/saved/" + id, officer).status()).isEqualTo(204);
    assertThat(api().get("/api/v1/search/saved/" + id + "/run", officer).status())
        .isEqualTo(404);
    assertThat(api().delete("/api/v1/search/saved/" + id, officer).status()).isEqualTo(404);
    assertThat(api()
            .delete("/api/v1/search/saved/" + same.json().path("id").asLong(), standingOffice)
            .status())
        .isEqualTo(204);
  }

  @Test
  void badSavedSearchesAreRefusedNamingTheFieldAndNothingIsStored() {
    String user = "lanhdao.hanoi";
    String token = Api.token(user);
    long before = count(user);
    Map<String, Object> badDate = new HashMap<>();
    badDate.put("name", "Ngày sai");
    badDate.put("query", Map.of("createdFrom", "2026-02-30"));
    Object[][] cases = {
      {Map.of("query", Map.of("q", "x")), "name"},
      {Map.of("name", "  ", "query", Map.of()), "name"},
      {Map.of("name", "x".repeat(101), "query", Map.of()), "name"},
      {Map.of("name", "Không có truy vấn"), "query"},
      {badDate, "query.createdFrom"},
      {Map.of("name", "Sắp xếp sai", "query", Map.of("sort", "newest")), "query.sort"},
      {Map.of("name", "Chữ quá dài", "query", Map.of("q", "x".repeat(201))), "query.q"}
    };
    for (Object[] bad : cases) {
      Api.Response response =
          api().postJson("/api/v1/search/saved", Api.toJson(bad[0]), token, Map.of());
      assertThat(response.status()).as(bad[1] + ": " + response.raw().body()).isEqualTo(400);
      assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(bad[1]);
    }
    assertThat(count(user)).isEqualTo(before);

    // At most 50 per user.
    List<Long> ids = new ArrayList<>();
    try {
      for (long i = count(user); i < 50; i++) {
        ids.add(jdbc.sql(
                "insert into saved_search (username, name, query) values (?, ?, '{}'::jsonb) returning id")
            .params(user, "Giới hạn " + Feedback.marker())
            .query(Long.class)
            .single());
      }
      Api.Response over = api()
          .postJson(
              "/api/v1/search/saved",
              Api.toJson(Map.of("name", "Thứ 51", "query", Map.of())),
              token,
              Map.of());
      assertThat(over.status()).as(over.raw().body()).isEqualTo(409);
      assertThat(count(user)).isEqualTo(50);
    } finally {
      ids.forEach(
          i -> jdbc.sql("delete from saved_search where id = ?").param(i).update());
    }
  }

  private long count(String user) {
    return jdbc.sql("select count(*) from saved_search where username = ?")
        .param(user)
        .query(Long.class)
        .single();
  }

  private void badRequest(String path, String field) {
    Api.Response response = api().get(path, officer);
    assertThat(response.status()).as(path).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asText())
        .as(path)
        .isEqualTo(field);
  }

  private JsonNode search(String query, String token) {
    Api.Response response = api().get("/api/v1/search?size=100&" + query, token);
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode item(JsonNode results, String code) {
    for (JsonNode item : results.path("items")) {
      if (item.path("code").asText().equals(code)) {
        return item;
      }
    }
    throw new AssertionError(code + " not in " + results);
  }

  private List<String> issue(Map<String, String> leadAndContent, LocalDate deadline) {
    return issue(List.copyOf(leadAndContent.entrySet()), deadline);
  }

  /** One directive with a task per (lead agency, content), in that order; their case codes. */
  private List<String> issue(List<Map.Entry<String, String>> leadAndContent, LocalDate deadline) {
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (int i = 0; i < leadAndContent.size(); i++) {
      Map<String, Object> task =
          Directives.task(String.valueOf(i + 1), leadAndContent.get(i).getKey(), deadline);
      task.put("content", leadAndContent.get(i).getValue());
      tasks.add(task);
    }
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(Directives.freshSymbol(), tasks)),
            standingOffice,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    List<String> codes = new ArrayList<>();
    issued.json().path("caseCodes").forEach(c -> codes.add(c.asText()));
    return codes;
  }

  private static void ok(Api.Response response) {
    assertThat(response.status()).as(response.raw().body()).isBetween(200, 201);
  }
}
