package vn.dondoc.app.notifications;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.security.KeycloakDirectory;

/**
 * E-mail to staff and experts for the inbox notifications that call for it ({@link #mailed}): reminders, breaches
 * and escalations, panel invitations and scoring deadlines. Runs after the notification's transaction has
 * committed, so a rolled-back step mails nobody. A batch is claimed in a short transaction (SKIP LOCKED, its due
 * time moved {@code dondoc.staff-mail.lease} ahead, as {@link MailQueue} claims e-mails); its people are then
 * looked up in Keycloak with no transaction open (a group's members, each person's e-mail address); what to send
 * is written in one short transaction: for a person who chose e-mails at once, an e-mail row that
 * {@link MailRelay} sends; for one who chose the daily digest, an entry that {@link StaffDigest} gathers. Both
 * writes are idempotent (one e-mail per case, kind and address; one entry per notification and person), so a
 * node dying between the lookup and the write leaves only a second lookup when the lease ends. Keycloak down: the
 * batch waits for the lease and is tried again.
 */
@Component
@EnableConfigurationProperties(StaffMailProperties.class)
public class StaffMail {

  private static final Logger log = LoggerFactory.getLogger(StaffMail.class);

  /** Kinds of notification (prefixes) that are also e-mailed. */
  static final List<String> MAILED_KINDS = List.of(
      "SLA_WARNING_",
      "SLA_BREACH_",
      "TASK_NEAR_DUE",
      "TASK_OVERDUE",
      "TASK_REPORT_DUE",
      "TASK_REPORT_MISSED",
      "INITIATIVE_PANEL",
      "INITIATIVE_SCORING_DUE");

  static boolean mailed(String kind) {
    return MAILED_KINDS.stream().anyMatch(kind::startsWith);
  }

  /** A notification to mail, as claimed. */
  record Claimed(
      long id,
      String recipientKind,
      String recipient,
      String caseCode,
      String kind,
      String subject,
      String body) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final KeycloakDirectory directory;
  private final StaffMailSettings settings;
  private final StaffMailText texts;
  private final NotificationService notifications;
  private final int batchSize;
  private final Duration lease;

  StaffMail(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      KeycloakDirectory directory,
      StaffMailSettings settings,
      StaffMailText texts,
      NotificationService notifications,
      StaffMailProperties properties) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.directory = directory;
    this.settings = settings;
    this.texts = texts;
    this.notifications = notifications;
    this.batchSize = properties.batchSize();
    this.lease = properties.lease();
  }

  @Scheduled(fixedDelayString = "${dondoc.staff-mail.poll-interval}")
  public void resolve() {
    List<Claimed> claimed;
    do {
      claimed = transaction.execute(status -> claim());
      claimed = claimed == null ? List.of() : claimed;
      for (Claimed notification : claimed) {
        try {
          Map<String, String> addresses = addresses(notification);
          transaction.executeWithoutResult(status -> write(notification, addresses));
        } catch (IllegalStateException keycloakDown) {
          log.warn(
              "Staff e-mail of notification {} waits: {}",
              notification.id(),
              keycloakDown.getMessage());
        }
      }
    } while (claimed.size() == batchSize);
  }

  private List<Claimed> claim() {
    return jdbc.sql("""
            update notification n set staff_mail_at = now() + make_interval(secs => ?)
            from (select id from notification where staff_mail_state = 'PENDING' and staff_mail_at <= now()
                  order by staff_mail_at, id limit ? for update skip locked) due
            where n.id = due.id
            returning n.id, n.recipient_kind, n.recipient, n.case_code, n.kind, n.subject, n.body""")
        .params(lease.toMillis() / 1000.0, batchSize)
        .query((rs, n) -> new Claimed(
            rs.getLong("id"),
            rs.getString("recipient_kind"),
            rs.getString("recipient"),
            rs.getString("case_code"),
            rs.getString("kind"),
            rs.getString("subject"),
            rs.getString("body")))
        .list();
  }

  /** Username to e-mail address of the people the notification is for (those without an address are left out). */
  private Map<String, String> addresses(Claimed notification) {
    Set<String> people = new LinkedHashSet<>(
        "GROUP".equals(notification.recipientKind())
            ? directory.members(notification.recipient())
            : List.of(notification.recipient()));
    Map<String, String> addresses = new HashMap<>();
    for (String username : people) {
      Optional<KeycloakDirectory.Profile> profile = directory.profileOf(username);
      profile
          .map(KeycloakDirectory.Profile::email)
          .filter(email -> !email.isBlank())
          .ifPresent(email -> addresses.put(username, email));
    }
    return addresses;
  }

  private void write(Claimed notification, Map<String, String> addresses) {
    Map<String, StaffMailSettings.Choice> choices = settings.choices(addresses.keySet());
    addresses.forEach((username, address) -> {
      if (choices.getOrDefault(username, StaffMailSettings.Choice.IMMEDIATE).delivery()
          == StaffMailSettings.Delivery.DIGEST) {
        jdbc.sql(
                "insert into staff_digest_entry (notification_id, username, address) values (?, ?, ?) on conflict do nothing")
            .params(notification.id(), username, address)
            .update();
      } else {
        StaffMailText.Mail mail =
            texts.one(notification.caseCode(), notification.subject(), notification.body());
        notifications.queueStaffEmail(
            notification.caseCode(),
            notification.kind(),
            address,
            mail.subject(),
            mail.text(),
            mail.html());
      }
    });
    jdbc.sql("update notification set staff_mail_state = 'DONE', staff_mail_at = null where id = ?")
        .param(notification.id())
        .update();
  }
}
