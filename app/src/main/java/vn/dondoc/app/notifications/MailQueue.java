package vn.dondoc.app.notifications;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The e-mail side of table notification: what is waiting to be sent, and how each attempt went; for
 * admins, the e-mails given up and a retry of them.
 */
@Repository
public class MailQueue {

  /** An e-mail to send; {@code html} is its HTML alternative, null for plain text only. */
  record Pending(
      long id, String recipient, String subject, String body, String html, int attempts) {}

  public record Backlog(long pending, long failed) {}

  /** An e-mail given up: to whom, about which case, how often it was tried and the last error. */
  public record Failed(
      long id, String caseCode, String recipient, String subject, int attempts, String lastError) {}

  private final JdbcClient jdbc;

  MailQueue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims due e-mails for {@code lease}: their next attempt moves that far ahead, so that no node (this one
   * included) takes them again while they are being sent; an e-mail whose sender dies before recording the
   * outcome is due again when the lease ends. Another node skips the rows being claimed instead of waiting.
   */
  List<Pending> claimDue(int limit, Duration lease) {
    return jdbc.sql("""
            update notification n set email_next_attempt_at = now() + make_interval(secs => ?)
            from (select id from notification
                  where email_state = 'PENDING' and email_next_attempt_at <= now()
                  order by email_next_attempt_at, id limit ? for update skip locked) due
            where n.id = due.id
            returning n.id, n.recipient, n.subject, n.body, n.body_html, n.email_attempts""")
        .params(lease.toMillis() / 1000.0, limit)
        .query((rs, n) -> new Pending(
            rs.getLong("id"),
            rs.getString("recipient"),
            rs.getString("subject"),
            rs.getString("body"),
            rs.getString("body_html"),
            rs.getInt("email_attempts")))
        .list();
  }

  void sent(long id) {
    jdbc.sql("""
            update notification set email_state = 'SENT', email_sent_at = now(), email_attempts = email_attempts + 1,
              email_last_error = null, email_next_attempt_at = null
            where id = ?""").param(id).update();
  }

  void retryLater(long id, Duration delay, String error) {
    jdbc.sql("""
            update notification set email_attempts = email_attempts + 1, email_last_error = ?,
              email_next_attempt_at = now() + make_interval(secs => ?)
            where id = ?""").params(error, delay.toMillis() / 1000.0, id).update();
  }

  void failed(long id, String error) {
    jdbc.sql("""
            update notification set email_state = 'FAILED', email_attempts = email_attempts + 1, email_last_error = ?,
              email_next_attempt_at = null
            where id = ?""").params(error, id).update();
  }

  /** The e-mails given up, latest first. */
  public List<Failed> failed(int limit) {
    return jdbc.sql("""
            select id, case_code, recipient, subject, email_attempts, email_last_error from notification
            where email_state = 'FAILED' order by id desc limit ?""")
        .param(limit)
        .query((rs, n) -> new Failed(
            rs.getLong("id"),
            rs.getString("case_code"),
            rs.getString("recipient"),
            rs.getString("subject"),
            rs.getInt("email_attempts"),
            rs.getString("email_last_error")))
        .list();
  }

  /**
   * Puts given-up e-mails ({@code ids}, or all when null) back into the queue with their attempts counted
   * from zero, due now; returns those it took (an e-mail sent or retried meanwhile is left alone).
   */
  public List<Failed> retry(List<Long> ids) {
    List<Failed> taken = jdbc.sql("""
            select id, case_code, recipient, subject, email_attempts, email_last_error from notification
            where email_state = 'FAILED' and (cast(? as bigint[]) is null or id = any(?)) order by id for update""")
        .params(
            ids == null ? null : ids.toArray(Long[]::new),
            ids == null ? null : ids.toArray(Long[]::new))
        .query((rs, n) -> new Failed(
            rs.getLong("id"),
            rs.getString("case_code"),
            rs.getString("recipient"),
            rs.getString("subject"),
            rs.getInt("email_attempts"),
            rs.getString("email_last_error")))
        .list();
    if (!taken.isEmpty()) {
      jdbc.sql("""
              update notification set email_state = 'PENDING', email_attempts = 0, email_next_attempt_at = now()
              where id = any(?)""").param(taken.stream().map(Failed::id).toArray(Long[]::new)).update();
    }
    return taken;
  }

  public Backlog backlog() {
    return jdbc.sql("""
            select count(*) filter (where email_state = 'PENDING') as pending,
              count(*) filter (where email_state = 'FAILED') as failed
            from notification where email_state in ('PENDING', 'FAILED')""")
        .query((rs, n) -> new Backlog(rs.getLong("pending"), rs.getLong("failed")))
        .single();
  }
}
