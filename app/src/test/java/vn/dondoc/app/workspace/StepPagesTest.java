package vn.dondoc.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.TaskLifecycle;

/**
 * Every user task of every model has a page in the workspace: a capability's page, or the step page,
 * which needs the task's form to be one the server can render and check. A new user task without
 * either fails here.
 */
class StepPagesTest {

  private static final StepForms FORMS = new StepForms(new ObjectMapper());
  private static final StepPages PAGES = new StepPages();

  /** The deployed models, by their contracts; a new process adds its own here (as FormReferencesTest does). */
  private static final List<String> MODELS = List.of(
      TaskLifecycle.RESOURCE,
      DeadlineExtension.RESOURCE,
      EvidenceReview.RESOURCE,
      FeedbackHandling.RESOURCE,
      InitiativeSelection.RESOURCE);

  private static BpmnModelInstance model(String resource) throws IOException {
    try (InputStream in = StepPagesTest.class.getClassLoader().getResourceAsStream(resource)) {
      return Bpmn.readModelFromStream(in);
    }
  }

  @Test
  void everyUserTaskOfTheModelsHasAPage() throws IOException {
    List<String> checked = new ArrayList<>();
    for (String resource : MODELS) {
      for (UserTask task : model(resource).getModelElementsByType(UserTask.class)) {
        String where = resource + "#" + task.getId();
        assertThat(task.getName()).as("%s has a name people read", where).isNotBlank();
        String formRef = task.getCamundaFormRef();
        assertThat(formRef).as("%s names its form", where).isNotBlank();
        assertThat(FORMS.byId(formRef))
            .as("%s: form %s is one the workspace renders and checks", where, formRef)
            .isPresent();
        String href = PAGES.href(task.getId(), "task-id", "NV-2026-000001");
        assertThat(href).as("%s has a page", where).startsWith("/");
        checked.add(task.getId());
      }
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(26);
  }

  @Test
  void theCapabilityPagesAreForStepsThatExist() throws IOException {
    List<String> ids = new ArrayList<>();
    for (String resource : MODELS) {
      model(resource).getModelElementsByType(UserTask.class).forEach(t -> ids.add(t.getId()));
    }
    assertThat(ids).containsAll(StepPages.CAPABILITY_PAGES.keySet());
  }
}
