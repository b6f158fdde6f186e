package vn.dondoc.app.notifications;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.time.HanoiTime;

/**
 * The daily digest: once a person's digest hour (Hanoi time) has come since their last digest (or since they
 * chose the digest), what waits for them (staff_digest_entry) becomes one e-mail, queued for {@link MailRelay}.
 * Safe on many nodes: each person's settings row is locked (SKIP LOCKED) by the transaction that writes their
 * digest, deletes the entries it holds and moves {@code digest_since} on, so no entry goes into two digests. A
 * person who went back to e-mails at once gets what still waited at the next run.
 */
@Component
@EnableConfigurationProperties(StaffMailProperties.class)
class StaffDigest {

  static final String KIND = "STAFF_DIGEST";

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final StaffMailText texts;
  private final NotificationService notifications;
  private final Clock clock;
  private final int batchSize;

  StaffDigest(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      StaffMailText texts,
      NotificationService notifications,
      Clock clock,
      StaffMailProperties settings) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.texts = texts;
    this.notifications = notifications;
    this.clock = clock;
    this.batchSize = settings.batchSize();
  }

  @Scheduled(fixedDelayString = "${dondoc.staff-mail.digest-poll-interval}")
  public void send() {
    Integer sent;
    do {
      sent = transaction.execute(status -> sendDue());
    } while (sent != null && sent == batchSize);
  }

  /** Writes the digests that are due, in the caller's transaction; how many. */
  private int sendDue() {
    List<String> due = jdbc.sql("""
            select s.username from staff_mail_setting s
            where exists (select 1 from staff_digest_entry e where e.username = s.username)
              and (s.delivery = 'IMMEDIATE'
                or (date_trunc('day', (now() at time zone :zone) - make_interval(hours => s.digest_hour))
                    + make_interval(hours => s.digest_hour)) at time zone :zone > s.digest_since)
            order by s.username limit :limit for update of s skip locked""")
        .param("zone", HanoiTime.ZONE.getId())
        .param("limit", batchSize)
        .query(String.class)
        .list();
    due.forEach(this::sendTo);
    return due.size();
  }

  private void sendTo(String username) {
    record Waiting(long id, String address, StaffMailText.Item item) {}
    List<Waiting> waiting = jdbc.sql("""
            select n.id, e.address, n.case_code, n.subject, n.body, n.created_at from staff_digest_entry e
            join notification n on n.id = e.notification_id where e.username = ? order by n.created_at, n.id""")
        .param(username)
        .query((rs, n) -> new Waiting(
            rs.getLong("id"),
            rs.getString("address"),
            new StaffMailText.Item(
                rs.getString("case_code"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant())))
        .list();
    StaffMailText.Mail mail =
        texts.digest(waiting.stream().map(Waiting::item).toList(), clock.instant());
    notifications.queueStaffEmail(
        null,
        KIND,
        waiting.get(waiting.size() - 1).address(),
        mail.subject(),
        mail.text(),
        mail.html());
    jdbc.sql("delete from staff_digest_entry where username = ? and notification_id = any(?)")
        .params(username, waiting.stream().map(Waiting::id).toArray(Long[]::new))
        .update();
    jdbc.sql("update staff_mail_setting set digest_since = now() where username = ?")
        .param(username)
        .update();
  }
}
