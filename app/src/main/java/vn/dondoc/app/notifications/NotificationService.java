package vn.dondoc.app.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies people of what happens to a case: staff in the in-app inbox (a user, or every member of a
 * Camunda group such as {@code agencies/bkhcn/leaders}), anyone else by e-mail. Each call writes one
 * row in the caller's transaction, so a step that rolls back notifies nobody; {@link MailRelay} sends
 * the e-mails after the commit. Inbox notifications of the kinds people are also e-mailed about
 * ({@link StaffMail#mailed}: reminders, breaches, escalations, panel invitations, scoring deadlines) are
 * resolved to e-mails, at once or for a daily digest, by {@link StaffMail} once they are committed.
 *
 * <p>Idempotent per case, kind and recipient: the same notification written twice (a retried step,
 * two nodes racing) is stored and sent once, and the second call returns false. An occasion that can
 * recur on one case (a second question to the sender) needs a kind of its own each time, e.g. with a
 * running number.
 */
@Service
public class NotificationService {

  /** Who receives a notification: a user or group in the inbox, or an e-mail address. */
  enum RecipientKind {
    USER,
    GROUP,
    EMAIL
  }

  private final JdbcClient jdbc;

  NotificationService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Into the inbox of one user (Keycloak username). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean notifyUser(
      String caseCode, String kind, String username, String subject, String body) {
    return insert(RecipientKind.USER, username, caseCode, kind, subject, body);
  }

  /** Into the inbox of every member of a Camunda group (the Keycloak group path without its leading slash). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean notifyGroup(
      String caseCode, String kind, String groupId, String subject, String body) {
    return insert(RecipientKind.GROUP, groupId, caseCode, kind, subject, body);
  }

  /** By e-mail to an address, e.g. the sender of a feedback item; sent after the commit, retried until it goes. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean notifyEmail(
      String caseCode, String kind, String address, String subject, String body) {
    return insert(RecipientKind.EMAIL, address, caseCode, kind, subject, body);
  }

  /**
   * A staff e-mail, plain text and HTML, that {@link StaffMail} or {@link StaffDigest} made of inbox notifications
   * (a digest has no case). Once per case, kind and address, as every notification.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean queueStaffEmail(
      String caseCode, String kind, String address, String subject, String text, String html) {
    return insert(RecipientKind.EMAIL, address, caseCode, kind, subject, text, html);
  }

  private boolean insert(
      RecipientKind recipientKind,
      String recipient,
      String caseCode,
      String kind,
      String subject,
      String body) {
    return insert(recipientKind, recipient, caseCode, kind, subject, body, null);
  }

  private boolean insert(
      RecipientKind recipientKind,
      String recipient,
      String caseCode,
      String kind,
      String subject,
      String body,
      String html) {
    boolean inbox = recipientKind != RecipientKind.EMAIL;
    return jdbc.sql("""
            insert into notification (recipient_kind, recipient, case_code, kind, subject, body, body_html, email_state,
              email_next_attempt_at, staff_mail_state, staff_mail_at)
            values (:recipientKind, :recipient, :caseCode, :kind, :subject, :body, :html, :emailState,
              case when :emailState = 'PENDING' then now() end, :staffMail,
              case when :staffMail = 'PENDING' then now() end)
            on conflict (case_code, kind, recipient_kind, recipient) do nothing""")
            .param("recipientKind", recipientKind.name())
            .param("recipient", recipient)
            .param("caseCode", caseCode)
            .param("kind", kind)
            .param("subject", subject)
            .param("body", body)
            .param("html", html)
            .param("emailState", inbox ? "NONE" : "PENDING")
            .param("staffMail", inbox && StaffMail.mailed(kind) ? "PENDING" : "NONE")
            .update()
        == 1;
  }
}
