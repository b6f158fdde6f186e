package vn.dondoc.app.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.DondocApplication;
import vn.dondoc.app.cases.CaseCodes;

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

  FeedbackSenderController(FeedbackSenderService sender, MessageSource messages) {
    this.sender = sender;
    this.messages = messages;
  }

  /** The view in the caller's language (Accept-Language; Vietnamese by default). */
  private SenderView view(FeedbackRepository.Item item) {
    return SenderView.of(item, messages.getMessage(item.statusValue().messageKey(), null, LocaleContextHolder.getLocale()));
  }

  /** What the sender sees of their item. */
  record SenderView(String code, FeedbackStatus status, String statusLabel, String title, FeedbackField field,
      OffsetDateTime submittedAt, String questionToSender, String answerText, OffsetDateTime answeredAt,
      Integer rating, boolean mayReply, boolean mayRate, boolean mayReopen) {

    static SenderView of(FeedbackRepository.Item item, String statusLabel) {
      FeedbackStatus status = item.statusValue();
      boolean awaitingRating = status == FeedbackStatus.ANSWERED && item.ratedAt() == null;
      return new SenderView(item.code(), status, statusLabel, item.title(), FeedbackField.fromCode(item.field()),
          local(item.submittedAt()), status == FeedbackStatus.WAITING_FOR_SENDER ? item.questionToSender() : null,
          item.answerText(), local(item.answeredAt()), item.rating(), status == FeedbackStatus.WAITING_FOR_SENDER,
          awaitingRating, awaitingRating && item.reopenCount() == 0);
    }

    private static OffsetDateTime local(Instant instant) {
      return instant == null ? null : OffsetDateTime.ofInstant(instant, DondocApplication.ZONE);
    }
  }

  record Reply(@NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.size.max}") String text) {}

  record Rating(@NotNull(message = "{validation.required}") @Min(value = 1, message = "{validation.rating}")
                @Max(value = 5, message = "{validation.rating}") Integer rating,
                @Size(max = 2000, message = "{validation.size.max}") String comment,
                boolean reopen) {}

  @GetMapping
  SenderView follow(@PathVariable String code, @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    return view(sender.open(CaseCodes.typed(code), secret));
  }

  @PostMapping("/reply")
  SenderView reply(@PathVariable String code, @RequestHeader(name = SECRET_HEADER, required = false) String secret,
      @Valid @RequestBody Reply reply) {
    return view(sender.reply(CaseCodes.typed(code), secret, reply.text()));
  }

  @PostMapping("/rating")
  SenderView rate(@PathVariable String code, @RequestHeader(name = SECRET_HEADER, required = false) String secret,
      @Valid @RequestBody Rating rating) {
    return view(sender.rate(CaseCodes.typed(code), secret, rating.rating(), rating.comment(), rating.reopen()));
  }
}
