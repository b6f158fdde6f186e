package vn.dondoc.app.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.app.dashboards.DashboardFixture.Case;
import vn.dondoc.app.dashboards.SlaBoard.Counts;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.search.SearchScope;

/**
 * The SLA board's tallies (migration V13) against a count of the clocks themselves: hundreds of random
 * changes of the kinds the app makes (clocks started, stopped, resumed, paused, breached, deleted; cases
 * moved to another agency or field; co-operation added and removed), then every board of the fixture's
 * agencies, unrestricted with an agency filter and scoped to one agency or two, compared with what this test works
 * out in Java from the rows of sla_clock and of the case tables, by the definitions of {@link SlaBoard}; and
 * once more after the tallies were counted again from scratch (sla_clock_tallies_rebuild).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaBoardTalliesIT extends IntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(SlaBoardTalliesIT.class);
  private static final List<String> AGENCIES = List.of("fxt-a", "fxt-b", "fxt-c");
  private static final List<String> TASK_FIELDS = List.of("PLATFORMS", "DATABASES", "FINANCE");
  private static final List<String> FEEDBACK_FIELDS = List.of("digital-skills", "data-governance");
  private static final List<String> STATES = List.of("RUNNING", "PAUSED", "MET", "BREACHED");

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  SlaBoard board;

  private DashboardFixture fixture;
  private final Map<String, List<Case>> cases = new HashMap<>();
  private final Map<Case, Long> taskOfExtension = new HashMap<>();
  private final List<Case> tasks = new ArrayList<>();

  @BeforeAll
  void cases() {
    fixture = new DashboardFixture(jdbc, "FXT");
    for (String agency : AGENCIES) {
      fixture.agency(agency, "Cơ quan kiểm đếm " + agency);
    }
    for (int i = 0; i < 6; i++) {
      String agency = AGENCIES.get(i % 3);
      Case task = fixture
          .task(agency)
          .field(TASK_FIELDS.get(i % 3))
          .cooperating(AGENCIES.get((i + 1) % 3))
          .add();
      tasks.add(task);
      cases.computeIfAbsent("task", t -> new ArrayList<>()).add(task);
      Case extension = fixture.extension(task, agency);
      taskOfExtension.put(extension, task.id());
      cases.computeIfAbsent("extension", t -> new ArrayList<>()).add(extension);
      cases
          .computeIfAbsent("feedback", t -> new ArrayList<>())
          .add(fixture.feedback(agency).field(FEEDBACK_FIELDS.get(i % 2)).add());
      cases
          .computeIfAbsent("initiative", t -> new ArrayList<>())
          .add(fixture.initiative("BREAKTHROUGH", "SUBMITTED", agency));
    }
  }

  @AfterAll
  void removeFixture() {
    fixture.delete();
  }

  @Test
  void theTalliedBoardEqualsACountOfTheClocksAfterRandomChanges() {
    long seed = System.nanoTime();
    log.info("random changes with seed {}", seed);
    Random random = new Random(seed);
    for (int round = 0; round < 4; round++) {
      for (int change = 0; change < 150; change++) {
        randomChange(random);
      }
      compareEveryBoard("round " + round + ", seed " + seed);
    }
    // What a bulk load does after writing clocks without the tally triggers: count them all again.
    jdbc.execute("select sla_clock_tallies_rebuild()");
    compareEveryBoard("tallies rebuilt, seed " + seed);
  }

  // --- changes
  // -------------------------------------------------------------------------------------

  private void randomChange(Random random) {
    List<Long> clocks = jdbc.queryForList(
        "select id from sla_clock where case_code like 'FXT-%' order by id", Long.class);
    int kind = clocks.size() < 40 ? 0 : random.nextInt(9);
    Instant now = Instant.now();
    switch (kind) {
      case 0, 1 -> insertClock(random, now);
      case 2 -> { // stopped in time or late, or resumed, or paused
        long id = pick(random, clocks);
        String state = pick(random, STATES);
        jdbc.update(
            "update sla_clock set state = ?, stopped_at = ? where id = ?",
            state,
            state.equals("MET") || state.equals("BREACHED") ? moment(random, now) : null,
            id);
      }
      case 3 ->
        jdbc.update(
            "update sla_clock set breached_at = ?, due_at = ? where id = ?",
            random.nextBoolean() ? moment(random, now) : null,
            moment(random, now),
            pick(random, clocks));
      case 4 -> jdbc.update("delete from sla_clock where id = ?", pick(random, clocks));
      case 5 ->
        jdbc.update(
            "update sla_clock set agency = ? where id = ?",
            agencyOrNull(random),
            pick(random, clocks));
      case 6 -> moveCase(random);
      case 7 -> {
        Case task = pick(random, tasks);
        String agency = pick(random, AGENCIES);
        if (jdbc.update(
                "delete from task_cooperation where task_id = ? and agency_code = ?",
                task.id(),
                agency)
            == 0) {
          jdbc.update(
              "insert into task_cooperation (task_id, agency_code) values (?, ?)",
              task.id(),
              agency);
        }
      }
      default ->
        jdbc.update(
            "update sla_clock set escalation_level = least(escalation_level + 1, 3), warn_at = ? where id = ?",
            moment(random, now),
            pick(random, clocks));
    }
  }

  private void insertClock(Random random, Instant now) {
    String type = pick(random, List.copyOf(cases.keySet()));
    Case of = pick(random, cases.get(type));
    String state = pick(random, STATES);
    Instant due = instant(random, now);
    boolean stopped = state.equals("MET") || state.equals("BREACHED");
    jdbc.update(
        """
            insert into sla_clock (case_type, case_id, case_code, process_instance_id, stage, state, budget_working_days,
              started_at, due_at, warn_at, supervisor_at, stopped_at, breached_at, agency)
            values (?, ?, ?, ?, ?, ?, 5, ?, ?, ?, ?, ?, ?, ?)""",
        type,
        of.id(),
        of.code(),
        "fxt-" + System.nanoTime(),
        "S" + random.nextInt(1000),
        state,
        Timestamp.from(due.minus(Duration.ofDays(20))),
        Timestamp.from(due),
        Timestamp.from(due.minus(Duration.ofDays(random.nextInt(4)))),
        Timestamp.from(due.plus(Duration.ofDays(2))),
        stopped ? moment(random, now) : null,
        random.nextInt(3) == 0 ? moment(random, now) : null,
        agencyOrNull(random));
  }

  private void moveCase(Random random) {
    String type = pick(random, List.copyOf(cases.keySet()));
    Case of = pick(random, cases.get(type));
    switch (type) {
      case "feedback" ->
        jdbc.update(
            "update feedback_item set handling_agency = ?, field = ? where id = ?",
            agencyOrNull(random),
            pick(random, FEEDBACK_FIELDS),
            of.id());
      case "task" ->
        jdbc.update(
            "update task set lead_agency = ?, field = ? where id = ?",
            pick(random, AGENCIES),
            pick(random, TASK_FIELDS),
            of.id());
      case "extension" -> {
        Case task = pick(random, tasks);
        jdbc.update(
            "update extension_request set agency = ?, task_id = ? where id = ?",
            pick(random, AGENCIES),
            task.id(),
            of.id());
      }
      default ->
        jdbc.update(
            "update initiative set receiving_agency = ?, category = ? where id = ?",
            agencyOrNull(random),
            random.nextBoolean() ? "BREAKTHROUGH" : "DIGITAL",
            of.id());
    }
  }

  private static String agencyOrNull(Random random) {
    return random.nextInt(4) == 0 ? null : pick(random, AGENCIES);
  }

  /** Within 40 days either side of now. */
  private static Instant instant(Random random, Instant now) {
    return now.plus(Duration.ofMinutes(random.nextInt(2 * 40 * 24 * 60) - 40 * 24 * 60));
  }

  private static Timestamp moment(Random random, Instant now) {
    return Timestamp.from(instant(random, now));
  }

  private static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  // --- the comparison
  // ------------------------------------------------------------------------------

  private void compareEveryBoard(String when) {
    LocalDate today = LocalDate.now(HanoiTime.ZONE);
    List<Clock> clocks = clocksWithTheirCases();
    Map<Long, Set<String>> cooperation = cooperation();
    for (Set<String> agencies : List.of(
        Set.of(AGENCIES.get(0)),
        Set.of(AGENCIES.get(1)),
        Set.of(AGENCIES.get(2)),
        Set.of(AGENCIES.get(0), AGENCIES.get(1)))) {
      SlaBoard.Filter everything =
          new SlaBoard.Filter(null, null, null, today.minusDays(45), today.plusDays(45));
      List<Clock> inScope = clocks.stream()
          .filter(c -> switch (c.caseType()) {
            case "feedback" -> c.agency() != null && agencies.contains(c.agency());
            case "task", "extension" ->
              (c.agency() != null && agencies.contains(c.agency()))
                  || cooperation.getOrDefault(c.taskId(), Set.of()).stream()
                      .anyMatch(agencies::contains);
            default -> false;
          })
          .toList();
      // Other tests' clocks are outside a fixture agency's scope unless one of its agencies
      // co-operates.
      assertBoard(
          when + ", scope " + agencies, everything, SearchScope.ofAgencies(agencies), inScope);
    }
    for (String agency : AGENCIES) {
      for (String caseType : new String[] {null, "task", "feedback"}) {
        SlaBoard.Filter filter =
            new SlaBoard.Filter(agency, caseType, null, today.minusDays(45), today.plusDays(45));
        assertBoard(
            when + ", agency filter " + agency + " type " + caseType,
            filter,
            SearchScope.unrestricted(),
            clocks.stream()
                .filter(c -> agency.equals(c.agency())
                    && (caseType == null || caseType.equals(c.caseType())))
                .toList());
      }
    }
  }

  private void assertBoard(
      String description, SlaBoard.Filter filter, SearchScope scope, List<Clock> clocks) {
    SlaBoard.Board answer = board.board(filter, scope);
    Instant now = answer.asOf();
    assertThat(answer.totals()).as("totals, %s", description).isEqualTo(count(clocks, now));
    Map<String, Counts> byAgency = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    answer.byAgency().forEach(g -> byAgency.put(g.agency(), g.counts()));
    Map<String, Counts> expectedByAgency =
        new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    groups(clocks, Clock::agency)
        .forEach((agency, group) -> expectedByAgency.put(agency, count(group, now)));
    assertThat(byAgency).as("by agency, %s", description).isEqualTo(expectedByAgency);
    Map<String, Counts> byField = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    answer.byField().forEach(g -> byField.put(g.field(), g.counts()));
    Map<String, Counts> expectedByField =
        new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    groups(clocks, c -> FieldVocabulary.boardField(c.field()))
        .forEach((field, group) -> expectedByField.put(field, count(group, now)));
    assertThat(byField).as("by field, %s", description).isEqualTo(expectedByField);
    assertThat(answer.trend()).as("trend, %s", description).isEqualTo(trend(clocks, now, filter));
    assertThat(answer.breaches().stream().map(SlaBoard.Breach::caseCode).toList())
        .as("open breaches, %s", description)
        .isEqualTo(clocks.stream()
            .filter(c -> c.state().equals("RUNNING") && !c.due().isAfter(now))
            .sorted(Comparator.comparing(Clock::due).thenComparing(Clock::id))
            .limit(SlaBoard.BREACH_LIMIT)
            .map(Clock::caseCode)
            .toList());
  }

  private static <K> Map<K, List<Clock>> groups(
      List<Clock> clocks, java.util.function.Function<Clock, K> key) {
    Map<K, List<Clock>> groups = new HashMap<>();
    clocks.forEach(
        c -> groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
    return groups;
  }

  /** SlaBoard's definitions, one clock at a time. */
  private static Counts count(List<Clock> clocks, Instant now) {
    long running = 0;
    long atRisk = 0;
    long breached = 0;
    long openBreached = 0;
    long paused = 0;
    long met = 0;
    for (Clock c : clocks) {
      switch (c.state()) {
        case "RUNNING" -> {
          if (!c.due().isAfter(now)) {
            breached++;
            openBreached++;
          } else {
            running++;
            if (!c.warn().isAfter(now)) {
              atRisk++;
            }
          }
        }
        case "PAUSED" -> paused++;
        case "MET" -> met++;
        default -> breached++;
      }
    }
    return new Counts(running, atRisk, breached, openBreached, paused, met);
  }

  private static List<SlaBoard.Day> trend(List<Clock> clocks, Instant now, SlaBoard.Filter filter) {
    Map<LocalDate, long[]> days = new HashMap<>();
    for (Clock c : clocks) {
      boolean breachedOrOverdue = c.state().equals("BREACHED")
          || (c.state().equals("RUNNING") && !c.due().isAfter(now));
      Instant breach =
          breachedOrOverdue ? Objects.requireNonNullElse(c.breached(), c.due()) : c.breached();
      if (breach != null) {
        days.computeIfAbsent(LocalDate.ofInstant(breach, HanoiTime.ZONE), d -> new long[2])[0]++;
      }
      if (c.state().equals("MET") && c.stopped() != null) {
        days.computeIfAbsent(LocalDate.ofInstant(c.stopped(), HanoiTime.ZONE), d -> new long[2])[
            1]++;
      }
    }
    List<SlaBoard.Day> trend = new ArrayList<>();
    for (LocalDate day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
      long[] n = days.getOrDefault(day, new long[2]);
      trend.add(new SlaBoard.Day(day, n[0], n[1]));
    }
    return trend;
  }

  record Clock(
      long id,
      String caseType,
      String caseCode,
      String state,
      Instant due,
      Instant warn,
      Instant stopped,
      Instant breached,
      String agency,
      String field,
      Long taskId) {}

  /** The fixture's clocks with the agency, field and task of their case read from the case tables here. */
  private List<Clock> clocksWithTheirCases() {
    Map<String, Map<Long, String[]>> caseKeys = new HashMap<>();
    caseKeys.put(
        "feedback",
        keys("select id, handling_agency, field, null from feedback_item where code like 'FXT-%'"));
    caseKeys.put(
        "task", keys("select id, lead_agency, field, id from task where case_code like 'FXT-%'"));
    caseKeys.put("extension", keys("""
        select e.id, e.agency, t.field, t.id from extension_request e join task t on t.id = e.task_id
         where e.case_code like 'FXT-%'"""));
    caseKeys.put(
        "initiative",
        keys(
            "select id, receiving_agency, category, null from initiative where case_code like 'FXT-%'"));
    return jdbc.query(
        """
            select id, case_type, case_id, case_code, state, due_at, warn_at, stopped_at, breached_at, agency
              from sla_clock where case_code like 'FXT-%'""",
        (rs, n) -> {
          String[] keys = caseKeys.get(rs.getString("case_type")).get(rs.getLong("case_id"));
          return new Clock(
              rs.getLong("id"),
              rs.getString("case_type"),
              rs.getString("case_code"),
              rs.getString("state"),
              instant(rs.getTimestamp("due_at")),
              instant(rs.getTimestamp("warn_at")),
              instant(rs.getTimestamp("stopped_at")),
              instant(rs.getTimestamp("breached_at")),
              keys[0] != null ? keys[0] : rs.getString("agency"),
              keys[1],
              keys[2] == null ? null : Long.valueOf(keys[2]));
        });
  }

  private Map<Long, String[]> keys(String sql) {
    Map<Long, String[]> keys = new HashMap<>();
    jdbc.query(sql, rs -> {
      keys.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
    });
    return keys;
  }

  private Map<Long, Set<String>> cooperation() {
    Map<Long, Set<String>> cooperation = new HashMap<>();
    jdbc.query(
        "select task_id, agency_code from task_cooperation where agency_code like 'fxt-%'",
        rs -> {
          cooperation.computeIfAbsent(rs.getLong(1), t -> new HashSet<>()).add(rs.getString(2));
        });
    return cooperation;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
