package vn.dondoc.app.feedback;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.OffsetDateTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.search.CallerScope;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.CaseNotFoundException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.Problems;
import vn.dondoc.search.SearchScope;

@RestController
@RequestMapping("/api/v1/feedback")
class FeedbackController {

  /** A UUID's length: a key is the only thing that stands between a replay and someone else's secret. */
  static final int MIN_IDEMPOTENCY_KEY_LENGTH = 16;

  private final FeedbackService feedback;
  private final FeedbackRepository repository;
  private final MessageSource messages;

  FeedbackController(
      FeedbackService feedback, FeedbackRepository repository, MessageSource messages) {
    this.feedback = feedback;
    this.repository = repository;
    this.messages = messages;
  }

  @ExceptionHandler(FeedbackService.IdempotencyKeyReused.class)
  ResponseEntity<ProblemDetail> idempotencyKeyReused(FeedbackService.IdempotencyKeyReused e) {
    return ResponseEntity.unprocessableEntity()
        .body(Problems.of(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "idempotency-key-reused",
            messages.getMessage(
                "problem.idempotency-key.title", null, LocaleContextHolder.getLocale()),
            messages.getMessage(e.messageKey(), null, LocaleContextHolder.getLocale())));
  }

  /** Open to anyone; a logged-in sender is recorded as such. An Idempotency-Key must be hard to guess. */
  @PostMapping
  ResponseEntity<FeedbackReceipt> submit(
      @Valid @RequestBody FeedbackSubmission submission,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @AuthenticationPrincipal Jwt sender) {
    if (idempotencyKey != null && idempotencyKey.length() < MIN_IDEMPOTENCY_KEY_LENGTH) {
      throw new InvalidFieldException(
          "Idempotency-Key", "validation.idempotency-key.short", MIN_IDEMPOTENCY_KEY_LENGTH);
    }
    FeedbackService.Submitted submitted = feedback.submit(
        submission,
        idempotencyKey,
        sender == null ? null : sender.getClaimAsString("preferred_username"));
    URI location = URI.create("/api/v1/feedback/" + submitted.receipt().code());
    return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(location)
        .body(submitted.receipt());
  }

  /** A staff view of one item, within the caller's scope; {@code task} is the task made of it, {@code initiative} the initiative it was made of. */
  record FeedbackView(
      String code,
      FeedbackType type,
      FeedbackField field,
      String locality,
      String title,
      String content,
      FeedbackStatus status,
      String handlingAgency,
      String answerText,
      Integer rating,
      OffsetDateTime submittedAt,
      OffsetDateTime updatedAt,
      String task,
      String initiative) {}

  @GetMapping("/{code}")
  FeedbackView get(@PathVariable String code, Authentication caller) {
    SearchScope scope = CallerScope.of(caller);
    return repository
        .findByCode(code)
        .filter(item -> item.visibleTo(scope))
        .map(item -> new FeedbackView(
            item.code(),
            FeedbackType.fromCode(item.type()),
            FeedbackField.fromCode(item.field()),
            item.locality(),
            item.title(),
            item.content(),
            item.statusValue(),
            item.handlingAgency(),
            item.answerText(),
            item.rating(),
            OffsetDateTime.ofInstant(item.submittedAt(), HanoiTime.ZONE),
            OffsetDateTime.ofInstant(item.updatedAt(), HanoiTime.ZONE),
            repository.taskCaseCode(item.id()).orElse(null),
            repository.initiativeCaseCode(item.id()).orElse(null)))
        .orElseThrow(() -> new CaseNotFoundException(code));
  }
}
