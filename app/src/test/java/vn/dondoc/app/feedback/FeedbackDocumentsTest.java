package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.agencies.Agency;
import vn.dondoc.app.documents.PdfRenderer;
import vn.dondoc.app.documents.ReportProperties;
import vn.dondoc.app.sla.StageDueDates;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.web.SiteProperties;
import vn.dondoc.processes.sla.SlaStage;

/**
 * The citizen's receipt and the agency's answer letter as PDFs read back with PDFBox: the Vietnamese text as
 * written (a glyph the font lacks would not come back), and the receipt's QR code, read by ZXing from the rendered
 * page, opening /theo-doi with the code and the secret in the fragment.
 */
class FeedbackDocumentsTest {

  private static final Path FONTS = Path.of("/usr/share/fonts/truetype/liberation2");
  private static final String SECRET = "K7QM-2ZXA-B3CD-EFGH-JKMN-PQRS";
  /** Submitted on 05/01/2027 at 16:30 in Hanoi. */
  private static final Instant SUBMITTED = Instant.parse("2027-01-05T09:30:00Z");

  private static final Instant SIGNED = Instant.parse("2027-01-14T03:00:00Z");
  private static final Agency BKHCN =
      new Agency("bkhcn", "Bộ Khoa học và Công nghệ", "Bộ KH&CN", "MINISTRY", List.of());
  private static final Agency HANOI =
      new Agency("hanoi", "Thành phố Hà Nội", "TP Hà Nội", "PROVINCE", List.of());

  private static FeedbackRepository.Item item() {
    return new FeedbackRepository.Item(
        7,
        "PAKN-2027-000123",
        "complaint",
        "digital-government",
        "hanoi",
        "Cổng dịch vụ công không nhận hồ sơ đăng ký kinh doanh",
        "Nội dung",
        "Nguyễn Văn An",
        "an@example.vn",
        true,
        "RECEIVED",
        null,
        "pi-1",
        "hash",
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        0,
        SUBMITTED,
        SUBMITTED,
        null,
        1,
        "web");
  }

  @Test
  void theReceiptSaysWhenItWasReceivedAndWhenTheAnswerIsDueAndItsQrCodeOpensTheFollowPage()
      throws Exception {
    StageDueDates dueDates = mock(StageDueDates.class);
    Instant due = Instant.parse("2027-01-19T17:00:00Z");
    when(dueDates.dueAt(
            eq(FeedbackService.CASE_TYPE), eq("pi-1"), eq(SlaStage.ANSWER), eq(SUBMITTED)))
        .thenReturn(Optional.of(due));
    CaseLabels labels = mock(CaseLabels.class);
    when(labels.dueDay(any())).thenReturn("19/01/2027");
    ReportProperties issuer = new ReportProperties(
        "Ban Chỉ đạo Trung ương",
        "Cơ quan Thường trực",
        "BC",
        "Hà Nội",
        "t",
        List.of(),
        null,
        "x",
        "y",
        FONTS);
    FeedbackReceipts receipts = new FeedbackReceipts(
        dueDates, labels, issuer, new SiteProperties("https://dondoc.example"));

    byte[] pdf = receipts.pdf(item(), SECRET.toLowerCase().replace("-", ""));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains(
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc",
              "CƠ QUAN THƯỜNG TRỰC",
              "Hà Nội, ngày 05 tháng 01 năm 2027",
              "PHIẾU TIẾP NHẬN",
              "Mã hồ sơ: PAKN-2027-000123",
              "Ngày tiếp nhận: 05/01/2027",
              "Ngày hẹn trả lời: 19/01/2027",
              "Mã bí mật: K7QM 2ZXA B3CD EFGH JKMN PQRS",
              "Cổng dịch vụ công không nhận hồ sơ đăng ký kinh doanh",
              "Ông/bà Nguyễn Văn An");
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
      assertThat(qr(page))
          .isEqualTo("https://dondoc.example/theo-doi?ma=PAKN-2027-000123#bi-mat=" + SECRET);
    }
  }

  @Test
  void theLetterToTheSenderIsTheAgencysAnswerInDecree30sLayout() throws Exception {
    AnswerLetter letter = new AnswerLetter(
        "PAKN-2027-000123",
        "Cổng dịch vụ công không nhận hồ sơ",
        SUBMITTED,
        "Nguyễn Văn An",
        "Bộ đã khắc phục lỗi của cổng.\nHồ sơ của ông/bà đã được tiếp nhận lại.",
        BKHCN,
        SIGNED,
        "Phạm Quốc Hùng",
        null);

    String text = text(new PdfRenderer(FONTS).render(letter.forSender()));

    assertThat(text)
        .contains(
            "BỘ KHOA HỌC VÀ CÔNG NGHỆ",
            "Số: /BKHCN-PAKN",
            "V/v trả lời phản ánh, kiến nghị của ông/bà Nguyễn Văn An",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Hà Nội, ngày 14 tháng 01 năm 2027",
            "Kính gửi: Ông/bà Nguyễn Văn An.",
            "gửi qua Hệ thống Dondoc ngày 05/01/2027 (mã hồ sơ PAKN-2027-000123)",
            "Bộ đã khắc phục lỗi của cổng.",
            "Hồ sơ của ông/bà đã được tiếp nhận lại.",
            "Nơi nhận:",
            "LÃNH ĐẠO CƠ QUAN",
            "Phạm Quốc Hùng");
  }

  @Test
  void thePublishedLetterNamesNoSender() throws Exception {
    AnswerLetter letter = new AnswerLetter(
        "PAKN-2027-000123",
        "Đèn đường hỏng",
        SUBMITTED,
        "Nguyễn Văn An",
        "Đã thay đèn.",
        HANOI,
        SIGNED,
        "Trịnh Thị Hạnh",
        " Phó Chủ tịch Ủy ban nhân dân ");

    String text = text(new PdfRenderer(FONTS).render(letter.forPublic()));

    assertThat(text)
        .contains(
            "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
            "Hà Nội, ngày 14 tháng 01 năm 2027",
            "V/v trả lời phản ánh, kiến nghị của người gửi (hồ sơ PAKN-2027-000123)",
            "Đã thay đèn.",
            "Trịnh Thị Hạnh")
        .doesNotContain("Nguyễn Văn An", "Văn An", "LÃNH ĐẠO CƠ QUAN");
    assertThat(text)
        .as("the leader's title above their name, in Decree 30's capitals")
        .contains("PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN Trịnh Thị Hạnh");
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static String qr(BufferedImage image) throws Exception {
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    return new QRCodeReader()
        .decode(new BinaryBitmap(new HybridBinarizer(
            new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
        .getText();
  }
}
