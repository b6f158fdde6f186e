package vn.dondoc.app.feedback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.dondoc.app.documents.OfficialDocument;
import vn.dondoc.app.documents.PdfRenderer;
import vn.dondoc.app.documents.QrCode;
import vn.dondoc.app.documents.ReportProperties;
import vn.dondoc.app.sla.StageDueDates;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.SiteProperties;
import vn.dondoc.processes.sla.SlaStage;

/**
 * The sender's receipt ("phiếu tiếp nhận"): code, date of receipt, the date the answer is due ("ngày hẹn trả lời",
 * {@link #answerDueAt}), the secret in groups to read aloud, and a QR code that opens /theo-doi with the code, the
 * secret in the address's fragment (never sent to a server). Made only for a caller who presented the secret
 * (the page right after sending, or /theo-doi), so nothing in it is news to them. Issued by the standing office,
 * which receives feedback (the heading of {@code dondoc.reports}), drawn by the periodic report's PDF renderer.
 */
@Component
class FeedbackReceipts {

  private static final int QR_SCALE = 8;

  private final StageDueDates dueDates;
  private final CaseLabels labels;
  private final ReportProperties issuer;
  private final PdfRenderer pdf;
  private final String publicBaseUrl;

  FeedbackReceipts(
      StageDueDates dueDates, CaseLabels labels, ReportProperties issuer, SiteProperties site) {
    this.dueDates = dueDates;
    this.labels = labels;
    this.issuer = issuer;
    this.pdf = new PdfRenderer(issuer.fontDirectory());
    this.publicBaseUrl = site.publicBaseUrl();
  }

  /**
   * When the answer is due: the answer stage's clock's due instant once the stage has begun, before that the due
   * instant of the answer stage's budget counted from the receipt, by the clocks' own rule ({@link StageDueDates}).
   */
  Instant answerDueAt(FeedbackRepository.Item item) {
    return dueDates
        .dueAt(
            FeedbackService.CASE_TYPE,
            item.processInstanceId(),
            SlaStage.ANSWER,
            item.submittedAt())
        .orElse(null);
  }

  /** The answer's due day, dd/MM/yyyy, as staff pages show a deadline ({@link CaseLabels#dueDay}); null if none. */
  String answerDueDay(FeedbackRepository.Item item) {
    return labels.dueDay(answerDueAt(item));
  }

  /** /theo-doi opened with the code, the secret (as issued, however it was typed) in the fragment. */
  String followLink(String code, String secret) {
    String asIssued = TrackingSecrets.canonical(secret);
    return publicBaseUrl + "/theo-doi?ma=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
        + "#bi-mat="
        + URLEncoder.encode(asIssued == null ? secret : asIssued, StandardCharsets.UTF_8);
  }

  QrCode qr(String code, String secret) {
    return QrCode.of(followLink(code, secret));
  }

  /** The secret in its groups of four with spaces, as it is read aloud; a secret of before the groups as it is. */
  static String readAloud(String secret) {
    String canonical = TrackingSecrets.canonical(secret);
    return canonical == null ? secret : canonical.replace('-', ' ');
  }

  byte[] pdf(FeedbackRepository.Item item, String secret) {
    LocalDate received = item.submittedAt().atZone(HanoiTime.ZONE).toLocalDate();
    String due = answerDueDay(item);
    List<String> body = new ArrayList<>();
    body.add("Cơ quan Thường trực đã tiếp nhận phản ánh, kiến nghị của ông/bà " + item.contactName()
        + ":");
    body.add("Tiêu đề: " + item.title());
    body.add("Mã hồ sơ: " + item.code());
    body.add("Ngày tiếp nhận: " + DisplayDates.DAY.format(received));
    if (due != null) {
      body.add(
          "Ngày hẹn trả lời: " + due
              + " (theo thời hạn xử lý tính bằng ngày làm việc; có thể lùi khi cơ quan đề nghị ông/bà bổ sung thông tin).");
    }
    body.add("Mã bí mật: " + readAloud(secret)
        + " (dùng cùng mã hồ sơ để theo dõi, bổ sung thông tin và đánh giá câu "
        + "trả lời; hãy giữ kín, Dondoc không lưu và không gửi lại mã này).");
    body.add("Theo dõi tại " + publicBaseUrl + "/theo-doi hoặc quét mã QR dưới đây:");
    OfficialDocument receipt = new OfficialDocument(
        issuer.parentBody(),
        issuer.issuer(),
        "Mã hồ sơ: " + item.code(),
        issuer.place(),
        received,
        "PHIẾU TIẾP NHẬN",
        "Phản ánh, kiến nghị",
        null,
        body,
        List.of("Ông/bà " + item.contactName() + ";", "Lưu: hồ sơ " + item.code() + "."),
        null,
        null,
        null,
        null);
    return pdf.render(receipt, qr(item.code(), secret).image(QR_SCALE));
  }
}
