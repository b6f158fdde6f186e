package vn.dondoc.app.feedback;

import java.time.OffsetDateTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.DondocApplication;
import vn.dondoc.app.web.CaseNotFoundException;

/**
 * A published answer as the public portal shows it: the question and the answer, never the sender's
 * contact. Lists and full-text search of published answers go through GET /api/v1/search.
 */
@RestController
class PublishedAnswersController {

  private final FeedbackRepository repository;

  PublishedAnswersController(FeedbackRepository repository) {
    this.repository = repository;
  }

  record PublishedAnswer(String code, FeedbackType type, FeedbackField field, String locality, String title,
      String content, String answerText, OffsetDateTime submittedAt, OffsetDateTime answeredAt, Integer rating) {}

  @GetMapping("/api/v1/public/answers/{code}")
  PublishedAnswer get(@PathVariable String code) {
    return repository.findByCode(code).filter(FeedbackRepository.Item::published)
        .map(item -> new PublishedAnswer(item.code(), FeedbackType.fromCode(item.type()), FeedbackField.fromCode(item.field()),
            item.locality(), item.title(), item.content(), item.answerText(),
            OffsetDateTime.ofInstant(item.submittedAt(), DondocApplication.ZONE),
            OffsetDateTime.ofInstant(item.answeredAt(), DondocApplication.ZONE), item.rating()))
        .orElseThrow(() -> new CaseNotFoundException(code));
  }
}
