package vn.dondoc.app.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dondoc.app.DondocApplication;

@Repository
class FeedbackRepository {

  /** A stored feedback item. */
  record Item(long id, String code, String type, String field, String locality, String title, String content,
      String status, String handlingAgency, boolean consentToPublish, Instant submittedAt, Instant updatedAt, long version) {

    FeedbackReceipt receipt() {
      return new FeedbackReceipt(code, FeedbackStatus.valueOf(status),
          OffsetDateTime.ofInstant(submittedAt, DondocApplication.ZONE));
    }
  }

  private static final String COLUMNS = """
      id, code, type, field, locality, title, content, status, handling_agency, consent_to_publish,
      submitted_at, updated_at, version""";

  private static final RowMapper<Item> ITEM = (rs, n) -> new Item(rs.getLong("id"), rs.getString("code"),
      rs.getString("type"), rs.getString("field"), rs.getString("locality"), rs.getString("title"),
      rs.getString("content"), rs.getString("status"), rs.getString("handling_agency"),
      rs.getBoolean("consent_to_publish"), rs.getTimestamp("submitted_at").toInstant(),
      rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));

  private final JdbcClient jdbc;

  FeedbackRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String code, FeedbackSubmission submission, String submittedBy, String idempotencyKey, Instant now) {
    return jdbc.sql("""
            insert into feedback_item (code, type, field, locality, title, content, contact_name, contact_email,
              contact_phone, consent_to_publish, status, submitted_by, idempotency_key, submitted_at, updated_at)
            values (:code, :type, :field, :locality, :title, :content, :contactName, :contactEmail,
              :contactPhone, :consent, :status, :submittedBy, :idempotencyKey, :now, :now)
            returning id""")
        .param("code", code)
        .param("type", submission.typeOrDefault().code())
        .param("field", submission.field().code())
        .param("locality", submission.locality())
        .param("title", submission.title())
        .param("content", submission.content())
        .param("contactName", submission.contact().name())
        .param("contactEmail", submission.contact().email())
        .param("contactPhone", submission.contact().phone())
        .param("consent", submission.consentToPublish())
        .param("status", FeedbackStatus.RECEIVED.name())
        .param("submittedBy", submittedBy)
        .param("idempotencyKey", idempotencyKey)
        .param("now", Timestamp.from(now))
        .query(Long.class).single();
  }

  void attachProcess(long id, String processInstanceId) {
    jdbc.sql("update feedback_item set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  void recordClassification(long id, String field, String agency, String note, Instant now) {
    jdbc.sql("""
            update feedback_item set field = ?, handling_agency = ?, classification_note = ?, status = ?,
              updated_at = ?, version = version + 1
            where id = ?""")
        .params(field, agency, note, FeedbackStatus.ROUTED.name(), Timestamp.from(now), id).update();
  }

  Optional<Item> findById(long id) {
    return jdbc.sql("select " + COLUMNS + " from feedback_item where id = ?").param(id).query(ITEM).optional();
  }

  Optional<Item> findByCode(String code) {
    return jdbc.sql("select " + COLUMNS + " from feedback_item where code = ?").param(code).query(ITEM).optional();
  }

  Optional<Item> findByIdempotencyKey(String key) {
    return jdbc.sql("select " + COLUMNS + " from feedback_item where idempotency_key = ?").param(key).query(ITEM).optional();
  }
}
