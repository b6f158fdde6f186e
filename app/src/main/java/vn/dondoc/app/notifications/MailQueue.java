package vn.dondoc.app.notifications;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The e-mail side of table notification: what is waiting to be sent, and how each attempt went. */
@Repository
class MailQueue {

  record Pending(long id, String recipient, String subject, String body, int attempts) {}

  record Backlog(long pending, long failed) {}

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
            returning n.id, n.recipient, n.subject, n.body, n.email_attempts""")
        .params(lease.toMillis() / 1000.0, limit)
        .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
            rs.getString("body"), rs.getInt("email_attempts")))
        .list();
  }

  void sent(long id) {
    jdbc.sql("""
            update notification set email_state = 'SENT', email_sent_at = now(), email_attempts = email_attempts + 1,
              email_last_error = null, email_next_attempt_at = null
            where id = ?""")
        .param(id).update();
  }

  void retryLater(long id, Duration delay, String error) {
    jdbc.sql("""
            update notification set email_attempts = email_attempts + 1, email_last_error = ?,
              email_next_attempt_at = now() + make_interval(secs => ?)
            where id = ?""")
        .params(error, delay.toMillis() / 1000.0, id).update();
  }

  void failed(long id, String error) {
    jdbc.sql("""
            update notification set email_state = 'FAILED', email_attempts = email_attempts + 1, email_last_error = ?,
              email_next_attempt_at = null
            where id = ?""")
        .params(error, id).update();
  }

  Backlog backlog() {
    return jdbc.sql("""
            select count(*) filter (where email_state = 'PENDING') as pending,
              count(*) filter (where email_state = 'FAILED') as failed
            from notification where email_state in ('PENDING', 'FAILED')""")
        .query((rs, n) -> new Backlog(rs.getLong("pending"), rs.getLong("failed"))).single();
  }
}
