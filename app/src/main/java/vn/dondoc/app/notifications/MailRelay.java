package vn.dondoc.app.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Sends the pending e-mails of table notification over SMTP ({@code spring.mail.*}, sender address
 * {@code dondoc.mail.from}). An e-mail exists only once the transaction that wrote its notification has
 * committed, so a rolled-back change sends nothing. Safe on many nodes, and no database connection or row lock
 * is held while the mail server talks: a batch is claimed in a short transaction (SKIP LOCKED, its next
 * attempt moved {@code dondoc.mail.lease} ahead), sent with no transaction open, and each outcome recorded in a
 * short transaction of its own. A failed e-mail is retried with a doubling delay up to
 * {@code dondoc.mail.max-backoff}, then given up (FAILED) after {@code dondoc.mail.max-attempts}; an address
 * that cannot be parsed fails at once. A node that dies between sending and recording sends that e-mail again
 * when its lease ends: at least once, not exactly once, for e-mail. Without {@code spring.mail.host} nothing is
 * sent and the e-mails wait.
 */
@Component
@EnableConfigurationProperties(MailRelay.Settings.class)
public class MailRelay {

  /**
   * {@code dondoc.mail.*}: e-mails go out through {@code spring.mail.*}; without a host they wait in table
   * notification.
   *
   * @param from the sender address (DONDOC_MAIL_FROM)
   * @param pollInterval how often pending e-mails are looked for
   * @param batchSize e-mails claimed per round
   * @param retryDelay the first retry's delay after a failure, doubling up to maxBackoff
   * @param maxBackoff the longest delay between attempts
   * @param maxAttempts attempts before an e-mail is given up (FAILED)
   * @param lease how long a claimed e-mail is left to its sender before another attempt may take it (more than an
   *     SMTP exchange's timeouts)
   */
  @Validated
  @ConfigurationProperties("dondoc.mail")
  record Settings(
      @NotBlank String from,
      @NotNull Duration pollInterval,
      @Positive int batchSize,
      @NotNull Duration retryDelay,
      @NotNull Duration maxBackoff,
      @Positive int maxAttempts,
      @NotNull Duration lease) {}

  private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

  private final MailQueue queue;
  private final JavaMailSender sender;
  private final TransactionTemplate transaction;
  private final String from;
  private final int batchSize;
  private final Duration retryDelay;
  private final Duration maxBackoff;
  private final int maxAttempts;
  private final Duration lease;

  MailRelay(
      MailQueue queue,
      ObjectProvider<JavaMailSender> sender,
      TransactionTemplate transaction,
      Settings settings) {
    this.queue = queue;
    this.sender = sender.getIfAvailable();
    this.transaction = transaction;
    this.from = settings.from();
    this.batchSize = settings.batchSize();
    this.retryDelay = settings.retryDelay();
    this.maxBackoff = settings.maxBackoff();
    this.maxAttempts = settings.maxAttempts();
    this.lease = settings.lease();
    if (this.sender == null) {
      log.warn("No SMTP server configured (spring.mail.host): e-mails are kept and not sent");
    }
  }

  /** False when no SMTP server is configured. */
  public boolean enabled() {
    return sender != null;
  }

  @Scheduled(fixedDelayString = "${dondoc.mail.poll-interval}")
  public void relay() {
    if (!enabled()) {
      return;
    }
    int relayed;
    do {
      List<MailQueue.Pending> due = transaction.execute(status -> queue.claimDue(batchSize, lease));
      due = due == null ? List.of() : due;
      due.forEach(this::deliver);
      relayed = due.size();
    } while (relayed == batchSize);
  }

  /** Sends one claimed e-mail, no transaction open, then records how it went. */
  private void deliver(MailQueue.Pending mail) {
    try {
      send(mail);
      transaction.executeWithoutResult(status -> queue.sent(mail.id()));
    } catch (AddressException e) {
      log.warn("E-mail {} has an unusable address, given up: {}", mail.id(), e.getMessage());
      transaction.executeWithoutResult(status -> queue.failed(mail.id(), e.toString()));
    } catch (MailException | MessagingException e) {
      int attempts = mail.attempts() + 1;
      if (attempts >= maxAttempts) {
        log.error("E-mail {} failed {} times, given up: {}", mail.id(), attempts, e.toString());
        transaction.executeWithoutResult(status -> queue.failed(mail.id(), e.toString()));
      } else {
        log.warn(
            "E-mail {} not sent (attempt {}), retried later: {}",
            mail.id(),
            attempts,
            e.toString());
        transaction.executeWithoutResult(
            status -> queue.retryLater(mail.id(), backoff(mail.attempts()), e.toString()));
      }
    }
  }

  private void send(MailQueue.Pending mail) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
    helper.setFrom(from);
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    if (mail.html() == null) {
      helper.setText(mail.body());
    } else {
      helper.setText(mail.body(), mail.html());
    }
    sender.send(message);
  }

  private Duration backoff(int attemptsBefore) {
    return Duration.ofMillis(
        Math.min(maxBackoff.toMillis(), retryDelay.toMillis() << Math.min(attemptsBefore, 20)));
  }
}
