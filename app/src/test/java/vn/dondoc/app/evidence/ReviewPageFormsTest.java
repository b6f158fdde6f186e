package vn.dondoc.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.support.PageForms;
import vn.dondoc.processes.EvidenceReview;

/**
 * The review page lays out the reviewer's and the domain verifier's forms itself: it sends exactly the fields
 * their .form lets them write, and the contract names the forms the model uses, so a key renamed in a form
 * fails here, not in use.
 */
class ReviewPageFormsTest {

  private static final StepForms FORMS = new StepForms(new ObjectMapper());
  private static final String PAGE = PageForms.template("staff/review.html");

  @Test
  void theContractNamesTheFormsTheModelUses() {
    assertThat(PageForms.formRef(EvidenceReview.RESOURCE, EvidenceReview.TASK_REVIEW))
        .isEqualTo(EvidenceReview.FORM_REVIEW);
    assertThat(PageForms.formRef(EvidenceReview.RESOURCE, EvidenceReview.TASK_VERIFY))
        .isEqualTo(EvidenceReview.FORM_VERIFY);
  }

  @Test
  void theReviewersFieldsAreThoseOfEvidenceReview() {
    assertThat(PageForms.inStep(PAGE, EvidenceReview.FORM_REVIEW))
        .containsExactlyInAnyOrderElementsOf(
            FORMS.form(EvidenceReview.FORM_REVIEW).writableKeys());
  }

  @Test
  void theVerifiersFieldsAreThoseOfEvidenceVerification() {
    assertThat(PageForms.inStep(PAGE, EvidenceReview.FORM_VERIFY))
        .containsExactlyInAnyOrderElementsOf(
            FORMS.form(EvidenceReview.FORM_VERIFY).writableKeys());
  }
}
