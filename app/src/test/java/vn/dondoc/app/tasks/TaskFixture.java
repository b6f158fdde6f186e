package vn.dondoc.app.tasks;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.app.time.HanoiTime;

/**
 * Tasks of one directive written straight into the tables, for tests of the reports (not of the
 * processes): say what each batch of tasks is, then {@link #insert()}. Lead agencies take turns over
 * {@link #LEADS} across the whole fixture, and every third task has the next agency in that list as
 * co-operating agency, so that every agency leads some tasks and co-operates on others.
 */
final class TaskFixture {

  static final List<String> LEADS = List.of("bkhcn", "hanoi", "bca", "btc");
  /** Every task exists from this day on. */
  static final LocalDate CREATED_ON = LocalDate.of(2026, 1, 5);

  /** One task as written. */
  record Task(
      String code,
      String caseCode,
      String section,
      String leadAgency,
      List<String> cooperating,
      LocalDate deadline,
      LocalDate extendedTo,
      TaskStatus status,
      LocalDate completedOn,
      String content,
      List<Request> requests) {

    boolean involves(String agency) {
      return leadAgency.equals(agency) || cooperating.contains(agency);
    }
  }

  /** An extension request of a task. */
  record Request(
      String reasonCode,
      String narrative,
      String status,
      LocalDate proposed,
      LocalDate approved,
      String milestonesJson,
      boolean late,
      Instant requestedAt) {}

  private final JdbcTemplate jdbc;
  private final String symbol;
  private final LocalDate issuedOn;
  private final String casePrefix;
  private final List<Task> tasks = new ArrayList<>();
  private Long directiveId;

  /** @param casePrefix makes the case codes unique, e.g. "FXS" gives FXS-000001 */
  TaskFixture(JdbcTemplate jdbc, String symbol, LocalDate issuedOn, String casePrefix) {
    this.jdbc = jdbc;
    this.symbol = symbol;
    this.issuedOn = issuedOn;
    this.casePrefix = casePrefix;
  }

  String symbol() {
    return symbol;
  }

  List<Task> tasks() {
    return tasks;
  }

  /** {@code count} alike tasks, described by the batch's methods and added by {@link Batch#add()}. */
  Batch batch(int count) {
    return new Batch(count);
  }

  final class Batch {
    private final int count;
    private String section = "I. Nhiệm vụ chung";
    private LocalDate deadline;
    private LocalDate extendedTo;
    private TaskStatus status = TaskStatus.IN_PROGRESS;
    private LocalDate completedOn;
    private String lead;
    private final List<String> cooperating = new ArrayList<>();
    private String content;
    private final List<Request> requests = new ArrayList<>();

    private Batch(int count) {
      this.count = count;
    }

    /** Recurring (thường xuyên): no deadline. The default is open. */
    Batch recurring() {
      this.deadline = null;
      return this;
    }

    Batch due(LocalDate deadline) {
      this.deadline = deadline;
      return this;
    }

    Batch completedOn(LocalDate day) {
      this.status = TaskStatus.COMPLETED;
      this.completedOn = day;
      return this;
    }

    Batch status(TaskStatus status) {
      this.status = status;
      return this;
    }

    Batch section(String section) {
      this.section = section;
      return this;
    }

    /** A fixed lead agency (and no co-operating one unless given) instead of taking turns. */
    Batch ledBy(String agency, String... cooperatingAgencies) {
      this.lead = agency;
      this.cooperating.addAll(List.of(cooperatingAgencies));
      return this;
    }

    Batch content(String content) {
      this.content = content;
      return this;
    }

    /** The deadline in force was moved to this day (the original stays); recorded on 2026-04-01. */
    Batch extendedTo(LocalDate day) {
      this.extendedTo = day;
      return this;
    }

    Batch request(
        String reasonCode,
        String narrative,
        String status,
        LocalDate proposed,
        LocalDate approved,
        String milestonesJson,
        boolean late,
        LocalDate requestedOn) {
      requests.add(new Request(
          reasonCode,
          narrative,
          status,
          proposed,
          approved,
          milestonesJson,
          late,
          requestedOn.atTime(9, 0).atZone(HanoiTime.ZONE).toInstant()));
      return this;
    }

    TaskFixture add() {
      for (int i = 0; i < count; i++) {
        int n = tasks.size();
        String leadAgency = lead != null ? lead : LEADS.get(n % LEADS.size());
        List<String> with = lead != null
            ? List.copyOf(cooperating)
            : n % 3 == 0 ? List.of(LEADS.get((n + 1) % LEADS.size())) : List.of();
        String code = String.valueOf(n + 1);
        tasks.add(new Task(
            code,
            casePrefix + "-" + String.format("%06d", n + 1),
            section,
            leadAgency,
            with,
            deadline,
            extendedTo,
            status,
            completedOn,
            content != null ? content : "Nhiệm vụ mẫu số " + (n + 1) + " của " + symbol,
            List.copyOf(requests)));
      }
      return TaskFixture.this;
    }
  }

