package vn.dondoc.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.search.OutboxRelay;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.support.TestSmtp;

/**
 * Staff e-mail over a real SMTP server in this JVM (GreenMail), with people and addresses from the realm: a
 * reminder to a person who chose e-mails at once, a breach to an agency's leaders (a Keycloak group), both in
 * Vietnamese plain text and HTML with the case's link; two notifications of a person who chose the daily digest
 * gathered in one e-mail once the digest hour has come since their last digest, and kept until then; nothing for
 * a rolled-back change. Its own context, as {@link NotificationMailIT}'s (engine of its own, no outbox relay),
 * stays open and stops its scheduled work when done ({@link TestSmtp#quiesce}); the shared context's staff-mail
 * jobs run on the same rows meanwhile, as a second node would.
 */
class StaffMailIT extends IntegrationTest {

  @AfterAll
  static void quiesce(@Autowired ApplicationContext context) {
    TestSmtp.quiesce(context);
  }

  private static final int SMTP_PORT = TestSmtp.freePort();
  private static final String BODY =
      "Nhiệm vụ sắp đến hạn, đề nghị hoàn thành.\n\n---\nThe task is due soon.";

  @Autowired
  NotificationService notifications;

  @Autowired
  StaffDigest digest;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  JdbcClient jdbc;

  @MockitoBean
  OutboxRelay outboxRelay;

