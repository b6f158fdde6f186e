package vn.dondoc.app.feedback;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.agencies.Agency;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.documents.PdfRenderer;
import vn.dondoc.app.documents.ReportProperties;
import vn.dondoc.app.security.KeycloakDirectory;

/**
 * The answer letters ({@link AnswerLetter}). The leader's sign-off writes what the letter says, as signed, in its own
 * transaction ({@link #signed}); the PDFs are made afterwards, by {@link #makePending} on any node: a row is claimed
 * for a lease in a short transaction, the signer's name asked of Keycloak and the PDFs drawn with no transaction
 * open, and both stored as attachments of the item in another. A failure (Keycloak away, a font missing) leaves the
 * sign-off as it was and the row is tried again later, the delay doubling up to {@code max-backoff}, with the step that
 * failed ({@link Failure}). Letters that failed wait on the operations page ({@link #waiting}), where an administrator
 * may try them again at once ({@link #retryNow}).
 */
@Service
public class AnswerLetters {

  private static final Logger log = LoggerFactory.getLogger(AnswerLetters.class);

  /** Audit action of a letter an administrator had tried again at once. */
  public static final String RETRIED = "LETTER_RETRIED";

  /** The step of making a letter that failed; the page says it in words ({@code staff.admin.ops.letters.failure.*}). */
  public enum Failure {
    /** the handling agency is not in the agency table */
    AGENCY,
    /** Keycloak did not say the signer's name and title */
    SIGNER,
    /** the PDF could not be drawn (a font missing) */
    DRAWING,
    /** the PDFs could not be stored with the case */
    STORING,
    OTHER
  }

  /** A letter that failed at least once and waits for its next attempt (at {@code nextAttemptAt}). */
  public record Waiting(
      long id,
      String caseCode,
      Instant signedAt,
      int attempts,
      Failure failure,
      Instant nextAttemptAt) {}

  private static final class FailedStep extends RuntimeException {
    final Failure failure;

    FailedStep(Failure failure, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.failure = failure;
    }
  }

  /** A made letter: the sender's PDF and the public one. */
  record Made(UUID letter, UUID publicLetter, Instant signedAt) {}

  private record Pending(
      long id,
      long feedbackId,
      String signedBy,
      Instant signedAt,
      String agency,
      String answerText,
      int attempts) {}

  private final JdbcClient jdbc;
  private final FeedbackRepository items;
  private final ReferenceData reference;
  private final KeycloakDirectory directory;
  private final AttachmentService attachments;
  private final TransactionTemplate transaction;
  private final PdfRenderer pdf;
  private final Clock clock;
  private final AuditLog audit;
  private final Duration retryDelay;
  private final Duration maxBackoff;
  private final Duration lease;

  AnswerLetters(
      JdbcClient jdbc,
      FeedbackRepository items,
      ReferenceData reference,
      KeycloakDirectory directory,
      AttachmentService attachments,
      TransactionTemplate transaction,
      ReportProperties reports,
      Clock clock,
      AuditLog audit,
      FeedbackProperties settings) {
    this.jdbc = jdbc;
    this.items = items;
    this.reference = reference;
    this.directory = directory;
    this.attachments = attachments;
    this.transaction = transaction;
    this.pdf = new PdfRenderer(reports.fontDirectory());
    this.clock = clock;
    this.audit = audit;
    this.retryDelay = settings.letters().retryDelay();
    this.maxBackoff = settings.letters().maxBackoff();
    this.lease = settings.letters().lease();
  }

