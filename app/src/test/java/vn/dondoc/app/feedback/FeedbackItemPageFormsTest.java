package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.support.PageForms;
import vn.dondoc.processes.FeedbackHandling;

/**
 * The feedback item's page lays out the handling agency's three steps itself: each sends exactly the fields
 * its .form lets the agency write, and the contract names the forms the model uses.
 */
class FeedbackItemPageFormsTest {

  private static final StepForms FORMS = new StepForms(new ObjectMapper());
  private static final String PAGE = PageForms.template("staff/feedback-item.html");

  @Test
  void theContractNamesTheFormsTheModelUses() {
    FeedbackAgencyActions.STEP_FORMS.forEach((step, form) ->
        assertThat(PageForms.formRef(FeedbackHandling.RESOURCE, step)).as(step).isEqualTo(form));
    assertThat(FeedbackAgencyActions.STEP_FORMS)
        .containsOnlyKeys(
            FeedbackHandling.TASK_ACCEPT,
            FeedbackHandling.TASK_DRAFT_ANSWER,
            FeedbackHandling.TASK_SIGN_OFF);
  }

  @Test
  void eachStepSendsTheFieldsOfItsForm() {
    FeedbackAgencyActions.STEP_FORMS
        .values()
        .forEach(form -> assertThat(PageForms.inStep(PAGE, form))
            .as(form)
            .containsExactlyInAnyOrderElementsOf(FORMS.form(form).writableKeys()));
  }
}