  private GreenMail smtp;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    TestSmtp.register(registry, "staffmailtest", SMTP_PORT);
    registry.add("dondoc.staff-mail.poll-interval", () -> "200ms");
    registry.add("dondoc.staff-mail.digest-poll-interval", () -> "200ms");
  }

  @BeforeEach
  void startSmtp() {
    smtp = TestSmtp.server(SMTP_PORT);
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  private void choose(String username, String delivery, String digestSince) {
    jdbc.sql("""
            insert into staff_mail_setting (username, delivery, digest_hour, digest_since)
            values (?, ?, 7, now() - cast(? as interval))
            on conflict (username) do update set delivery = excluded.delivery, digest_since = excluded.digest_since""").params(username, delivery, digestSince).update();
  }

  private void notifyUser(String code, String kind, String username) {
    transaction.executeWithoutResult(s -> notifications.notifyUser(
        code, kind, username, "[" + code + "] Nhiệm vụ sắp đến hạn / Task due soon", BODY));
  }

  /** The e-mails to {@code address} that name {@code code}. */
  private List<MimeMessage> mailsAbout(String address, String code) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> {
          try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(address))
                && parts(message).values().stream().anyMatch(text -> text.contains(code));
          } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  /** The text parts of an e-mail by content type (text/plain, text/html). */
  private static Map<String, String> parts(Part part) throws MessagingException, IOException {
    Map<String, String> parts = new HashMap<>();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        parts.putAll(parts(child));
      }
    } else if (part.isMimeType("text/plain")) {
      parts.put("text/plain", part.getContent().toString().replace("\r\n", "\n"));
    } else if (part.isMimeType("text/html")) {
      parts.put("text/html", part.getContent().toString());
    }
    return parts;
  }

  /** Whether the notification of {@code code} waits for the person's digest: 1 or 0. */
  private long waiting(String username, String code) {
    return jdbc.sql(
            "select count(*) from staff_digest_entry e join notification n on n.id = e.notification_id"
                + " where e.username = ? and n.case_code = ?")
        .params(username, code)
        .query(Long.class)
        .single();
  }

  @Test
  void aReminderGoesAtOnceInPlainTextAndHtmlWithTheCaseLink() throws Exception {
    jdbc.sql("delete from staff_mail_setting where username = 'canbo.hanoi'").update();
    String code = NotificationsIT.caseCode();
    notifyUser(code, "TASK_NEAR_DUE", "canbo.hanoi");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mailsAbout("canbo.hanoi@dondoc.local", code).size() == 1);
    MimeMessage mail = mailsAbout("canbo.hanoi@dondoc.local", code).get(0);
    assertThat(mail.getSubject()).isEqualTo("[" + code + "] Nhiệm vụ sắp đến hạn / Task due soon");
    Map<String, String> parts = parts(mail);
    assertThat(parts.get("text/plain"))
        .startsWith(BODY + "\n\nXem hồ sơ " + code + ": http://localhost:8080/ho-so/" + code)
        .contains("Đổi cách nhận thư: http://localhost:8080/hop-thu/cai-dat");
    assertThat(parts.get("text/html"))
        .contains("<p>Nhiệm vụ sắp đến hạn, đề nghị hoàn thành.</p>")
        .contains(
            "<a href=\"http://localhost:8080/ho-so/" + code + "\">Xem hồ sơ " + code + "</a>");
    assertThat(jdbc.sql(
                "select staff_mail_state from notification where case_code = ? and recipient_kind = 'USER'")
            .param(code)
            .query(String.class)
            .single())
        .isEqualTo("DONE");
  }

  @Test
  void aBreachToTheLeadersGroupReachesEachLeader() {
    jdbc.sql("delete from staff_mail_setting where username = 'lanhdao.hanoi'").update();
    String code = NotificationsIT.caseCode();
    transaction.executeWithoutResult(s -> notifications.notifyGroup(
        code,
        "SLA_BREACH_ANSWER",
        "agencies/hanoi/leaders",
        "[" + code + "] Quá hạn xử lý / Overdue",
        "Hồ sơ đã quá hạn xử lý."));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mailsAbout("lanhdao.hanoi@dondoc.local", code).size() == 1);
    assertThat(mailsAbout("canbo.hanoi@dondoc.local", code))
        .as("an officer is not a leader")
        .isEmpty();
  }

  @Test
  void aDigestGathersTheDaysNotificationsOnceItsHourHasCome() throws Exception {
    // chuyengia4 has just chosen the digest: both notifications wait for it
    choose("chuyengia4", "DIGEST", "0 seconds");
    String first = NotificationsIT.caseCode();
    String second = NotificationsIT.caseCode();
    notifyUser(first, "INITIATIVE_SCORING_DUE", "chuyengia4");
    notifyUser(second, "INITIATIVE_PANEL", "chuyengia4");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> waiting("chuyengia4", first) + waiting("chuyengia4", second) == 2);
    assertThat(mailsAbout("chuyengia4@dondoc.local", first))
        .as("not before its hour")
        .isEmpty();
    // as if the choice had been made two days ago: the digest hour has come since
    jdbc.sql(
            "update staff_mail_setting set digest_since = now() - interval '2 days' where username = 'chuyengia4'")
        .update();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !mailsAbout("chuyengia4@dondoc.local", second).isEmpty());
    List<MimeMessage> received = mailsAbout("chuyengia4@dondoc.local", first);
    assertThat(received)
        .as("one e-mail for both")
        .hasSize(1)
        .isEqualTo(mailsAbout("chuyengia4@dondoc.local", second));
    MimeMessage mail = received.get(0);
    assertThat(mail.getSubject()).startsWith("[Dondoc] Tổng hợp thông báo ngày ");
    Map<String, String> parts = parts(mail);
    assertThat(parts.get("text/plain"))
        .contains("http://localhost:8080/ho-so/" + first)
        .contains("http://localhost:8080/ho-so/" + second);
    assertThat(parts.get("text/plain").indexOf(first))
        .as("oldest first")
        .isLessThan(parts.get("text/plain").indexOf(second));
    assertThat(parts.get("text/html"))
        .contains("<a href=\"http://localhost:8080/ho-so/" + second + "\">");
    assertThat(jdbc.sql("select count(*) from staff_digest_entry where username = 'chuyengia4'")
            .query(Long.class)
            .single())
        .isZero();
    assertThat(jdbc.sql(
                "select digest_since > now() - interval '1 day' from staff_mail_setting where username = 'chuyengia4'")
            .query(Boolean.class)
            .single())
        .as("the next digest waits for the next hour")
        .isTrue();
  }

  @Test
  void aDigestWaitsForItsHour() {
    // chuyengia3 has just chosen the digest: its hour has not come since
    choose("chuyengia3", "DIGEST", "0 seconds");
    String code = NotificationsIT.caseCode();
    notifyUser(code, "INITIATIVE_SCORING_DUE", "chuyengia3");

    await().atMost(Duration.ofSeconds(30)).until(() -> waiting("chuyengia3", code) == 1);
    digest.send();
    assertThat(jdbc.sql(
                "select count(*) from notification where recipient = 'chuyengia3@dondoc.local' and email_state <> 'NONE'"
                    + " and (case_code = ? or (case_code is null and created_at > now() - interval '1 minute'))")
            .param(code)
            .query(Long.class)
            .single())
        .isZero();
    jdbc.sql("delete from staff_mail_setting where username = 'chuyengia3'").update();
  }

  @Test
  void aRolledBackChangeMailsNobody() {
    jdbc.sql("delete from staff_mail_setting where username = 'canbo.hanoi'").update();
    String code = NotificationsIT.caseCode();
    assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
          notifications.notifyUser(
              code, "TASK_OVERDUE", "canbo.hanoi", "[" + code + "] Quá hạn / Overdue", BODY);
          throw new IllegalStateException("the step fails after its notification was written");
        }))
        .isInstanceOf(IllegalStateException.class);

    // a reminder written after it is mailed: the staff mail and the relay have run since
    String later = NotificationsIT.caseCode();
    notifyUser(later, "TASK_NEAR_DUE", "canbo.hanoi");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mailsAbout("canbo.hanoi@dondoc.local", later).size() == 1);
    assertThat(mailsAbout("canbo.hanoi@dondoc.local", code)).isEmpty();
    assertThat(jdbc.sql("select count(*) from notification where case_code = ?")
            .param(code)
            .query(Long.class)
            .single())
        .isZero();
  }
}
