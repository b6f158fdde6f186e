package vn.dondoc.app.dashboards;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.app.time.HanoiTime;

/**
 * Agencies, tasks, feedback items, extension requests, initiatives and SLA clocks written straight into the
 * tables for the dashboards' tests. Every case code starts with the fixture's prefix and the agencies it
 * creates are its own, so {@link #delete()} removes exactly what it wrote and the figures of its agencies
 * are not disturbed by what other tests leave in the shared database.
 */
final class DashboardFixture {

  /** Tasks exist from this instant on (before every report day the tests use). */
  static final Instant CREATED = at(LocalDate.of(2025, 12, 1), 8);

  private final JdbcTemplate jdbc;
  private final String prefix;
  private final List<String> agencies = new ArrayList<>();
  private int sequence;

  /** @param prefix starts every case code, e.g. "FXD" gives FXD-000001 */
  DashboardFixture(JdbcTemplate jdbc, String prefix) {
    this.jdbc = jdbc;
    this.prefix = prefix;
  }

  /** A Hanoi instant on {@code day} at {@code hour}:00. */
  static Instant at(LocalDate day, int hour) {
    return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(HanoiTime.ZONE).toInstant();
  }

  /** The start of a Hanoi day, where the due instants of SLA clocks fall. */
  static Instant startOf(LocalDate day) {
    return day.atStartOfDay(HanoiTime.ZONE).toInstant();
  }

  private String nextCode() {
    return prefix + "-" + String.format("%06d", ++sequence);
  }

  DashboardFixture agency(String code, String name) {
    jdbc.update(
        "insert into agency (code, name, short_name, kind) values (?, ?, ?, 'MINISTRY')",
        code,
        name,
        name);
    agencies.add(code);
    return this;
  }

  // --- tasks
  // ---------------------------------------------------------------------------------------

  /** A task led by {@code agency}: open, with no deadline (recurring) until {@link TaskBuilder#due} says. */
  TaskBuilder task(String agency) {
    return new TaskBuilder(agency);
  }

  record Case(long id, String code) {}

  final class TaskBuilder {
    private final String lead;
    private String field = "PLATFORMS";
    private LocalDate deadline;
    private LocalDate completedOn;
    private final List<String> cooperating = new ArrayList<>();

    private TaskBuilder(String lead) {
      this.lead = lead;
    }

    TaskBuilder field(String field) {
      this.field = field;
      return this;
    }

    TaskBuilder due(LocalDate deadline) {
      this.deadline = deadline;
      return this;
    }

    TaskBuilder completedOn(LocalDate day) {
      this.completedOn = day;
      return this;
    }

    TaskBuilder cooperating(String agency) {
      cooperating.add(agency);
      return this;
    }

    Case add() {
      String code = nextCode();
      Timestamp done = completedOn == null ? null : Timestamp.from(at(completedOn, 10));
      long id = jdbc.queryForObject(
          """
              insert into task (case_code, task_code, field, content, recurring, reports_monthly, lead_agency,
                                original_deadline, current_deadline, evidence_level, status, completion_reported_at,
                                completion_verified_at, completed_on, created_by, created_at, updated_at)
              values (?, ?, ?, 'Nhiệm vụ mẫu cho bảng điều hành', ?, false, ?, ?, ?, 'L1', ?, ?, ?, ?, 'fixture', ?, ?)
              returning id""",
          Long.class,
          code,
          code,
          field,
          deadline == null,
          lead,
          date(deadline),
          date(deadline),
          completedOn == null ? "IN_PROGRESS" : "COMPLETED",
          done,
          done,
          date(completedOn),
          Timestamp.from(CREATED),
          Timestamp.from(CREATED));
      for (String agency : cooperating) {
        jdbc.update(
            "insert into task_cooperation (task_id, agency_code) values (?, ?)", id, agency);
      }
      return new Case(id, code);
    }
  }

  /** An extension request of a task, by {@code agency}, waiting for a decision. */
  Case extension(Case task, String agency) {
    String code = nextCode();
    long id =
        jdbc.queryForObject("""
            insert into extension_request (case_code, task_id, requested_by, agency, current_deadline, proposed_deadline,
              reason_code, narrative, late, status, requested_at)
            values (?, ?, 'fixture', ?, date '2026-06-30', date '2026-12-31', 'OTHER', 'Cần thêm thời gian', false,
              'SUBMITTED', ?) returning id""", Long.class, code, task.id(), agency, Timestamp.from(CREATED));
    return new Case(id, code);
  }

  // --- feedback
  // ------------------------------------------------------------------------------------

  /** A feedback item handled by {@code agency}, open until {@link FeedbackBuilder#answered} says. */
  FeedbackBuilder feedback(String agency) {
    return new FeedbackBuilder(agency);
  }

  final class FeedbackBuilder {
    private final String agency;
    private String field = "digital-skills";
    private Instant submitted = CREATED;
    private Instant answered;
    private Integer rating;

