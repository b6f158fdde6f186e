package vn.dondoc.app.portal;

import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.agencies.ReferenceData.Locality;
import vn.dondoc.app.cases.Labels;
import vn.dondoc.app.cases.Labels.Labelled;
import vn.dondoc.app.feedback.FeedbackField;
import vn.dondoc.app.feedback.FeedbackType;

/** The choices of the public feedback form, labelled in the caller's language (Accept-Language). */
@RestController
class PublicReferenceDataController {

  private final Labels labels;
  private final ReferenceData reference;

  PublicReferenceDataController(Labels labels, ReferenceData reference) {
    this.labels = labels;
    this.reference = reference;
  }

  record FeedbackChoices(List<Labelled> types, List<Labelled> fields, List<Locality> localities) {}

  @GetMapping("/api/v1/public/feedback-choices")
  FeedbackChoices feedbackChoices() {
    return new FeedbackChoices(
        Arrays.stream(FeedbackType.values()).map(labels::of).toList(),
        Arrays.stream(FeedbackField.values()).map(labels::of).toList(),
        reference.localities());
  }
}
