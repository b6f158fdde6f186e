package vn.dondoc.app.feedback;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import vn.dondoc.app.notifications.NotificationService;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.SiteProperties;

/**
 * E-mails to the sender, in Vietnamese with English below. Queued in the transaction of the step
 * that causes them (the notification relay sends them), so a rolled-back step sends nothing.
 */
@Component
@EnableConfigurationProperties(SiteProperties.class)
class FeedbackMail {

  enum Kind {
    QUESTION,
    ANSWER,
    CLOSED_NO_REPLY
  }

  private final NotificationService notifications;
  private final String publicBaseUrl;

  FeedbackMail(NotificationService notifications, SiteProperties site) {
    this.notifications = notifications;
    this.publicBaseUrl = site.publicBaseUrl();
  }

  /** Code and secret of an item that staff typed in for the sender (the portal shows them on its receipt instead). */
  void receivedFor(FeedbackRepository.Item item, String secret, String answerDueDay) {
    if (item.contactEmail() == null) {
      return;
    }
    String link = publicBaseUrl + "/theo-doi?ma=" + item.code();
    String body = "Kính gửi " + item.contactName() + ",\n\nPhản ánh, kiến nghị \"" + item.title()
        + "\" của ông/bà đã được tiếp nhận.\nMã hồ sơ: " + item.code() + "\nMã bí mật: " + secret
        + (answerDueDay == null ? "" : "\nNgày hẹn trả lời: " + answerDueDay)
        + "\n\nTheo dõi, bổ sung thông tin và đánh giá câu trả lời tại: " + link
        + " (cần mã bí mật; hãy giữ kín).\n\n---\n"
        + "Your feedback has been received. Follow it at the link above with the tracking code and the secret; keep the secret private.";
    notifications.notifyEmail(
        item.code(),
        "FB_RECEIVED:" + item.version(),
        item.contactEmail(),
        "[" + item.code() + "] Đã tiếp nhận phản ánh, kiến nghị / Feedback received",
        body);
  }

  /**
   * The receipt of an item sent through the portal, whose page showed the secret: code, dates and the link, not the
   * secret, which is stored nowhere but in the sender's hands (a mail waits in table notification as written).
   */
  void receiptTo(FeedbackRepository.Item item, String answerDueDay) {
    if (item.contactEmail() == null) {
      return;
    }
    String received = DisplayDates.DAY.format(item.submittedAt().atZone(HanoiTime.ZONE));
    String link = publicBaseUrl + "/theo-doi?ma=" + item.code();
    String body = "Kính gửi " + item.contactName() + ",\n\nPhản ánh, kiến nghị \"" + item.title()
        + "\" của ông/bà đã được tiếp nhận.\nMã hồ sơ: " + item.code() + "\nNgày tiếp nhận: "
        + received
        + (answerDueDay == null ? "" : "\nNgày hẹn trả lời: " + answerDueDay)
        + "\n\nTheo dõi, bổ sung thông tin và đánh giá câu trả lời tại: " + link
        + " với mã bí mật trên phiếu tiếp nhận (thư này không nhắc lại mã bí mật).\n\n---\n"
        + "Your feedback has been received (tracking code " + item.code() + ", received " + received
        + (answerDueDay == null ? "" : ", answer due by " + answerDueDay)
        + "). Follow it at the link above with the secret shown on your receipt; this e-mail does not repeat it.";
    notifications.notifyEmail(
        item.code(),
        "FB_RECEIPT:" + item.version(),
        item.contactEmail(),
        "[" + item.code() + "] Phiếu tiếp nhận phản ánh, kiến nghị / Feedback receipt",
        body);
  }

  /** The item as it stands after the step that causes the mail. */
  void toSender(FeedbackRepository.Item item, Kind kind) {
    if (item.contactEmail() == null) {
      return;
    }
    String link = publicBaseUrl + "/theo-doi?ma=" + item.code();
    String subject;
    String body;
    switch (kind) {
      case QUESTION -> {
        subject = "[" + item.code() + "] Đề nghị bổ sung thông tin / Information requested";
        body = "Kính gửi " + item.contactName() + ",\n\nCơ quan xử lý phản ánh, kiến nghị \""
            + item.title()
            + "\" đề nghị ông/bà bổ sung:\n\n" + item.questionToSender() + "\n\nTrả lời tại: "
            + link
            + " (dùng mã bí mật đã nhận khi gửi).\n\n---\nThe agency handling your feedback asks for more information; "
            + "reply at the link above with the secret you received when you sent it.";
      }
      case ANSWER -> {
        subject = "[" + item.code() + "] Đã có trả lời / Your feedback has been answered";
        body = "Kính gửi " + item.contactName() + ",\n\nPhản ánh, kiến nghị \"" + item.title()
            + "\" đã được trả lời:\n\n"
            + item.answerText() + "\n\nXin ông/bà đánh giá câu trả lời tại: " + link
            + "\n\n---\nYour feedback has been answered. Please rate the answer at the link above.";
      }
      case CLOSED_NO_REPLY -> {
        subject = "[" + item.code() + "] Hồ sơ đã đóng / Case closed";
        body = "Kính gửi " + item.contactName() + ",\n\nHồ sơ \"" + item.title()
            + "\" đã đóng vì chưa nhận được thông tin bổ sung trong thời hạn. Ông/bà có thể gửi phản ánh mới.\n\n---\n"
            + "The case was closed because the information asked for did not arrive in time.";
      }
      default -> throw new IllegalArgumentException(kind.name());
    }
    // The record's version tells events apart (a second question, the answer after a reopening)
    // while
    // a retried transaction, which sees the same version, is still sent once.
    notifications.notifyEmail(
        item.code(),
        "FB_" + kind.name() + ":" + item.version(),
        item.contactEmail(),
        subject,
        body);
  }
}
