package vn.dondoc.app.initiatives;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.support.PageForms;
import vn.dondoc.processes.InitiativeSelection;

/**
 * The initiative API's steps are checked by the forms the model names, and the innovator's completion form
 * sends exactly the fields of initiative-completion.
 */
class InitiativeStepFormsTest {

  private static final StepForms FORMS = new StepForms(new ObjectMapper());

  @Test
  void theContractNamesTheFormsTheModelUses() {
    Map.of(
            InitiativeSelection.TASK_SCREEN,
            InitiativeSelection.FORM_SCREEN,
            InitiativeSelection.TASK_COMPLETE_SUBMISSION,
            InitiativeSelection.FORM_COMPLETE_SUBMISSION,
            InitiativeSelection.TASK_PICK_PANEL,
            InitiativeSelection.FORM_PICK_PANEL,
            InitiativeSelection.TASK_DECLARE_CONFLICT,
            InitiativeSelection.FORM_DECLARE_CONFLICT,
            InitiativeSelection.TASK_SCORE,
            InitiativeSelection.FORM_SCORE,
            InitiativeSelection.TASK_CONSENSUS,
            InitiativeSelection.FORM_CONSENSUS)
        .forEach((step, form) -> assertThat(PageForms.formRef(InitiativeSelection.RESOURCE, step))
            .as(step)
            .isEqualTo(form));
  }

  @Test
  void theInnovatorsCompletionFormSendsTheFieldsOfInitiativeCompletion() {
    assertThat(PageForms.inForm(
            PageForms.template("portal/innovator-initiative.html"), "completion-form"))
        .containsExactlyInAnyOrderElementsOf(
            FORMS.form(InitiativeSelection.FORM_COMPLETE_SUBMISSION).writableKeys());
  }
}
