package vn.dondoc.app.feedback;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import vn.dondoc.app.documents.PdfRenderer;
import vn.dondoc.app.documents.ReportProperties;
import vn.dondoc.app.security.KeycloakDirectory;

/**
 * The answer letters ({@link AnswerLetter}). The leader's sign-off writes what the letter says, as signed, in its own
 * transaction ({@link #signed}); the PDFs are made afterwards, by {@link #makePending} on any node: a row is claimed
 * for a lease in a short transaction, the signer's name asked of Keycloak and the PDFs drawn with no transaction
 * open, and both stored as attachments of the item in another. A failure (Keycloak away, a font missing) leaves the
 * sign-off as it was and the row is tried again later, the delay doubling up to {@code max-backoff}.
 */
@Service
public class AnswerLetters {

  private static final Logger log = LoggerFactory.getLogger(AnswerLetters.class);

  /** A made letter: the sender's PDF and the public one. */
  record Made(UUID letter, UUID publicLetter, Instant signedAt) {}

  private record Pending(long id, long feedbackId, String signedBy, Instant signedAt, String agency, String answerText,
      int attempts) {}

  private final JdbcClient jdbc;
  private final FeedbackRepository items;
  private final ReferenceData reference;
  private final KeycloakDirectory directory;
  private final AttachmentService attachments;
  private final TransactionTemplate transaction;
  private final PdfRenderer pdf;
  private final Clock clock;
  private final Duration retryDelay;
  private final Duration maxBackoff;
  private final Duration lease;

  AnswerLetters(JdbcClient jdbc, FeedbackRepository items, ReferenceData reference, KeycloakDirectory directory,
      AttachmentService attachments, TransactionTemplate transaction, ReportProperties reports, Clock clock,
      FeedbackProperties settings) {
    this.jdbc = jdbc;
    this.items = items;
    this.reference = reference;
    this.directory = directory;
    this.attachments = attachments;
    this.transaction = transaction;
    this.pdf = new PdfRenderer(reports.fontDirectory());
    this.clock = clock;
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
        .params(answered.id(), signedBy, Timestamp.from(answered.answeredAt()), answered.handlingAgency(),
            answered.answerText(), Timestamp.from(answered.answeredAt()))
        .update();
  }

  /** The latest made letter of an item, if any (a letter still being made is not one yet). */
  Optional<Made> latest(long feedbackId) {
    return jdbc.sql("""
            select letter_attachment_id, public_attachment_id, signed_at from feedback_answer_letter
            where feedback_id = ? and letter_attachment_id is not null order by signed_at desc, id desc limit 1""")
        .param(feedbackId)
        .query((rs, n) -> new Made(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
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
    log.warn("Answer letter {} not made (attempt {}), trying again in {}: {}", pending.id(), pending.attempts() + 1,
        delay, failure.toString());
    transaction.executeWithoutResult(status -> jdbc.sql("""
            update feedback_answer_letter set attempts = attempts + 1, last_error = ?, next_attempt_at = ?
            where id = ? and letter_attachment_id is null""")
        .params(String.valueOf(failure.getMessage()), Timestamp.from(clock.instant().plus(delay)), pending.id()).update());
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
        .query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("feedback_id"), rs.getString("signed_by"),
            rs.getTimestamp("signed_at").toInstant(), rs.getString("agency"), rs.getString("answer_text"),
            rs.getInt("attempts")))
        .list());
    return due == null || due.isEmpty() ? null : due.get(0);
  }

  private void make(Pending pending) {
    FeedbackRepository.Item item = items.findById(pending.feedbackId()).orElseThrow();
    Agency agency = reference.agencies().stream().filter(a -> a.code().equals(pending.agency())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no agency " + pending.agency()));
    String signer = pending.signedBy() == null ? ""
        : directory.profileOf(pending.signedBy()).map(KeycloakDirectory.Profile::fullName).orElse(pending.signedBy());
    AnswerLetter letter = new AnswerLetter(item.code(), item.title(), item.submittedAt(), item.contactName(),
        pending.answerText(), agency, pending.signedAt(), signer);
    byte[] forSender = pdf.render(letter.forSender());
    byte[] forPublic = pdf.render(letter.forPublic());
    transaction.executeWithoutResult(status -> {
      String name = "cong-van-tra-loi-" + item.code();
      UUID sender = attachments.storeGenerated(name + ".pdf", forSender, FeedbackService.CASE_TYPE, item.id()).id();
      UUID open = attachments.storeGenerated(name + "-cong-khai.pdf", forPublic, FeedbackService.CASE_TYPE, item.id()).id();
      int stored = jdbc.sql("""
              update feedback_answer_letter set letter_attachment_id = ?, public_attachment_id = ?, next_attempt_at = null,
                last_error = null
              where id = ? and letter_attachment_id is null""")
          .params(sender, open, pending.id()).update();
      if (stored != 1) {
        // another node made it after our lease ran out: keep theirs
        status.setRollbackOnly();
      }
    });
  }

  private Duration backoff(int attempts) {
    Duration delay = retryDelay.multipliedBy(1L << Math.min(attempts, 20));
    return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
  }
}
