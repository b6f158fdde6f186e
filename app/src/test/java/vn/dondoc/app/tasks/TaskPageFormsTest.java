package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.processes.TaskLifecycle;

/**
 * The task page lays out two steps' forms itself (acknowledge, monthly progress): the fields it sends are
 * exactly the ones their .form lets the agency write, so a key renamed in the form fails here, not in use.
 */
class TaskPageFormsTest {

  private static final StepForms FORMS = new StepForms(new ObjectMapper());

  private static String template() throws IOException {
    try (InputStream in = TaskPageFormsTest.class.getClassLoader().getResourceAsStream("templates/staff/task.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The names of the inputs inside the page's form with the given id. */
  private static List<String> namesIn(String page, String formId) {
    Matcher form = Pattern.compile("<form[^>]*\\bid=\"" + formId + "\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(page);
    assertThat(form.find()).as("the page has a form #%s", formId).isTrue();
    List<String> names = new ArrayList<>();
    Matcher name = Pattern.compile("<(?:input|textarea|select)[^>]*\\bname=\"([^\"]+)\"").matcher(form.group(1));
    while (name.find()) {
      names.add(name.group(1));
    }
    return names;
  }

  @Test
  void theContractNamesTheFormsTheModelUses() throws IOException {
    try (InputStream in = TaskPageFormsTest.class.getClassLoader().getResourceAsStream(TaskLifecycle.RESOURCE)) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      assertThat(model.<UserTask>getModelElementById(TaskLifecycle.TASK_ACKNOWLEDGE).getCamundaFormRef())
          .isEqualTo(TaskLifecycle.FORM_ACKNOWLEDGE);
      assertThat(model.<UserTask>getModelElementById(TaskLifecycle.TASK_REPORT_PROGRESS).getCamundaFormRef())
          .isEqualTo(TaskLifecycle.FORM_REPORT_PROGRESS);
    }
  }

  @Test
  void theAcknowledgeFormSendsTheFieldsOfTaskAcknowledge() throws IOException {
    assertThat(namesIn(template(), "acknowledge"))
        .containsExactlyInAnyOrderElementsOf(FORMS.byId(TaskLifecycle.FORM_ACKNOWLEDGE).orElseThrow().writableKeys());
  }

  @Test
  void theProgressFormSendsTheFieldsOfTaskProgressReport() throws IOException {
    assertThat(namesIn(template(), "progress"))
        .containsExactlyInAnyOrderElementsOf(FORMS.byId(TaskLifecycle.FORM_REPORT_PROGRESS).orElseThrow().writableKeys());
  }
}
