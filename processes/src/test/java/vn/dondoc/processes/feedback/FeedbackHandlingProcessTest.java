package vn.dondoc.processes.feedback;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;
import vn.dondoc.processes.InMemoryEngine;

@Deployment(resources = FeedbackHandling.RESOURCE)
class FeedbackHandlingProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  private final JavaDelegate recordClassification = mock(JavaDelegate.class);

  @BeforeEach
  void registerDelegates() {
    Mocks.register(FeedbackHandling.DELEGATE_RECORD_CLASSIFICATION, recordClassification);
  }

  @AfterEach
  void resetDelegates() {
    Mocks.reset();
  }

  private ProcessInstance receiveFeedback() {
    return runtimeService().startProcessInstanceByKey(FeedbackHandling.PROCESS_KEY, "PAKN-2026-000001",
        Map.of(Var.FEEDBACK_ID, 1L, Var.CASE_CODE, "PAKN-2026-000001",
            Var.TITLE, "Thủ tục cấp phép thử nghiệm có kiểm soát còn kéo dài",
            Var.FIELD, "administrative-procedures", Var.LOCALITY, "hanoi"));
  }

  @Test
  void newFeedbackWaitsForTheStandingOfficeToClassifyIt() throws Exception {
    ProcessInstance instance = receiveFeedback();

    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_CLASSIFY);
    assertThat(task(instance)).hasCandidateGroup(FeedbackHandling.GROUP_STANDING_OFFICE)
        .hasName("Tiếp nhận và phân loại");
    Task withForm = taskService().createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
    org.assertj.core.api.Assertions.assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo("feedback-classification");
    verify(recordClassification, never()).execute(any());
  }

  @Test
  void classificationIsRecordedAndTheCaseEndsRouted() throws Exception {
    ProcessInstance instance = receiveFeedback();

    complete(task(instance), withVariables(Var.HANDLING_AGENCY, "bkhcn", Var.FIELD, "administrative-procedures"));

    assertThat(instance).hasPassedInOrder(FeedbackHandling.TASK_CLASSIFY, "RecordClassification",
        FeedbackHandling.END_CLASSIFIED).isEnded();
    org.assertj.core.api.Assertions.assertThat(historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(Var.HANDLING_AGENCY).singleResult().getValue()).isEqualTo("bkhcn");
    verify(recordClassification).execute(any());
  }

  @Test
  void aFailingRecordLeavesTheTaskOpenSoNothingIsLost() throws Exception {
    ProcessInstance instance = receiveFeedback();
    doThrow(new IllegalStateException("database unavailable")).when(recordClassification).execute(any());

    assertThatThrownBy(() -> complete(task(instance), withVariables(Var.HANDLING_AGENCY, "bkhcn")))
        .hasMessageContaining("database unavailable");

    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_CLASSIFY);
  }
}
