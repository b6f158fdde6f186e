package vn.dondoc.app.evidence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dondoc.app.tasks.EvidenceLevel;

/** Tables evidence_submission, evidence_item and evidence_item_file. */
@Repository
public class EvidenceRepository {

  public enum Status {
    SUBMITTED,
    ACCEPTED,
    RETURNED,
    REJECTED
  }

  public record Submission(
      long id,
      long taskId,
      String submittedBy,
      String agency,
      String summary,
      Status status,
      String reviewNote,
      String reviewedBy,
      String verifierAgency,
      String verifyNote,
      String verifiedBy,
      Instant decidedAt,
      Instant submittedAt) {}

  public record Item(
      long id,
      EvidenceKind kind,
      EvidenceLevel level,
      String description,
      String documentNumber,
      LocalDate documentDate,
      String systemUrl,
      LocalDate goLiveDate,
      String figureName,
      BigDecimal figureValue,
      String figureUnit,
      List<UUID> attachmentIds) {}

  private static final RowMapper<Submission> SUBMISSION = (rs, n) -> new Submission(
      rs.getLong("id"),
      rs.getLong("task_id"),
      rs.getString("submitted_by"),
      rs.getString("agency"),
      rs.getString("summary"),
      Status.valueOf(rs.getString("status")),
      rs.getString("review_note"),
      rs.getString("reviewed_by"),
      rs.getString("verifier_agency"),
      rs.getString("verify_note"),
      rs.getString("verified_by"),
      instant(rs.getTimestamp("decided_at")),
      instant(rs.getTimestamp("submitted_at")));

  private static final RowMapper<Item> ITEM = (rs, n) -> new Item(
      rs.getLong("id"),
      EvidenceKind.valueOf(rs.getString("kind")),
      EvidenceLevel.valueOf(rs.getString("level")),
      rs.getString("description"),
      rs.getString("document_number"),
      rs.getObject("document_date", LocalDate.class),
      rs.getString("system_url"),
      rs.getObject("go_live_date", LocalDate.class),
      rs.getString("figure_name"),
      rs.getBigDecimal("figure_value"),
      rs.getString("figure_unit"),
      List.of((UUID[]) rs.getArray("attachment_ids").getArray()));

  private final JdbcClient jdbc;

  EvidenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insertSubmission(
      long taskId, String submittedBy, String agency, String summary, Instant at) {
    return jdbc.sql("""
            insert into evidence_submission (task_id, submitted_by, agency, summary, status, submitted_at)
            values (?, ?, ?, ?, 'SUBMITTED', ?) returning id""")
        .params(taskId, submittedBy, agency, summary, Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  void insertItem(long submissionId, Item item) {
    long itemId = jdbc.sql("""
            insert into evidence_item (submission_id, kind, level, description, document_number, document_date, system_url,
                                       go_live_date, figure_name, figure_value, figure_unit)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(
            submissionId,
            item.kind().name(),
            item.level().name(),
            item.description(),
            item.documentNumber(),
            item.documentDate(),
            item.systemUrl(),
            item.goLiveDate(),
            item.figureName(),
            item.figureValue(),
            item.figureUnit())
        .query(Long.class)
        .single();
    for (int position = 0; position < item.attachmentIds().size(); position++) {
      jdbc.sql("insert into evidence_item_file (item_id, position, attachment_id) values (?, ?, ?)")
          .params(itemId, position, item.attachmentIds().get(position))
          .update();
    }
  }

  public Optional<Submission> find(long id) {
    return jdbc.sql("select * from evidence_submission where id = ?")
        .param(id)
        .query(SUBMISSION)
        .optional();
  }

  public List<Submission> forTask(long taskId) {
    return jdbc.sql("select * from evidence_submission where task_id = ? order by submitted_at, id")
        .param(taskId)
        .query(SUBMISSION)
        .list();
  }

  /** The version of the submission's row, bumped by every change: orders its writes to search. */
  public long version(long id) {
    return jdbc.sql("select version from evidence_submission where id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  /** How many cases of this type a reindex copies (those {@code idsAfter} pages through). */
  public long count() {
    return jdbc.sql("select count(*) from evidence_submission")
        .query(Long.class)
        .single();
  }

  /** Ids of every submission above {@code afterId}, ascending, at most {@code limit}. */
  public List<Long> idsAfter(long afterId, int limit) {
    return jdbc.sql("select id from evidence_submission where id > ? order by id limit ?")
        .params(afterId, limit)
        .query(Long.class)
        .list();
  }

  /** Raises the row's version alone: what search shows of it changed without a change of the row (an SLA clock). */
  void raiseVersion(long id) {
    jdbc.sql("update evidence_submission set version = version + 1 where id = ?")
        .param(id)
        .update();
  }

  public List<Item> items(long submissionId) {
    return jdbc.sql("""
            select i.*, array(select f.attachment_id from evidence_item_file f where f.item_id = i.id order by f.position)
                   as attachment_ids
            from evidence_item i where i.submission_id = ? order by i.id""").param(submissionId).query(ITEM).list();
  }

  /** Writes the decision once: a submission that is no longer SUBMITTED is left as it is. */
  boolean decide(
      long id,
      Status status,
      String reviewNote,
      String reviewedBy,
      String verifierAgency,
      String verifyNote,
      String verifiedBy,
      Instant at) {
    return jdbc.sql("""
            update evidence_submission set status = ?, review_note = ?, reviewed_by = ?, verifier_agency = ?,
                   verify_note = ?, verified_by = ?, decided_at = ?, version = version + 1
            where id = ? and status = 'SUBMITTED'""")
            .params(
                status.name(),
                reviewNote,
                reviewedBy,
                verifierAgency,
                verifyNote,
                verifiedBy,
                Timestamp.from(at),
                id)
            .update()
        == 1;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