    private FeedbackBuilder(String agency) {
      this.agency = agency;
    }

    FeedbackBuilder field(String field) {
      this.field = field;
      return this;
    }

    FeedbackBuilder submitted(Instant at) {
      this.submitted = at;
      return this;
    }

    FeedbackBuilder answered(Instant at) {
      this.answered = at;
      return this;
    }

    FeedbackBuilder rated(int stars) {
      this.rating = stars;
      return this;
    }

    Case add() {
      String code = nextCode();
      long id = jdbc.queryForObject(
          """
              insert into feedback_item (code, type, field, locality, title, content, contact_name, status, handling_agency,
                submitted_at, updated_at, answered_at, answer_text, rating)
              values (?, 'complaint', ?, 'hanoi', 'Phản ánh mẫu', 'Nội dung mẫu', 'Người gửi mẫu', ?, ?, ?, ?, ?, ?, ?)
              returning id""",
          Long.class,
          code,
          field,
          answered == null ? "IN_PROGRESS" : "ANSWERED",
          agency,
          Timestamp.from(submitted),
          Timestamp.from(submitted),
          answered == null ? null : Timestamp.from(answered),
          answered == null ? null : "Trả lời mẫu",
          rating);
      return new Case(id, code);
    }
  }

  // --- initiatives
  // ---------------------------------------------------------------------------------

  Case initiative(String category, String status, String receivingAgency) {
    String code = nextCode();
    long id = jdbc.queryForObject(
        """
            insert into initiative (case_code, status, category, title, proposer, receiving_agency, submitted_at)
            values (?, ?, ?, 'Sáng kiến mẫu', 'fixture', ?, ?) returning id""", Long.class, code, status, category, receivingAgency, Timestamp.from(CREATED));
    return new Case(id, code);
  }

  // --- SLA clocks
  // ----------------------------------------------------------------------------------

  /** The clock of a stage of a case of this type, due at {@code due}, warned a day before unless said otherwise. */
  ClockBuilder clock(String caseType, Case of, String stage, Instant due) {
    return new ClockBuilder(caseType, of, stage, due);
  }

  final class ClockBuilder {
    private final String caseType;
    private final Case of;
    private final String stage;
    private final Instant due;
    private Instant warn;
    private String state = "RUNNING";
    private Instant stopped;
    private int escalation;

    private ClockBuilder(String caseType, Case of, String stage, Instant due) {
      this.caseType = caseType;
      this.of = of;
      this.stage = stage;
      this.due = due;
      this.warn = due.minus(Duration.ofDays(1));
    }

    ClockBuilder warnedAt(Instant warn) {
      this.warn = warn;
      return this;
    }

    ClockBuilder met(Instant at) {
      this.state = "MET";
      this.stopped = at;
      return this;
    }

    /** Stopped after its due instant: breached at the due instant, as SlaClock.stop records it. */
    ClockBuilder breached(Instant stoppedAt) {
      this.state = "BREACHED";
      this.stopped = stoppedAt;
      return this;
    }

    ClockBuilder paused() {
      this.state = "PAUSED";
      return this;
    }

    ClockBuilder escalation(int level) {
      this.escalation = level;
      return this;
    }

    void add() {
      Instant started = due.minus(Duration.ofDays(14));
      jdbc.update(
          """
              insert into sla_clock (case_type, case_id, case_code, process_instance_id, stage, state, budget_working_days,
                started_at, due_at, warn_at, supervisor_at, paused_at, stopped_at, breached_at, escalation_level, agency)
              values (?, ?, ?, ?, ?, ?, 10, ?, ?, ?, ?, ?, ?, ?, ?, null)""",
          caseType,
          of.id(),
          of.code(),
          "fixture-" + of.code(),
          stage,
          state,
          Timestamp.from(started),
          Timestamp.from(due),
          Timestamp.from(warn),
          Timestamp.from(due.plus(Duration.ofDays(2))),
          "PAUSED".equals(state) ? Timestamp.from(started.plus(Duration.ofDays(1))) : null,
          stopped == null ? null : Timestamp.from(stopped),
          "BREACHED".equals(state) ? Timestamp.from(due) : null,
          escalation);
    }
  }

  /** Removes what this fixture wrote. */
  void delete() {
    String codes = prefix + "-%";
    jdbc.update("delete from sla_clock where case_code like ?", codes);
    jdbc.update("delete from feedback_item where code like ?", codes);
    jdbc.update("delete from extension_request where case_code like ?", codes);
    jdbc.update(
        "delete from task_cooperation where task_id in (select id from task where case_code like ?)",
        codes);
    jdbc.update("delete from task where case_code like ?", codes);
    jdbc.update("delete from initiative where case_code like ?", codes);
    for (String agency : agencies) {
      jdbc.update("delete from agency where code = ?", agency);
    }
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
