package vn.dondoc.app.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dondoc.app.dashboards.DashboardFixture.at;
import static vn.dondoc.app.dashboards.DashboardFixture.startOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.app.dashboards.DashboardFixture.Case;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.time.HanoiTime;

/**
 * The dashboards against a fixture of three agencies of its own (so that what other tests leave in the
 * database does not change their figures), every expected number worked out by hand in the comments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsIT extends IntegrationTest {

  private static final String A = "fxd-a";
  private static final String B = "fxd-b";
  private static final String C = "fxd-c";
  private static final String RANKING =
      "/api/v1/dashboards/ranking?from=2026-01-01&to=2026-06-30&asOf=2026-06-30";

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PublicFigures publicFigures;

  private DashboardFixture fixture;
  private Case openBreachOfA;
  private Case initiativeOfA;
  private Case breachOfHanoi;

  @BeforeAll
  void fixture() {
    Instant now = Instant.now();
    fixture = new DashboardFixture(jdbc, "FXD")
        .agency(A, "Cơ quan mẫu An")
        .agency(B, "Cơ quan mẫu Bình")
        .agency(C, "Cơ quan mẫu Cường");

    // A's tasks. Original deadline in the first half of 2026: 4, of which 3 completed on time.
    LocalDate march31 = LocalDate.of(2026, 3, 31);
    for (int i = 0; i < 3; i++) {
      fixture.task(A).due(march31).completedOn(LocalDate.of(2026, 3, 20)).add();
    }
    fixture.task(A).due(march31).completedOn(LocalDate.of(2026, 4, 10)).add();
    // With a deadline on 30/6/2026: those 4, one due in September, one overdue since 31/12/2025: 6,
    // 1 overdue.
    Case dueInSeptember = fixture.task(A).due(LocalDate.of(2026, 9, 30)).add();
    Case overdue =
        fixture.task(A).field("DATABASES").due(LocalDate.of(2025, 12, 31)).add();
    Case recurring = fixture.task(A).add();
    // Clocks of A's tasks: acknowledgement at risk, another paused, an extension decision running.
    fixture
        .clock("task", dueInSeptember, "ACKNOWLEDGE", now.plus(Duration.ofDays(5)))
        .warnedAt(now.minus(Duration.ofHours(1)))
        .add();
    fixture
        .clock("task", recurring, "ACKNOWLEDGE", now.plus(Duration.ofDays(3)))
        .paused()
        .add();
    fixture
        .clock("extension", fixture.extension(overdue, A), "DECIDE", now.plus(Duration.ofDays(10)))
        .warnedAt(now.plus(Duration.ofDays(5)))
        .add();

    // A's feedback, submitted 1/3/2026: 4 received, 3 answered (one of them late), 1 open and
    // overdue.
    Instant march1 = at(LocalDate.of(2026, 3, 1), 9);
    Case metEarly = fixture
        .feedback(A)
        .field("data-governance")
        .submitted(march1)
        .answered(at(LocalDate.of(2026, 3, 5), 10))
        .rated(5)
        .add();
    fixture
        .clock("feedback", metEarly, "ANSWER", startOf(LocalDate.of(2026, 3, 15)))
        .met(at(LocalDate.of(2026, 3, 5), 10))
        .add();
    Case answeredLate = fixture
        .feedback(A)
        .field("data-governance")
        .submitted(march1)
        .answered(at(LocalDate.of(2026, 3, 12), 10))
        .rated(4)
        .add();
    fixture
        .clock("feedback", answeredLate, "ANSWER", startOf(LocalDate.of(2026, 3, 10)))
        .breached(at(LocalDate.of(2026, 3, 12), 10))
        .add();
    Case metLater = fixture
        .feedback(A)
        .submitted(march1)
        .answered(at(LocalDate.of(2026, 3, 5), 15))
        .add();
    fixture
        .clock("feedback", metLater, "ANSWER", startOf(LocalDate.of(2026, 3, 15)))
        .met(at(LocalDate.of(2026, 3, 5), 15))
        .add();
    openBreachOfA = fixture.feedback(A).submitted(march1).add();
    fixture
        .clock("feedback", openBreachOfA, "ANSWER", startOf(LocalDate.of(2026, 6, 15)))
        .escalation(2)
        .add();

    // An initiative A receives, its screening two days overdue.
    initiativeOfA = fixture.initiative("BREAKTHROUGH", "SELECTED", A);
    fixture
        .clock("initiative", initiativeOfA, "SCREEN", now.minus(Duration.ofDays(2)))
        .add();

    // B: 2 tasks due in May, both completed on time; a recurring one Hanoi co-operates on, being
    // acknowledged.
    for (int i = 0; i < 2; i++) {
      fixture
          .task(B)
          .due(LocalDate.of(2026, 5, 31))
          .completedOn(LocalDate.of(2026, 5, 1))
          .add();
    }
    Case withHanoi = fixture.task(B).cooperating("hanoi").add();
    fixture
        .clock("task", withHanoi, "ACKNOWLEDGE", now.plus(Duration.ofDays(5)))
        .add();

    // C: feedback only, 2 items answered without a breach, each rated 3.
    for (int i = 0; i < 2; i++) {
      fixture
          .feedback(C)
          .submitted(at(LocalDate.of(2026, 4, 1), 9))
          .answered(at(LocalDate.of(2026, 4, 2), 9))
          .rated(3)
          .add();
    }

    // Hanoi's own feedback, overdue.
    breachOfHanoi = fixture.feedback("hanoi").submitted(march1).add();
    fixture
        .clock("feedback", breachOfHanoi, "ANSWER", startOf(LocalDate.of(2026, 6, 20)))
        .add();
  }

  @AfterAll
  void removeFixture() {
    fixture.delete();
  }

  private JsonNode get(String path, String user) {
    Api.Response response = api().get(path, Api.token(user));
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json();
  }

  // --- SLA board
  // -----------------------------------------------------------------------------------

  @Test
  void theSlaBoardCountsAnAgencysClocksOfEveryCaseType() {
    JsonNode board = get("/api/v1/dashboards/sla?agency=" + A, "giamsat");

    JsonNode totals = board.path("totals");
    // running: the acknowledgement (at risk) and the extension decision; breached: the late answer
    // (stopped),
    // the overdue answer and the overdue screening (both still running); paused: 1; met: 2 answers
    assertThat(totals.path("running").asLong()).isEqualTo(2);
    assertThat(totals.path("atRisk").asLong()).isEqualTo(1);
    assertThat(totals.path("breached").asLong()).isEqualTo(3);
    assertThat(totals.path("openBreached").asLong()).isEqualTo(2);
    assertThat(totals.path("paused").asLong()).isEqualTo(1);
    assertThat(totals.path("met").asLong()).isEqualTo(2);

    assertThat(board.path("byAgency")).hasSize(1);
    assertThat(board.path("byAgency").get(0).path("agency").asText()).isEqualTo(A);
    assertThat(board.path("byAgency").get(0).path("name").asText()).isEqualTo("Cơ quan mẫu An");
    assertThat(board.path("byAgency").get(0).path("breached").asLong()).isEqualTo(3);

    Map<String, JsonNode> fields = new HashMap<>();
    board.path("byField").forEach(group -> fields.put(group.path("field").asText(), group));
    // One vocabulary of fields (FieldVocabulary): feedback on data governance counts under the task
    // field
    // DATABASES, on digital skills under HUMAN_RESOURCES.
    assertThat(fields)
        .containsOnlyKeys("BREAKTHROUGH", "DATABASES", "PLATFORMS", "HUMAN_RESOURCES");
    assertThat(counts(fields.get("PLATFORMS"))).containsExactly(1L, 1L, 0L, 0L, 1L, 0L);
    assertThat(fields.get("PLATFORMS").path("label").asText()).isEqualTo("Nền tảng, ứng dụng số");
    assertThat(counts(fields.get("DATABASES"))).containsExactly(1L, 0L, 1L, 0L, 0L, 1L);
    assertThat(counts(fields.get("BREAKTHROUGH"))).containsExactly(0L, 0L, 1L, 1L, 0L, 0L);
    assertThat(fields.get("DATABASES").path("label").asText())
        .isEqualTo("Cơ sở dữ liệu; kết nối, chia sẻ dữ liệu");
    assertThat(counts(fields.get("HUMAN_RESOURCES"))).containsExactly(0L, 0L, 1L, 1L, 0L, 1L);
    // a feedback field's code in the URL stands for its task field
    JsonNode byFeedbackCode = get(
            "/api/v1/dashboards/sla?agency=" + A + "&field=data-governance", "giamsat")
        .path("totals");
    assertThat(counts(byFeedbackCode))
        .containsExactly(counts(fields.get("DATABASES")).toArray(Long[]::new));
  }

  @Test
  void theOpenBreachesComeOldestFirstWithTheirOverdueTime() {
    JsonNode breaches = get("/api/v1/dashboards/sla?agency=" + A, "giamsat").path("breaches");

    assertThat(breaches.findValuesAsText("caseCode"))
        .containsExactly(openBreachOfA.code(), initiativeOfA.code());
    JsonNode oldest = breaches.get(0);
    assertThat(oldest.path("caseType").asText()).isEqualTo("feedback");
    assertThat(oldest.path("stage").asText()).isEqualTo("ANSWER");
    assertThat(oldest.path("agency").asText()).isEqualTo(A);
    assertThat(Instant.parse(oldest.path("dueAt").asText()))
        .isEqualTo(startOf(LocalDate.of(2026, 6, 15)));
    assertThat(oldest.path("escalationLevel").asInt()).isEqualTo(2);
    assertThat(oldest.path("workingDaysOverdue").asLong())
        .isPositive()
        .isLessThan(oldest.path("daysOverdue").asLong());
    JsonNode screening = breaches.get(1);
    assertThat(screening.path("caseType").asText()).isEqualTo("initiative");
    assertThat(screening.path("daysOverdue").asLong()).isEqualTo(2);
    assertThat(screening.path("workingDaysOverdue").asLong()).isBetween(0L, 2L);
  }

  @Test
  void theTrendCountsBreachesAndMetClocksPerDay() {
    JsonNode trend = get(
            "/api/v1/dashboards/sla?agency=" + A + "&from=2026-03-01&to=2026-03-31", "giamsat")
        .path("trend");

    assertThat(trend).hasSize(31);
    assertThat(trend.get(0).path("day").asText()).isEqualTo("2026-03-01");
    Map<String, long[]> nonZero = new HashMap<>();
    trend.forEach(day -> {
      if (day.path("breached").asLong() + day.path("met").asLong() > 0) {
        nonZero.put(
            day.path("day").asText(),
            new long[] {day.path("breached").asLong(), day.path("met").asLong()});
      }
    });
    // two answers met on 5/3; the late answer breached at its due instant, 10/3 00:00
    assertThat(nonZero).containsOnlyKeys("2026-03-05", "2026-03-10");
    assertThat(nonZero.get("2026-03-05")).containsExactly(0, 2);
    assertThat(nonZero.get("2026-03-10")).containsExactly(1, 0);
  }

  @Test
  void theTrendCoversTheLastThirtyDaysByDefault() {
    JsonNode board = get("/api/v1/dashboards/sla?agency=" + A, "giamsat");
    LocalDate today = LocalDate.now(HanoiTime.ZONE);

    assertThat(board.path("trend")).hasSize(30);
    assertThat(board.path("to").asText()).isEqualTo(today.toString());
    assertThat(board.path("from").asText()).isEqualTo(today.minusDays(29).toString());
  }

  @Test
  void caseTypeAndFieldNarrowTheBoard() {
    JsonNode feedback = get("/api/v1/dashboards/sla?agency=" + A + "&caseType=feedback", "giamsat")
        .path("totals");
    assertThat(counts(feedback)).containsExactly(0L, 0L, 2L, 1L, 0L, 2L);

    JsonNode platforms = get("/api/v1/dashboards/sla?agency=" + A + "&field=PLATFORMS", "giamsat")
        .path("totals");
    assertThat(counts(platforms)).containsExactly(1L, 1L, 0L, 0L, 1L, 0L);
  }

  @Test
  void anAgencyOfficerSeesTheirAgencysClocksAndTheTasksTheyCooperateOn() {
    JsonNode board = get("/api/v1/dashboards/sla", "canbo.hanoi");

    assertThat(board.path("byAgency").findValuesAsText("agency"))
        .contains("hanoi", B)
        .doesNotContain(A, C);
    assertThat(board.path("breaches").findValuesAsText("caseCode"))
        .contains(breachOfHanoi.code())
        .doesNotContain(openBreachOfA.code(), initiativeOfA.code());
    assertThat(board.path("breaches").findValuesAsText("caseType")).doesNotContain("initiative");

    JsonNode ofA = get("/api/v1/dashboards/sla?agency=" + A, "canbo.hanoi").path("totals");
    assertThat(counts(ofA)).containsOnly(0L);
  }

  @Test
  void badParametersAreRefusedNamingThem() {
    String[][] bad = {
      {"agency=nowhere", "agency"},
      {"caseType=case", "caseType"},
      {"field=weather", "field"},
      {"from=2026-13-01", "from"},
      {"from=2026-03-31&to=2026-03-01", "to"},
      {"from=2025-01-01&to=2026-06-30", "from"},
    };
    for (String[] query : bad) {
      Api.Response response = api().get("/api/v1/dashboards/sla?" + query[0], Api.token("giamsat"));
      assertThat(response.status()).as(query[0]).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().path("errors").get(0).path("field").asText())
          .as(query[0])
          .isEqualTo(query[1]);
    }
    Api.Response ranking =
        api().get("/api/v1/dashboards/ranking?asOf=yesterday", Api.token("giamsat"));
    assertThat(ranking.status()).isEqualTo(400);
    assertThat(ranking.json().path("errors").get(0).path("field").asText()).isEqualTo("asOf");
  }

  @Test
  void theBoardIsForStaff() {
    assertThat(api().get("/api/v1/dashboards/sla", null).status()).isEqualTo(401);
    assertThat(api().get("/api/v1/dashboards/sla", Api.token("congdan")).status())
        .isEqualTo(403);
  }

  // --- ranking
  // -------------------------------------------------------------------------------------

  @Test
  void theRankingComputesEachComponentAndTheIndex() {
    Map<String, JsonNode> entries = rankingEntries(get(RANKING, "giamsat"));

    JsonNode a = entries.get(A);
    assertThat(a.path("tasksDueInPeriod").asLong()).isEqualTo(4);
    assertThat(a.path("tasksCompletedOnTime").asLong()).isEqualTo(3);
    assertThat(a.path("taskOnTimeRate").decimalValue()).isEqualByComparingTo("75.0");
    assertThat(a.path("tasksWithDeadline").asLong()).isEqualTo(6);
    assertThat(a.path("overdue").asLong()).isEqualTo(1);
    assertThat(a.path("overdueShare").decimalValue()).isEqualByComparingTo("16.7");
    assertThat(a.path("feedbackReceived").asLong()).isEqualTo(4);
    assertThat(a.path("feedbackAnswered").asLong()).isEqualTo(3);
    assertThat(a.path("feedbackProcessedRate").decimalValue()).isEqualByComparingTo("75.0");
    // answered on time 2 / (answered 3 + open and overdue 1)
    assertThat(a.path("feedbackOnTimeRate").decimalValue()).isEqualByComparingTo("50.0");
    assertThat(a.path("ratings").asLong()).isEqualTo(2);
    assertThat(a.path("satisfaction").decimalValue()).isEqualByComparingTo("4.5");
    // 40 × 3/4 + 20 × 5/6 + 20 × 2/4 + 10 × 3/4 + 10 × 4.5/5 = 30 + 16.67 + 10 + 7.5 + 9 = 73.17
    assertThat(a.path("index").decimalValue()).isEqualByComparingTo("73.2");
    assertThat(a.path("componentsWithoutData")).isEmpty();

    // B has tasks only: (40 × 2/2 + 20 × 2/2) / 60
    assertThat(entries.get(B).path("index").decimalValue()).isEqualByComparingTo("100.0");
    assertThat(texts(entries.get(B).path("componentsWithoutData")))
        .containsExactly("FEEDBACK_ON_TIME", "FEEDBACK_PROCESSED", "SATISFACTION");
    // C has feedback only: (20 × 2/2 + 10 × 2/2 + 10 × 3/5) / 40 = 36 / 40
    assertThat(entries.get(C).path("index").decimalValue()).isEqualByComparingTo("90.0");
    assertThat(texts(entries.get(C).path("componentsWithoutData")))
        .containsExactly("TASK_ON_TIME", "NOT_OVERDUE");
  }

  @Test
  void theRankingIsByIndexAndStatesItsFormula() {
    JsonNode ranking = get(RANKING, "thuongtruc");
    List<String> order = new ArrayList<>();
    List<Integer> ranks = new ArrayList<>();
    List<BigDecimal> indices = new ArrayList<>();
    ranking.path("agencies").forEach(e -> {
      order.add(e.path("agency").asText());
      ranks.add(e.path("rank").asInt());
      indices.add(e.path("index").decimalValue());
    });

    assertThat(order).containsSubsequence(B, C, A);
    assertThat(ranks).isSorted();
    assertThat(indices).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(ranking.path("formula").path("vi").asText())
        .contains("40%", "hoàn thành đúng hạn", "chia lại");
    assertThat(ranking.path("formula").path("en").asText()).contains("40%", "on-time", "shared");
    assertThat(ranking.path("formula").path("weights").path("TASK_ON_TIME").asInt())
        .isEqualTo(40);
    assertThat(ranking.path("from").asText()).isEqualTo("2026-01-01");
    assertThat(ranking.path("asOf").asText()).isEqualTo("2026-06-30");
  }

  @Test
  void agencyStaffAndThePublicMayNotReadTheRanking() {
    assertThat(api().get(RANKING, Api.token("canbo.hanoi")).status()).isEqualTo(403);
    assertThat(api().get(RANKING, Api.token("lanhdao.hanoi")).status()).isEqualTo(403);
    assertThat(api().get(RANKING, Api.token("congdan")).status()).isEqualTo(403);
    assertThat(api().get(RANKING, null).status()).isEqualTo(401);
    assertThat(api().get(RANKING, Api.token("quantri")).status()).isEqualTo(200);
  }

  // --- public figures
  // ------------------------------------------------------------------------------

  @Test
  void thePublicFiguresNeedNoLoginShowOnlyAggregatesAndAreKeptForAMinute() {
    publicFigures.forget();
    Api.Response first = api().get("/api/v1/public/figures", null);
    assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
    JsonNode before = first.json();

    LocalDate today = LocalDate.now(HanoiTime.ZONE);
    Instant now = Instant.now();
    DashboardFixture extra =
        new DashboardFixture(jdbc, "FXP").agency("fxp-a", "Cơ quan mẫu công khai");
    try {
      // 3 tasks: one completed on time, one overdue (both due 10 days ago), one recurring
      extra
          .task("fxp-a")
          .due(today.minusDays(10))
          .completedOn(today.minusDays(12))
          .add();
      extra.task("fxp-a").due(today.minusDays(10)).add();
      extra.task("fxp-a").add();
      // 2 feedback items, one answered
      extra
          .feedback("fxp-a")
          .submitted(now.minus(Duration.ofDays(3)))
          .answered(now.minus(Duration.ofDays(1)))
          .add();
      extra.feedback("fxp-a").submitted(now.minus(Duration.ofDays(3))).add();
      // initiatives: 2 selected, 1 draft
      extra.initiative("BREAKTHROUGH", "SELECTED", null);
      extra.initiative("ORDINARY", "SELECTED", null);
      extra.initiative("ORDINARY", "DRAFT", null);

      JsonNode kept = api().get("/api/v1/public/figures", null).json();
      assertThat(kept.path("generatedAt")).isEqualTo(before.path("generatedAt"));
      assertThat(kept.path("tasks")).isEqualTo(before.path("tasks"));

      publicFigures.forget();
      Api.Response second = api().get("/api/v1/public/figures", null);
      JsonNode after = second.json();

      assertThat(delta(before, after, "tasks", "total")).isEqualTo(3);
      assertThat(delta(before, after, "tasks", "withDeadline")).isEqualTo(2);
      assertThat(delta(before, after, "tasks", "recurring")).isEqualTo(1);
      assertThat(delta(before, after, "tasks", "completed")).isEqualTo(1);
      assertThat(after.path("tasks").has("completionRate")).isTrue();
      assertThat(delta(before, after, "feedback", "received")).isEqualTo(2);
      assertThat(delta(before, after, "feedback", "answered")).isEqualTo(1);
      assertThat(after.path("feedback").has("processedRate")).isTrue();
      assertThat(after.path("feedback").has("onTimeRate")).isTrue();
      assertThat(selected(after, "BREAKTHROUGH") - selected(before, "BREAKTHROUGH"))
          .isEqualTo(1);
      assertThat(selected(after, "ORDINARY") - selected(before, "ORDINARY")).isEqualTo(1);

      // (40 × 1/2 + 20 × 1/2 + 20 × 1/1 + 10 × 1/2) / 90 = 55 / 90; no rating
      JsonNode entry = rankingEntries(after.path("ranking")).get("fxp-a");
      assertThat(entry.path("index").decimalValue()).isEqualByComparingTo("61.1");
      assertThat(entry.path("name").asText()).isEqualTo("Cơ quan mẫu công khai");
      List<String> names = new ArrayList<>();
      entry.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyInAnyOrder("rank", "agency", "name", "index");
      assertThat(second.raw().body()).doesNotContain("FXP-", "FXD-", "caseCode", "Người gửi");
    } finally {
      extra.delete();
      publicFigures.forget();
    }
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  /** running, atRisk, breached, openBreached, paused, met */
  private static List<Long> counts(JsonNode node) {
    return List.of(
        node.path("running").asLong(),
        node.path("atRisk").asLong(),
        node.path("breached").asLong(),
        node.path("openBreached").asLong(),
        node.path("paused").asLong(),
        node.path("met").asLong());
  }

  private static Map<String, JsonNode> rankingEntries(JsonNode ranking) {
    Map<String, JsonNode> entries = new HashMap<>();
    ranking.path("agencies").forEach(e -> entries.put(e.path("agency").asText(), e));
    return entries;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static long delta(JsonNode before, JsonNode after, String group, String figure) {
    return after.path(group).path(figure).asLong()
        - before.path(group).path(figure).asLong();
  }

  private static long selected(JsonNode figures, String category) {
    for (JsonNode c : figures.path("initiativesSelected")) {
      if (c.path("category").asText().equals(category)) {
        return c.path("selected").asLong();
      }
    }
    throw new AssertionError("no category " + category);
  }
}
