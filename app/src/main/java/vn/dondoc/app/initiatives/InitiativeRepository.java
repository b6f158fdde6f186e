package vn.dondoc.app.initiatives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dondoc.app.sla.ClockCases;

/** Tables initiative, initiative_panel_member and initiative_score. */
@Repository
class InitiativeRepository implements ClockCases {

  private static final RowMapper<Initiative> INITIATIVE = (rs, n) -> new Initiative(
      rs.getLong("id"),
      rs.getString("case_code"),
      InitiativeStatus.valueOf(rs.getString("status")),
      InitiativeCategory.valueOf(rs.getString("category")),
      rs.getString("title"),
      rs.getString("problem"),
      rs.getString("solution"),
      rs.getString("expected_product"),
      rs.getString("tech_group"),
      rs.getString("ordering_agency"),
      rs.getString("receiving_agency"),
      rs.getString("resources_needed"),
      rs.getString("ip_status"),
      rs.getString("proposer"),
      rs.getString("proposer_name"),
      rs.getString("organisation"),
      rs.getString("tax_code"),
      rs.getBoolean("publish_proposer"),
      instant(rs.getTimestamp("submitted_at")),
      rs.getBigDecimal("mean_score"),
      rs.getBigDecimal("spread"),
      rs.getString("decision_reason"),
      instant(rs.getTimestamp("decided_at")),
      (Long) rs.getObject("feedback_id", Long.class),
      rs.getString("process_instance_id"),
      instant(rs.getTimestamp("created_at")),
      instant(rs.getTimestamp("updated_at")),
      rs.getLong("version"));

  record Seat(
      String expert,
      int seat,
      String status,
      String conflictNote,
      Instant askedAt,
      Instant decidedAt) {}

  record Score(
      long id,
      String expert,
      String criterion,
      BigDecimal score,
      String comment,
      Long supersedes,
      String reason,
      Instant recordedAt) {}

  private final JdbcClient jdbc;

  InitiativeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insertDraft(InitiativeDraft d, String proposer, String proposerName, Instant at) {
    return jdbc.sql("""
            insert into initiative (status, category, title, problem, solution, expected_product, tech_group, ordering_agency,
                receiving_agency, resources_needed, ip_status, proposer, proposer_name, organisation, tax_code,
                publish_proposer, created_at, updated_at)
            values ('DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(
            d.category().name(),
            d.title(),
            d.problem(),
            d.solution(),
            d.expectedProduct(),
            d.techGroup(),
            d.orderingAgency(),
            d.receivingAgency(),
            d.resourcesNeeded(),
            d.ipStatus(),
            proposer,
            proposerName,
            d.organisation(),
            d.taxCode(),
            Boolean.TRUE.equals(d.publishProposer()),
            Timestamp.from(at),
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  void updateDraft(long id, InitiativeDraft d) {
    change(
        id,
        """
        category = ?, title = ?, problem = ?, solution = ?, expected_product = ?, tech_group = ?, ordering_agency = ?,
        receiving_agency = ?, resources_needed = ?, ip_status = ?, organisation = ?, tax_code = ?, publish_proposer = ?""",
        d.category().name(),
        d.title(),
        d.problem(),
        d.solution(),
        d.expectedProduct(),
        d.techGroup(),
        d.orderingAgency(),
        d.receivingAgency(),
        d.resourcesNeeded(),
        d.ipStatus(),
        d.organisation(),
        d.taxCode(),
        Boolean.TRUE.equals(d.publishProposer()));
  }

  /** The proposer of record is fixed here: code and submission instant are written once. */
  void submit(long id, String caseCode, Instant at) {
    change(
        id, "status = 'SUBMITTED', case_code = ?, submitted_at = ?", caseCode, Timestamp.from(at));
  }

  void setProcessInstance(long id, String processInstanceId) {
    change(id, "process_instance_id = ?", processInstanceId);
  }

  void setStatus(long id, InitiativeStatus status) {
    change(id, "status = ?", status.name());
  }

  void setCategory(long id, InitiativeCategory category) {
    change(id, "category = ?", category.name());
  }

  void setScores(long id, BigDecimal mean, BigDecimal spread) {
    change(id, "mean_score = ?, spread = ?", mean, spread);
  }

  void decide(long id, InitiativeStatus status, String reason, Instant at) {
    change(
        id,
        "status = ?, decision_reason = ?, decided_at = ?",
        status.name(),
        reason,
        Timestamp.from(at));
  }

  void linkFeedback(long id, long feedbackId) {
    change(id, "feedback_id = ?, status = 'TO_FEEDBACK'", feedbackId);
  }

  Optional<Initiative> find(long id) {
    return jdbc.sql("select * from initiative where id = ?")
        .param(id)
        .query(INITIATIVE)
        .optional();
  }

  Optional<Initiative> findByCode(String caseCode) {
    return jdbc.sql("select * from initiative where case_code = ?")
        .param(caseCode)
        .query(INITIATIVE)
        .optional();
  }

  List<Initiative> ofProposer(String proposer) {
    return jdbc.sql("select * from initiative where proposer = ? order by created_at desc")
        .param(proposer)
        .query(INITIATIVE)
        .list();
  }

  List<Initiative> onPanelOf(String expert) {
    return jdbc.sql("""
            select i.* from initiative i join initiative_panel_member m on m.initiative_id = i.id
            where m.expert = ? and m.status in ('ASKED', 'SCORING', 'SCORED') order by i.submitted_at desc""").param(expert).query(INITIATIVE).list();
  }

  List<Initiative> submitted(int limit, int offset) {
    return jdbc.sql(
            "select * from initiative where status <> 'DRAFT' order by submitted_at desc limit ? offset ?")
        .params(limit, offset)
        .query(INITIATIVE)
        .list();
  }

  List<Initiative> selected() {
    return jdbc.sql("select * from initiative where status = 'SELECTED' order by decided_at desc")
        .query(INITIATIVE)
        .list();
  }

  /** How many cases of this type a reindex copies (those {@code idsAfter} pages through). */
  public long count() {
    return jdbc.sql("select count(*) from initiative where case_code is not null")
        .query(Long.class)
        .single();
  }

  List<Long> idsAfter(long afterId, int limit) {
    return jdbc.sql(
            "select id from initiative where id > ? and case_code is not null order by id limit ?")
        .params(afterId, limit)
        .query(Long.class)
        .list();
  }

  /** Raises the row's version alone: what search shows of it changed without a change of the row (an SLA clock). */
  void raiseVersion(long id) {
    jdbc.sql("update initiative set version = version + 1 where id = ?")
        .param(id)
        .update();
  }

  // Panel seats

  void askExpert(long id, String expert, int seat, Instant at) {
    jdbc.sql("""
            insert into initiative_panel_member (initiative_id, expert, seat, status, asked_at) values (?, ?, ?, 'ASKED', ?)
            on conflict (initiative_id, expert) do nothing""").params(id, expert, seat, Timestamp.from(at)).update();
  }

  void seatStatus(long id, String expert, String status, String note, Instant at) {
    jdbc.sql("""
            update initiative_panel_member set status = ?, conflict_note = coalesce(?, conflict_note), decided_at = ?
            where initiative_id = ? and expert = ?""").params(status, note, Timestamp.from(at), id, expert).update();
  }

  List<Seat> seats(long id) {
    return jdbc.sql(
            "select * from initiative_panel_member where initiative_id = ? order by seat, asked_at")
        .param(id)
        .query((rs, n) -> new Seat(
            rs.getString("expert"),
            rs.getInt("seat"),
            rs.getString("status"),
            rs.getString("conflict_note"),
            instant(rs.getTimestamp("asked_at")),
            instant(rs.getTimestamp("decided_at"))))
        .list();
  }

  Optional<Seat> seatOf(long id, String expert) {
    return seats(id).stream().filter(seat -> seat.expert().equals(expert)).findFirst();
  }

  // Scores

  long addScore(
      long id,
      String expert,
      String criterion,
      BigDecimal score,
      String comment,
      Long supersedes,
      String reason,
      Instant at) {
    return jdbc.sql("""
            insert into initiative_score (initiative_id, expert, criterion, score, comment, supersedes, reason, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(id, expert, criterion, score, comment, supersedes, reason, Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** Every score row, corrections included, oldest first. */
  List<Score> scores(long id) {
    return jdbc.sql(
            "select * from initiative_score where initiative_id = ? order by recorded_at, id")
        .param(id)
        .query((rs, n) -> new Score(
            rs.getLong("id"),
            rs.getString("expert"),
            rs.getString("criterion"),
            rs.getBigDecimal("score"),
            rs.getString("comment"),
            (Long) rs.getObject("supersedes", Long.class),
            rs.getString("reason"),
            instant(rs.getTimestamp("recorded_at"))))
        .list();
  }

  private void change(long id, String assignments, Object... values) {
    List<Object> params = new ArrayList<>(Arrays.asList(values));
    params.add(id);
    int updated = jdbc.sql("update initiative set " + assignments
            + ", updated_at = now(), version = version + 1 where id = ?")
        .params(params)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("initiative " + id + " does not exist");
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** The SLA clocks' view of this case type: the row and the agency working on it, by case code. */
  @Override
  public String caseType() {
    return "initiative";
  }

  @Override
  public Optional<ClockCase> clockCase(String caseCode) {
    return findByCode(caseCode)
        .map(initiative -> new ClockCase(initiative.id(), initiative.receivingAgency()));
  }
}
