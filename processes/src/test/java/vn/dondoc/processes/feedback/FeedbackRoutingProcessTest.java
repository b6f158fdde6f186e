package vn.dondoc.processes.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Decision;
import vn.dondoc.processes.FeedbackHandling.Var;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.sla.SlaStage;

/** Routing: the table proposes, the standing office decides, the agency accepts, returns or escalates. */
@Deployment(resources = {FeedbackHandling.RESOURCE, FeedbackHandling.ROUTING_RESOURCE})
class FeedbackRoutingProcessTest extends FeedbackProcessTest {

  /** One extension per test class (it keeps per-class state); the engine behind it is shared. */
  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Test
  void theStartEventHandsEveryNewCaseToTheIntakeBeforeRouting() {
    ProcessInstance instance = receive("administrative-procedures", "hanoi");
    verify(intake).receive(any());
    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_CLASSIFY);
  }

  @Test
  void theRoutingTableProposesTheLocalAgencyForALocalProcedure() {
    ProcessInstance instance = receive("administrative-procedures", "hanoi");
    assertThat(instance)
        .isWaitingAt(FeedbackHandling.TASK_CLASSIFY)
        .variables()
        .containsEntry(Var.HANDLING_AGENCY, "hanoi");
    assertThat(task(FeedbackHandling.TASK_CLASSIFY, instance))
        .hasCandidateGroup(FeedbackHandling.GROUP_STANDING_OFFICE);
    verify(duplicates).findFor(any());
  }

  @Test
  void securityMattersGoToTheMinistryOfPublicSecurityWherever() {
    assertThat(receive("information-security", "hanoi"))
        .variables()
        .containsEntry(Var.HANDLING_AGENCY, "bca");
  }

  @Test
  void anUnclearCaseStaysWithTheStandingOffice() {
    assertThat(receive("administrative-procedures", "laichau"))
        .variables()
        .containsEntry(Var.HANDLING_AGENCY, "vpcp");
    assertThat(receive("digital-infrastructure", "camau"))
        .variables()
        .containsEntry(Var.HANDLING_AGENCY, "bkhcn");
  }

  @Test
  void theChosenAgencyGetsTheCaseToAccept() throws Exception {
    ProcessInstance instance = receive();
    classify(instance, "bkhcn");

    verify(recordClassification).execute(any());
    assertThat(instance)
        .hasPassed("RecordClassification")
        .isWaitingAt(FeedbackHandling.TASK_ACCEPT);
    assertThat(task(FeedbackHandling.TASK_ACCEPT, instance)).hasCandidateGroup("agencies/bkhcn");
    verify(clocksSpy).stop(any(), eq(SlaStage.ROUTE));
  }

  @Test
  void aReturnedCaseGoesBackToRoutingWithTheReasonRecorded() {
    ProcessInstance instance = receive();
    classify(instance, "bkhcn");

    complete(
        task(FeedbackHandling.TASK_ACCEPT, instance),
        withVariables(
            Var.ACCEPTANCE_DECISION,
            Decision.RETURN,
            Var.ACCEPTANCE_REASON,
            "Thuộc thẩm quyền của UBND thành phố"));

    verify(routing).recordReturn(any());
    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_CLASSIFY);
    classify(instance, "hanoi");
    assertThat(task(FeedbackHandling.TASK_ACCEPT, instance)).hasCandidateGroup("agencies/hanoi");
  }

  @Test
  void beyondAuthorityGoesToTheStandingOfficeWhichMayRerouteIt() {
    ProcessInstance instance = receive();
    classify(instance, "hanoi");
    complete(
        task(FeedbackHandling.TASK_ACCEPT, instance),
        withVariables(
            Var.ACCEPTANCE_DECISION,
            Decision.BEYOND_AUTHORITY,
            Var.ACCEPTANCE_REASON,
            "Cần sửa Luật"));

    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_REVIEW_BEYOND_AUTHORITY);
    assertThat(task(FeedbackHandling.TASK_REVIEW_BEYOND_AUTHORITY, instance))
        .hasCandidateGroup(FeedbackHandling.GROUP_STANDING_OFFICE);
    complete(
        task(FeedbackHandling.TASK_REVIEW_BEYOND_AUTHORITY, instance),
        withVariables(Var.BEYOND_AUTHORITY_DECISION, Decision.REROUTE));

    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_CLASSIFY);
    verify(routing, never()).assignToStandingOffice(any());
  }

  @Test
  void beyondAuthorityMayBeHandledByTheStandingOfficeItself() {
    ProcessInstance instance = receive();
    classify(instance, "hanoi");
    complete(
        task(FeedbackHandling.TASK_ACCEPT, instance),
        withVariables(
            Var.ACCEPTANCE_DECISION,
            Decision.BEYOND_AUTHORITY,
            Var.ACCEPTANCE_REASON,
            "Cần sửa Luật"));
    // the delegate would set handlingAgency = vptw; the mock does not, so set it as it would
    runtimeService()
        .setVariable(
            instance.getId(), Var.HANDLING_AGENCY, FeedbackHandling.STANDING_OFFICE_AGENCY);

    complete(
        task(FeedbackHandling.TASK_REVIEW_BEYOND_AUTHORITY, instance),
        withVariables(Var.BEYOND_AUTHORITY_DECISION, Decision.HANDLE_CENTRALLY));

    verify(routing).assignToStandingOffice(any());
    assertThat(instance).isWaitingAt(FeedbackHandling.TASK_DRAFT_ANSWER);
    assertThat(task(FeedbackHandling.TASK_DRAFT_ANSWER, instance))
        .hasCandidateGroup("agencies/vptw");
  }

  @Test
  void leavingTheStageCancelsItsPendingEscalations() {
    ProcessInstance instance = receive();
    moveClockBy(Duration.ofDays(4));
    execute(timer(instance, "RoutingOverdue"));

    classify(instance, "hanoi");

    assertThat(timer(instance, "RoutingStillOpen")).isNull();
    assertThat(timer(instance, "RoutingWarningDue")).isNull();
    assertThat(timer(instance, "AcceptanceOverdue"))
        .as("the next stage's clock runs")
        .isNotNull();
  }
}
