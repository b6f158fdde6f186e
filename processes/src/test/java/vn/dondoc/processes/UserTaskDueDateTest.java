package vn.dondoc.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every user task of every model carries a due date, so that the queues and Tasklist sort by it. */
class UserTaskDueDateTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        FeedbackHandling.RESOURCE,
        EvidenceReview.RESOURCE,
        DeadlineExtension.RESOURCE,
        InitiativeSelection.RESOURCE,
        TaskLifecycle.RESOURCE
      })
  void everyUserTaskHasADueDate(String resource) throws Exception {
    BpmnModelInstance model;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      model = Bpmn.readModelFromStream(in);
    }
    assertThat(model.getModelElementsByType(UserTask.class))
        .as(resource)
        .isNotEmpty()
        .allSatisfy(task -> assertThat(task.getCamundaDueDate())
            .as("%s: due date of %s", resource, task.getId())
            .isNotBlank()
            .startsWith("${"));
  }
}
