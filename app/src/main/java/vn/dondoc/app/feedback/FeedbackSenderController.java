package vn.dondoc.app.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.cases.CaseCodes;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.CaseNotFoundException;

/**
 * The sender's side, without an account: the tracking code and the secret received at submission
 * open the item (the code as typed: any case, spaces, dashes, {@link CaseCodes#typed}). A wrong secret and an
 * unknown code look the same (404).
 */
@RestController
@RequestMapping("/api/v1/public/feedback/{code}")
class FeedbackSenderController {

  static final String SECRET_HEADER = "X-Tracking-Secret";

  private final FeedbackSenderService sender;
  private final MessageSource messages;
  private final FeedbackReceipts receipts;
  private final FeedbackTimeline timeline;
  private final AnswerLetters letters;
  private final AttachmentService attachments;
  private final ReferenceData reference;

  FeedbackSenderController(
      FeedbackSenderService sender,
      MessageSource messages,
      FeedbackReceipts receipts,
      FeedbackTimeline timeline,
      AnswerLetters letters,
      AttachmentService attachments,
      ReferenceData reference) {
    this.sender = sender;
    this.messages = messages;
    this.receipts = receipts;
    this.timeline = timeline;
    this.letters = letters;
    this.attachments = attachments;
    this.reference = reference;
  }

  /** The view in the caller's language (Accept-Language; Vietnamese by default). */
  private SenderView view(FeedbackRepository.Item item) {
    List<Step> steps = timeline.of(item.code()).stream()
        .map(reached -> new Step(
            reached.step().name(),
            message("portal.follow.step." + reached.step().name().toLowerCase(Locale.ROOT)),
            local(reached.at())))
        .toList();
    return SenderView.of(
        item,
        message(item.statusValue().messageKey()),
        item.handlingAgency() == null
            ? null
            : reference.agencyName(item.handlingAgency()).orElse(null),
        receipts.answerDueDay(item),
        steps,
        letters.latest(item.id()).isPresent());
  }

  private String message(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }

  /** A step of the item's way (FeedbackTimeline), with when it happened (null: not yet). */
  record Step(String step, String label, OffsetDateTime at) {}

  /**
   * What the sender sees of their item: with the agency handling it, the day the answer is due (dd/MM/yyyy,
   * {@link FeedbackReceipts#answerDueDay}), the steps so far, and whether the answer letter can be downloaded.
   */
  record SenderView(
      String code,
      FeedbackStatus status,
      String statusLabel,
      String title,
      FeedbackField field,
      OffsetDateTime submittedAt,
      String questionToSender,
      String answerText,
      OffsetDateTime answeredAt,
      Integer rating,
      boolean mayReply,
      boolean mayRate,
      boolean mayReopen,
      String handlingAgency,
      String answerDueDay,
      List<Step> steps,
      boolean letter) {

    static SenderView of(
        FeedbackRepository.Item item,
        String statusLabel,
        String handlingAgency,
        String answerDueDay,
        List<Step> steps,
        boolean letter) {
      FeedbackStatus status = item.statusValue();
      boolean awaitingRating = status == FeedbackStatus.ANSWERED && item.ratedAt() == null;
      return new SenderView(
          item.code(),
          status,
          statusLabel,
          item.title(),
          FeedbackField.fromCode(item.field()),
          local(item.submittedAt()),
          status == FeedbackStatus.WAITING_FOR_SENDER ? item.questionToSender() : null,
          item.answerText(),
          local(item.answeredAt()),
          item.rating(),
          status == FeedbackStatus.WAITING_FOR_SENDER,
          awaitingRating,
          awaitingRating && item.reopenCount() == 0,
          handlingAgency,
          status == FeedbackStatus.ANSWERED || status == FeedbackStatus.CLOSED
              ? null
              : answerDueDay,
          steps,
          letter);
    }
  }

  private static OffsetDateTime local(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, HanoiTime.ZONE);
  }

  /**
   * The receipt for the page (print, QR code drawn from {@code qr}: rows of modules, '1' dark), for the holder of the
   * secret only: the QR code carries it.
   */
  record ReceiptView(
      String code,
      String title,
      OffsetDateTime submittedAt,
      String receivedDay,
      String answerDueDay,
      List<String> qr) {}

  @GetMapping("/receipt")
  ResponseEntity<ReceiptView> receipt(
      @PathVariable String code,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    FeedbackRepository.Item item = sender.open(CaseCodes.typed(code), secret);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new ReceiptView(
            item.code(),
            item.title(),
            local(item.submittedAt()),
            DisplayDates.DAY.format(local(item.submittedAt())),
            receipts.answerDueDay(item),
            receipts.qr(item.code(), secret).rows()));
  }

  /** The receipt as PDF; the secret comes in the header, like every request of the sender, never in the address. */
  @GetMapping("/receipt.pdf")
  ResponseEntity<byte[]> receiptPdf(
      @PathVariable String code,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    FeedbackRepository.Item item = sender.open(CaseCodes.typed(code), secret);
    return pdf("phieu-tiep-nhan-" + item.code() + ".pdf", receipts.pdf(item, secret));
  }

  /** The agency's letter answering the item (404 while there is none). */
  @GetMapping("/letter.pdf")
  ResponseEntity<byte[]> letter(
      @PathVariable String code,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    FeedbackRepository.Item item = sender.open(CaseCodes.typed(code), secret);
    AnswerLetters.Made made =
        letters.latest(item.id()).orElseThrow(() -> new CaseNotFoundException(item.code()));
    return pdf("cong-van-tra-loi-" + item.code() + ".pdf", attachments.contentOf(made.letter()));
  }

  static ResponseEntity<byte[]> pdf(String filename, byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(content);
  }

  record Reply(
      @NotBlank(message = "{validation.required}")
      @Size(max = 4000, message = "{validation.size.max}")
      String text) {}

  record Rating(
      @NotNull(message = "{validation.required}")
      @Min(value = 1, message = "{validation.rating}")
      @Max(value = 5, message = "{validation.rating}")
      Integer rating,

      @Size(max = 2000, message = "{validation.size.max}") String comment,
      boolean reopen) {}

  @GetMapping
  SenderView follow(
      @PathVariable String code,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    return view(sender.open(CaseCodes.typed(code), secret));
  }

  @PostMapping("/reply")
  SenderView reply(
      @PathVariable String code,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret,
      @Valid @RequestBody Reply reply) {
    return view(sender.reply(CaseCodes.typed(code), secret, reply.text()));
  }

  @PostMapping("/rating")
  SenderView rate(
      @PathVariable String code,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret,
      @Valid @RequestBody Rating rating) {
    return view(sender.rate(
        CaseCodes.typed(code), secret, rating.rating(), rating.comment(), rating.reopen()));
  }
}
