package vn.dondoc.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
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
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.support.TestSmtp;

/**
 * E-mails over a real SMTP server in this JVM (GreenMail). The SMTP settings give this class an
 * application context of its own, whose relay also sends what other tests left pending: every
 * assertion looks at this test's own address only. It must not take the shared context's other work:
 * its process engine has a name of its own (engines are registered by name JVM-wide, and a second
 * "default" would replace the shared one behind /engine-rest), no job executor, and no outbox relay,
 * which would index other tests' cases into this context's search alias.
 */
class NotificationMailIT extends IntegrationTest {

  /** Its context stays open but stops its relay (TestSmtp.quiesce says why). */
  @AfterAll
  static void quiesce(@Autowired ApplicationContext context) {
    TestSmtp.quiesce(context);
  }

  private static final int SMTP_PORT = TestSmtp.freePort();
  private static final String SUBJECT = "Đã có trả lời / Your feedback has been answered";
  private static final String BODY =
      "Kính gửi bà Nguyễn Thị Hồng Nhung,\n\nPhản ánh của bà đã được trả lời.\n\n---\n"
          + "Your feedback has been answered.";

  @Autowired
  NotificationService notifications;

  @Autowired
  MailRelay relay;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  JdbcClient jdbc;

  @MockitoBean
  OutboxRelay outboxRelay;

  private GreenMail smtp;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    TestSmtp.register(registry, "mailtest", SMTP_PORT);
  }

  @BeforeEach
  void startSmtp() {
    smtp = smtpServer();
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  private static GreenMail smtpServer() {
    return TestSmtp.server(SMTP_PORT);
  }

  private List<MimeMessage> receivedBy(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> {
          try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
          } catch (MessagingException e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  private Map<String, Object> row(String code) {
    return jdbc.sql(
            "select email_state, email_attempts, email_last_error, email_sent_at from notification where case_code = ?")
        .param(code)
        .query()
        .singleRow();
  }

  private String queue(String address) {
    String code = NotificationsIT.caseCode();
    transaction.executeWithoutResult(s -> notifications.notifyEmail(
        code, "FEEDBACK_ANSWER", address, "[" + code + "] " + SUBJECT, BODY));
    return code;
  }

  @Test
  void aPendingEmailIsDeliveredOnceInVietnamese() throws Exception {
    String address = Feedback.marker() + "@example.vn";
    String code = queue(address);

    await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(row(code).get("email_state")));
    relay.relay();

    assertThat(relay.enabled()).isTrue();
    List<MimeMessage> received = receivedBy(address);
    assertThat(received).hasSize(1);
    MimeMessage mail = received.get(0);
    assertThat(mail.getSubject()).isEqualTo("[" + code + "] " + SUBJECT);
    // SMTP carries lines ended by CRLF
    assertThat(mail.getContent().toString().replace("\r\n", "\n")).isEqualTo(BODY);
    assertThat(mail.getFrom()[0].toString()).isEqualTo("Dondoc <no-reply@dondoc.local>");
    assertThat(row(code))
        .containsEntry("email_attempts", 1)
        .containsEntry("email_last_error", null);
  }

  @Test
  void aRolledBackChangeSendsNoEmail() {
    String address = Feedback.marker() + "@example.vn";
    String code = NotificationsIT.caseCode();
    assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
          notifications.notifyEmail(
              code, "FEEDBACK_ANSWER", address, "[" + code + "] " + SUBJECT, BODY);
          throw new IllegalStateException("the change fails after its notification was written");
        }))
        .isInstanceOf(IllegalStateException.class);

    // an e-mail queued after it goes out: the relay has run since
    String later = queue(Feedback.marker() + "@example.vn");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "SENT".equals(row(later).get("email_state")));
    relay.relay();
    assertThat(receivedBy(address)).isEmpty();
    assertThat(jdbc.sql("select count(*) from notification where case_code = ?")
            .param(code)
            .query(Long.class)
            .single())
        .isZero();
  }

  @Test
  void noRowIsLockedWhileTheMailServerIsSlow() throws Exception {
    // the relay first sends what the rest of the suite left pending, while the server answers:
    // otherwise this
    // row would wait behind all of them, each held the full SMTP timeout by the silent server below
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jdbc.sql(
                    "select count(*) from notification where email_state = 'PENDING' and email_next_attempt_at <= now()")
                .query(Long.class)
                .single()
            == 0);
    smtp.stop();
    String address = Feedback.marker() + "@example.vn";
    String code;
    // A mail server that takes the connection and never answers: the relay waits for it
    // (mail.smtp.timeout).
    try (ServerSocket silent = new ServerSocket()) {
      silent.setReuseAddress(true);
      silent.bind(new java.net.InetSocketAddress("127.0.0.1", SMTP_PORT));
      code = queue(address);
      // claimed: its next attempt moved a lease ahead, and the relay is talking to the silent
      // server
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> jdbc.sql(
                  "select email_next_attempt_at > now() + interval '30 seconds' from notification where case_code = ?")
              .param(code)
              .query(Boolean.class)
              .single());
      // no transaction of the relay holds the row meanwhile
      transaction.executeWithoutResult(s -> assertThat(
              jdbc.sql("select id from notification where case_code = ? for update nowait")
                  .param(code)
                  .query(Long.class)
                  .list())
          .hasSize(1));
    }
    smtp = smtpServer();
    smtp.start();
    String sentCode = code;
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "SENT".equals(row(sentCode).get("email_state")));
    assertThat(receivedBy(address)).hasSize(1);
  }

  @Test
  void whileSmtpIsDownTheEmailWaitsAndGoesOutOnceItIsBack() {
    smtp.stop();
    String address = Feedback.marker() + "@example.vn";
    String code = queue(address);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ((Number) row(code).get("email_attempts")).intValue() >= 2);
    assertThat(row(code)).containsEntry("email_state", "PENDING");
    assertThat((String) row(code).get("email_last_error")).isNotBlank();

    smtp = smtpServer();
    smtp.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(row(code).get("email_state")));
    assertThat(receivedBy(address)).hasSize(1);
    assertThat(((Number) row(code).get("email_attempts")).intValue()).isGreaterThanOrEqualTo(3);
  }
}