  TaskFixture insert() {
    Timestamp created =
        Timestamp.from(CREATED_ON.atTime(8, 0).atZone(HanoiTime.ZONE).toInstant());
    directiveId = jdbc.queryForObject("""
            insert into directive (type, symbol, issued_on, issuer, title, created_by)
            values ('CONCLUSION_NOTICE', ?, ?, 'Cơ quan Thường trực Ban Chỉ đạo', 'Dữ liệu mẫu cho báo cáo', 'fixture')
            returning id""", Long.class, symbol, Date.valueOf(issuedOn));
    jdbc.batchUpdate(
        """
            insert into task (case_code, task_code, directive_id, section, field, content, recurring, reports_monthly,
                              lead_agency, original_deadline, current_deadline, evidence_level, status,
                              completion_reported_at, completion_verified_at, completed_on, created_by, created_at, updated_at)
            values (?, ?, ?, ?, 'DIGITAL_TRANSFORMATION', ?, ?, false, ?, ?, ?, 'L1', ?, ?, ?, ?, 'fixture', ?, ?)""",
        tasks.stream()
            .map(t -> {
              Timestamp done = t.completedOn() == null
                  ? null
                  : Timestamp.from(
                      t.completedOn().atTime(10, 0).atZone(HanoiTime.ZONE).toInstant());
              return new Object[] {
                t.caseCode(),
                symbol + "/" + t.code(),
                directiveId,
                t.section(),
                t.content(),
                t.deadline() == null,
                t.leadAgency(),
                date(t.deadline()),
                date(t.extendedTo() != null ? t.extendedTo() : t.deadline()),
                t.status().name(),
                done,
                done,
                date(t.completedOn()),
                created,
                created
              };
            })
            .toList());
    jdbc.batchUpdate(
        "insert into task_cooperation (task_id, agency_code) select id, ? from task where case_code = ?",
        tasks.stream()
            .flatMap(t ->
                t.cooperating().stream().map(agency -> new Object[] {agency, t.caseCode()}))
            .toList());
    for (Task t : tasks) {
      if (t.requests().isEmpty() && t.extendedTo() == null) {
        continue;
      }
      long id =
          jdbc.queryForObject("select id from task where case_code = ?", Long.class, t.caseCode());
      Long approvedId = null;
      int r = 0;
      for (Request request : t.requests()) {
        long requestId = jdbc.queryForObject(
            """
                insert into extension_request (case_code, task_id, requested_by, agency, current_deadline, proposed_deadline,
                  reason_code, narrative, milestones, late, status, approved_deadline, requested_at)
                values (?, ?, 'fixture', ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) returning id""",
            Long.class,
            "GH" + t.caseCode() + "-" + (++r),
            id,
            t.leadAgency(),
            date(t.deadline()),
            date(request.proposed()),
            request.reasonCode(),
            request.narrative(),
            request.milestonesJson(),
            request.late(),
            request.status(),
            date(request.approved()),
            Timestamp.from(request.requestedAt()));
        if ("APPROVED".equals(request.status())) {
          approvedId = requestId;
        }
      }
      jdbc.update(
          "insert into task_deadline_version (task_id, version, deadline, recorded_by, recorded_at) values (?, 1, ?, 'fixture', ?)",
          id,
          date(t.deadline()),
          created);
      if (t.extendedTo() != null) {
        jdbc.update(
            """
                insert into task_deadline_version (task_id, version, deadline, extension_id, recorded_by, recorded_at)
                values (?, 2, ?, ?, 'fixture', ?)""",
            id,
            date(t.extendedTo()),
            approvedId,
            Timestamp.from(
                LocalDate.of(2026, 4, 1).atTime(9, 0).atZone(HanoiTime.ZONE).toInstant()));
      }
    }
    return this;
  }

  /** Removes what {@link #insert()} wrote, so that other tests sharing the database do not see it. */
  void delete() {
    if (directiveId == null) {
      return;
    }
    String tasksOf = "(select id from task where directive_id = " + directiveId + ")";
    jdbc.update("delete from task_deadline_version where task_id in " + tasksOf);
    jdbc.update("delete from extension_request where task_id in " + tasksOf);
    jdbc.update("delete from task_cooperation where task_id in " + tasksOf);
    jdbc.update("delete from task where directive_id = ?", directiveId);
    jdbc.update("delete from directive where id = ?", directiveId);
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
