package vn.dondoc.app.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dondoc.app.sla.ClockCases;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.search.SearchScope;

@Repository
class FeedbackRepository implements ClockCases {

  /** A stored feedback item. */
  record Item(
      long id,
      String code,
      String type,
      String field,
      String locality,
      String title,
      String content,
      String contactName,
      String contactEmail,
      boolean consentToPublish,
      String status,
      String handlingAgency,
      String processInstanceId,
      String trackingSecretHash,
      String questionToSender,
      String senderReply,
      String answerText,
      Instant answeredAt,
      boolean published,
      Integer rating,
      Instant ratedAt,
      int reopenCount,
      Instant submittedAt,
      Instant updatedAt,
      Instant closedAt,
      long version,
      String channel) {

    /** Oversight sees every item; agency staff only those routed to their agency. */
    boolean visibleTo(SearchScope scope) {
      return scope.allCases()
          || (handlingAgency != null && scope.agencies().contains(handlingAgency));
    }

    FeedbackStatus statusValue() {
      return FeedbackStatus.valueOf(status);
    }

    FeedbackReceipt receipt(String trackingSecret) {
      return new FeedbackReceipt(
          code,
          statusValue(),
          OffsetDateTime.ofInstant(submittedAt, HanoiTime.ZONE),
          trackingSecret);
    }
  }

  private static final String COLUMNS = """
      id, code, type, field, locality, title, content, contact_name, contact_email, consent_to_publish, status,
      handling_agency, process_instance_id, tracking_secret_hash, question_to_sender, sender_reply, answer_text,
      answered_at, published, rating, rated_at, reopen_count, submitted_at, updated_at, closed_at, version, channel""";

  private static final RowMapper<Item> ITEM = (rs, n) -> new Item(
      rs.getLong("id"),
      rs.getString("code"),
      rs.getString("type"),
      rs.getString("field"),
      rs.getString("locality"),
      rs.getString("title"),
      rs.getString("content"),
      rs.getString("contact_name"),
      rs.getString("contact_email"),
      rs.getBoolean("consent_to_publish"),
      rs.getString("status"),
      rs.getString("handling_agency"),
      rs.getString("process_instance_id"),
      rs.getString("tracking_secret_hash"),
      rs.getString("question_to_sender"),
      rs.getString("sender_reply"),
      rs.getString("answer_text"),
      instant(rs.getTimestamp("answered_at")),
      rs.getBoolean("published"),
      (Integer) rs.getObject("rating"),
      instant(rs.getTimestamp("rated_at")),
      rs.getInt("reopen_count"),
      instant(rs.getTimestamp("submitted_at")),
      instant(rs.getTimestamp("updated_at")),
      instant(rs.getTimestamp("closed_at")),
      rs.getLong("version"),
      rs.getString("channel"));

  private final JdbcClient jdbc;

  FeedbackRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      String code,
      FeedbackSubmission submission,
      String submittedBy,
      String idempotencyKey,
      String requestHash,
      String trackingSecretHash,
      Instant now) {
    return insert(
        code,
        submission,
        submittedBy,
        idempotencyKey,
        requestHash,
        trackingSecretHash,
        FeedbackChannel.WEB,
        now,
        now);
  }

  /**
   * An item as received through {@code channel}: {@code receivedAt} is its submission instant (figures and
   * clocks count from it), {@code now} when it was entered.
   */
  long insert(
      String code,
      FeedbackSubmission submission,
      String submittedBy,
      String idempotencyKey,
      String requestHash,
      String trackingSecretHash,
      FeedbackChannel channel,
      Instant receivedAt,
      Instant now) {
    return jdbc.sql("""
            insert into feedback_item (code, type, field, locality, title, content, contact_name, contact_email,
              contact_phone, consent_to_publish, status, submitted_by, idempotency_key, idempotency_request_hash,
              tracking_secret_hash, submitted_at, updated_at, channel, entered_at)
            values (:code, :type, :field, :locality, :title, :content, :contactName, :contactEmail,
              :contactPhone, :consent, :status, :submittedBy, :idempotencyKey, :requestHash, :secretHash, :receivedAt,
              :now, :channel, :now)
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
        .param("requestHash", requestHash)
        .param("secretHash", trackingSecretHash)
        .param("receivedAt", Timestamp.from(receivedAt))
        .param("now", Timestamp.from(now))
        .param("channel", channel.code())
        .query(Long.class)
        .single();
  }

  void attachProcess(long id, String processInstanceId) {
    jdbc.sql("update feedback_item set process_instance_id = ? where id = ?")
        .params(processInstanceId, id)
        .update();
  }

  void recordClassification(long id, String field, String agency, String note, Instant now) {
    change(
        id,
        now,
        "field = ?, handling_agency = ?, classification_note = ?, status = ?",
        field,
        agency,
        note,
        FeedbackStatus.ROUTED.name());
  }

  /** Back to routing: the agency that returned it no longer sees it. */
  void recordReturn(long id, Instant now) {
    change(
        id,
        now,
        "handling_agency = null, status = ?, return_count = return_count + 1",
        FeedbackStatus.RECEIVED.name());
  }

  void assignTo(long id, String agency, Instant now) {
    change(id, now, "handling_agency = ?, status = ?", agency, FeedbackStatus.ROUTED.name());
  }

  void changeStatus(long id, FeedbackStatus status, Instant now) {
    change(id, now, "status = ?", status.name());
  }

  void askSender(long id, String question, Instant now) {
    change(
        id,
        now,
        "question_to_sender = ?, status = ?",
        question,
        FeedbackStatus.WAITING_FOR_SENDER.name());
  }

  void senderReplied(long id, String reply, Instant now) {
    change(id, now, "sender_reply = ?, status = ?", reply, FeedbackStatus.IN_PROGRESS.name());
  }

  /** The answer goes out; it is public only if the sender agreed to publication. */
  void publish(long id, String answerText, String answeredBy, Instant now) {
    change(
        id,
        now,
        "answer_text = ?, answered_by = ?, answered_at = ?, published = consent_to_publish, status = ?",
        answerText,
        answeredBy,
        Timestamp.from(now),
        FeedbackStatus.ANSWERED.name());
  }

  void rate(long id, int rating, String comment, Instant now) {
    change(
        id,
        now,
        "rating = ?, rating_comment = ?, rated_at = ?",
        rating,
        comment,
        Timestamp.from(now));
  }

  void reopen(long id, Instant now) {
    change(
        id, now, "reopen_count = reopen_count + 1, status = ?", FeedbackStatus.IN_PROGRESS.name());
  }

  void close(long id, Instant now) {
    change(id, now, "closed_at = ?, status = ?", Timestamp.from(now), FeedbackStatus.CLOSED.name());
  }

  Optional<Item> findById(long id) {
    return jdbc.sql("select " + COLUMNS + " from feedback_item where id = ?")
        .param(id)
        .query(ITEM)
        .optional();
  }

  /** The feedback item became a task: kept on both sides (task.source_feedback_id points back). */
  void linkTask(long id, long taskId, Instant now) {
    change(id, now, "task_id = ?", taskId);
  }

  void linkInitiative(long id, long initiativeId, Instant now) {
    change(id, now, "initiative_id = ?", initiativeId);
  }

  /** The case code of the initiative this item was made of, if any. */
  Optional<String> initiativeCaseCode(long id) {
    return jdbc.sql(
            "select i.case_code from feedback_item f join initiative i on i.id = f.initiative_id where f.id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** The case code of the task made of this item, if any. */
  Optional<String> taskCaseCode(long id) {
    return jdbc.sql(
            "select t.case_code from feedback_item f join task t on t.id = f.task_id where f.id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** How many cases of this type a reindex copies (those {@code idsAfter} pages through). */
  public long count() {
    return jdbc.sql("select count(*) from feedback_item").query(Long.class).single();
  }

  List<Long> idsAfter(long afterId, int limit) {
    return jdbc.sql("select id from feedback_item where id > ? order by id limit ?")
        .params(afterId, limit)
        .query(Long.class)
        .list();
  }

  /** Raises the row's version alone: what search shows of it changed without a change of the row (an SLA clock). */
  void raiseVersion(long id) {
    jdbc.sql("update feedback_item set version = version + 1 where id = ?")
        .param(id)
        .update();
  }

  Optional<Item> findByCode(String code) {
    return jdbc.sql("select " + COLUMNS + " from feedback_item where code = ?")
        .param(code)
        .query(ITEM)
        .optional();
  }

  Optional<Item> findByIdempotencyKey(String key) {
    return jdbc.sql("select " + COLUMNS + " from feedback_item where idempotency_key = ?")
        .param(key)
        .query(ITEM)
        .optional();
  }

  /** The hash of the request that stored the item under an Idempotency-Key (none for items stored before V20). */
  Optional<String> idempotencyRequestHash(long id) {
    return jdbc.sql("select idempotency_request_hash from feedback_item where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** Every change bumps the version, which orders the search projection's writes. */
  private void change(long id, Instant now, String assignments, Object... values) {
    List<Object> params = new ArrayList<>(Arrays.asList(values));
    params.add(Timestamp.from(now));
    params.add(id);
    int updated = jdbc.sql("update feedback_item set " + assignments
            + ", updated_at = ?, version = version + 1 where id = ?")
        .params(params)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("feedback item " + id + " does not exist");
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** The SLA clocks' view of this case type: the row and the agency working on it, by case code. */
  @Override
  public String caseType() {
    return "feedback";
  }

  @Override
  public Optional<ClockCase> clockCase(String caseCode) {
    return findByCode(caseCode).map(item -> new ClockCase(item.id(), item.handlingAgency()));
  }
}