  /** In the sign-off's transaction: the letter to make, with the answer and the agency as they were signed. */
  @Transactional(propagation = Propagation.MANDATORY)
  void signed(FeedbackRepository.Item answered, String signedBy) {
    jdbc.sql("""
            insert into feedback_answer_letter (feedback_id, signed_by, signed_at, agency, answer_text, next_attempt_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(
            answered.id(),
            signedBy,
            Timestamp.from(answered.answeredAt()),
            answered.handlingAgency(),
            answered.answerText(),
            Timestamp.from(answered.answeredAt()))
        .update();
  }

  /** The latest made letter of an item, if any (a letter still being made is not one yet). */
  Optional<Made> latest(long feedbackId) {
    return jdbc.sql("""
            select letter_attachment_id, public_attachment_id, signed_at from feedback_answer_letter
            where feedback_id = ? and letter_attachment_id is not null order by signed_at desc, id desc limit 1""")
        .param(feedbackId)
        .query((rs, n) -> new Made(
            rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class),
            rs.getTimestamp(3).toInstant()))
        .optional();
  }

  @Scheduled(fixedDelayString = "${dondoc.feedback.letters.poll-interval}")
  public void makePending() {
    for (Pending pending = claim(); pending != null; pending = claim()) {
      try {
        make(pending);
      } catch (RuntimeException e) {
        later(pending, e);
      }
    }
  }

  private void later(Pending pending, RuntimeException failure) {
    Duration delay = backoff(pending.attempts());
    Failure step = failure instanceof FailedStep failed ? failed.failure : Failure.OTHER;
    Throwable cause = failure instanceof FailedStep ? failure.getCause() : failure;
    log.warn(
        "Answer letter {} not made (attempt {}, step {}), trying again in {}: {}",
        pending.id(),
        pending.attempts() + 1,
        step,
        delay,
        cause.toString());
    transaction.executeWithoutResult(status -> jdbc.sql("""
            update feedback_answer_letter set attempts = attempts + 1, last_error = ?, last_failure = ?, next_attempt_at = ?
            where id = ? and letter_attachment_id is null""")
        .params(
            String.valueOf(cause.getMessage()),
            step.name(),
            Timestamp.from(clock.instant().plus(delay)),
            pending.id())
        .update());
  }

  /** The letters that failed at least once and are not made yet, the longest waiting first (at most {@code limit}). */
  public List<Waiting> waiting(int limit) {
    return jdbc.sql("""
            select l.id, f.code, l.signed_at, l.attempts, l.last_failure, l.next_attempt_at
            from feedback_answer_letter l join feedback_item f on f.id = l.feedback_id
            where l.letter_attachment_id is null and l.attempts > 0 order by l.signed_at, l.id limit ?""")
        .param(limit)
        .query((rs, n) -> new Waiting(
            rs.getLong(1),
            rs.getString(2),
            rs.getTimestamp(3).toInstant(),
            rs.getInt(4),
            failure(rs.getString(5)),
            rs.getTimestamp(6).toInstant()))
        .list();
  }

  /** How many letters failed at least once and are not made yet, and since when the oldest was signed. */
  public record Backlog(int waiting, Instant oldestSignedAt) {}

  public Backlog backlog() {
    return jdbc.sql("""
            select count(*), min(signed_at) from feedback_answer_letter where letter_attachment_id is null and attempts > 0""")
        .query((rs, n) -> new Backlog(
            rs.getInt(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
        .single();
  }

  /**
   * Makes one waiting letter ({@code id}) or all of them due now, for the next poll of any node, and records each in
   * the case's audit trail with its state before. Returns the letters moved forward (none for a letter made meanwhile).
   */
  @Transactional
  public List<Waiting> retryNow(Long id, String actor) {
    List<Waiting> waiting = jdbc.sql("""
            select l.id, f.code, l.signed_at, l.attempts, l.last_failure, l.next_attempt_at
            from feedback_answer_letter l join feedback_item f on f.id = l.feedback_id
            where l.letter_attachment_id is null and l.attempts > 0 and (cast(? as bigint) is null or l.id = ?)
            order by l.signed_at, l.id for update of l""")
        .params(id, id)
        .query((rs, n) -> new Waiting(
            rs.getLong(1),
            rs.getString(2),
            rs.getTimestamp(3).toInstant(),
            rs.getInt(4),
            failure(rs.getString(5)),
            rs.getTimestamp(6).toInstant()))
        .list();
    Instant now = clock.instant();
    for (Waiting letter : waiting) {
      jdbc.sql("update feedback_answer_letter set next_attempt_at = ? where id = ?")
          .params(Timestamp.from(now), letter.id())
          .update();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("letter", letter.id());
      detail.put(
          "before",
          Map.of(
              "attempts",
              letter.attempts(),
              "failure",
              letter.failure().name(),
              "nextAttemptAt",
              letter.nextAttemptAt().toString()));
      detail.put("after", Map.of("nextAttemptAt", now.toString()));
      audit.record(letter.caseCode(), RETRIED, actor, detail);
    }
    return waiting;
  }

  private static Failure failure(String name) {
    try {
      return name == null ? Failure.OTHER : Failure.valueOf(name);
    } catch (IllegalArgumentException e) {
      return Failure.OTHER;
    }
  }

  /** Runs one step of making a letter, naming the step when it fails. */
  private static <T> T step(Failure failure, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      throw new FailedStep(failure, e);
    }
  }

  /** One due row, leased: no node takes it again before the lease ends. */
  private Pending claim() {
    Instant now = clock.instant();
    List<Pending> due = transaction.execute(status -> jdbc.sql("""
            update feedback_answer_letter l set next_attempt_at = ?
            from (select id from feedback_answer_letter where next_attempt_at <= ? order by next_attempt_at, id
                  limit 1 for update skip locked) due
            where l.id = due.id
            returning l.id, l.feedback_id, l.signed_by, l.signed_at, l.agency, l.answer_text, l.attempts""")
        .params(Timestamp.from(now.plus(lease)), Timestamp.from(now))
        .query((rs, n) -> new Pending(
            rs.getLong("id"),
            rs.getLong("feedback_id"),
            rs.getString("signed_by"),
            rs.getTimestamp("signed_at").toInstant(),
            rs.getString("agency"),
            rs.getString("answer_text"),
            rs.getInt("attempts")))
        .list());
    return due == null || due.isEmpty() ? null : due.get(0);
  }

  private void make(Pending pending) {
    FeedbackRepository.Item item = items.findById(pending.feedbackId()).orElseThrow();
    Agency agency = step(
        Failure.AGENCY,
        () -> reference.agencies().stream()
            .filter(a -> a.code().equals(pending.agency()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no agency " + pending.agency())));
    Optional<KeycloakDirectory.Profile> profile = pending.signedBy() == null
        ? Optional.empty()
        : step(Failure.SIGNER, () -> directory.profileOf(pending.signedBy()));
    String signer = pending.signedBy() == null
        ? ""
        : profile.map(KeycloakDirectory.Profile::fullName).orElse(pending.signedBy());
    AnswerLetter letter = new AnswerLetter(
        item.code(),
        item.title(),
        item.submittedAt(),
        item.contactName(),
        pending.answerText(),
        agency,
        pending.signedAt(),
        signer,
        profile.map(KeycloakDirectory.Profile::jobTitle).orElse(null));
    byte[] forSender = step(Failure.DRAWING, () -> pdf.render(letter.forSender()));
    byte[] forPublic = step(Failure.DRAWING, () -> pdf.render(letter.forPublic()));
    step(
        Failure.STORING,
        () -> transaction.execute(status -> {
          String name = "cong-van-tra-loi-" + item.code();
          UUID sender = attachments
              .storeGenerated(name + ".pdf", forSender, FeedbackService.CASE_TYPE, item.id())
              .id();
          UUID open = attachments
              .storeGenerated(
                  name + "-cong-khai.pdf", forPublic, FeedbackService.CASE_TYPE, item.id())
              .id();
          int stored = jdbc.sql("""
              update feedback_answer_letter set letter_attachment_id = ?, public_attachment_id = ?, next_attempt_at = null,
                last_error = null, last_failure = null
              where id = ? and letter_attachment_id is null""").params(sender, open, pending.id()).update();
          if (stored != 1) {
            // another node made it after our lease ran out: keep theirs
            status.setRollbackOnly();
          }
          return stored;
        }));
  }

  private Duration backoff(int attempts) {
    Duration delay = retryDelay.multipliedBy(1L << Math.min(attempts, 20));
    return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
  }
}
