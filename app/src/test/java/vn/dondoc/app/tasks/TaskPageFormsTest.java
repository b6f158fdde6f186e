package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.support.PageForms;
import vn.dondoc.processes.TaskLifecycle;

/**
 * The task page lays out two steps' forms itself (acknowledge, monthly progress): the fields it sends are
 * exactly the ones their .form lets the agency write, so a key renamed in the form fails here, not in use.
 */
class TaskPageFormsTest {

  private static final StepForms FORMS = new StepForms(new ObjectMapper());
  private static final String PAGE = PageForms.template("staff/task.html");

  @Test
  void theContractNamesTheFormsTheModelUses() {
    assertThat(PageForms.formRef(TaskLifecycle.RESOURCE, TaskLifecycle.TASK_ACKNOWLEDGE))
        .isEqualTo(TaskLifecycle.FORM_ACKNOWLEDGE);
    assertThat(PageForms.formRef(TaskLifecycle.RESOURCE, TaskLifecycle.TASK_REPORT_PROGRESS))
        .isEqualTo(TaskLifecycle.FORM_REPORT_PROGRESS);
  }

  @Test
  void theAcknowledgeFormSendsTheFieldsOfTaskAcknowledge() {
    assertThat(PageForms.inForm(PAGE, "acknowledge"))
        .containsExactlyInAnyOrderElementsOf(
            FORMS.form(TaskLifecycle.FORM_ACKNOWLEDGE).writableKeys());
  }

  @Test
  void theProgressFormSendsTheFieldsOfTaskProgressReport() {
    assertThat(PageForms.inForm(PAGE, "progress"))
        .containsExactlyInAnyOrderElementsOf(
            FORMS.form(TaskLifecycle.FORM_REPORT_PROGRESS).writableKeys());
  }
}
