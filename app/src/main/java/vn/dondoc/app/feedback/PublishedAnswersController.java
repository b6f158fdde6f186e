package vn.dondoc.app.feedback;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.CaseNotFoundException;

/**
 * A published answer as the public portal shows it: the question and the answer, never the sender's
 * contact. Lists and full-text search of published answers go through GET /api/v1/search.
 */
@RestController
class PublishedAnswersController {

  private final FeedbackRepository repository;
  private final AnswerLetters letters;
  private final AttachmentService attachments;

  PublishedAnswersController(
      FeedbackRepository repository, AnswerLetters letters, AttachmentService attachments) {
    this.repository = repository;
    this.letters = letters;
    this.attachments = attachments;
  }

  /** {@code letter}: the agency's answer letter can be read at {@code /api/v1/public/answers/{code}/letter.pdf}. */
  record PublishedAnswer(
      String code,
      FeedbackType type,
      FeedbackField field,
      String locality,
      String title,
      String content,
      String answerText,
      OffsetDateTime submittedAt,
      OffsetDateTime answeredAt,
      Integer rating,
      boolean letter) {}

  @GetMapping("/api/v1/public/answers/{code}")
  PublishedAnswer get(@PathVariable String code) {
    return published(code)
        .map(item -> new PublishedAnswer(
            item.code(),
            FeedbackType.fromCode(item.type()),
            FeedbackField.fromCode(item.field()),
            item.locality(),
            item.title(),
            item.content(),
            item.answerText(),
            OffsetDateTime.ofInstant(item.submittedAt(), HanoiTime.ZONE),
            OffsetDateTime.ofInstant(item.answeredAt(), HanoiTime.ZONE),
            item.rating(),
            letters.latest(item.id()).isPresent()))
        .orElseThrow(() -> new CaseNotFoundException(code));
  }

  /** The letter as published: the version that names no sender (AnswerLetter#forPublic). */
  @GetMapping("/api/v1/public/answers/{code}/letter.pdf")
  ResponseEntity<byte[]> letter(@PathVariable String code) {
    FeedbackRepository.Item item =
        published(code).orElseThrow(() -> new CaseNotFoundException(code));
    AnswerLetters.Made made =
        letters.latest(item.id()).orElseThrow(() -> new CaseNotFoundException(code));
    return FeedbackSenderController.pdf(
        "cong-van-tra-loi-" + item.code() + ".pdf", attachments.contentOf(made.publicLetter()));
  }

  private Optional<FeedbackRepository.Item> published(String code) {
    return repository.findByCode(code).filter(FeedbackRepository.Item::published);
  }
}
