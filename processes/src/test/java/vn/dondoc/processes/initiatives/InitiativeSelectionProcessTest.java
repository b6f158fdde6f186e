package vn.dondoc.processes.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.invocation.InvocationOnMock;
import vn.dondoc.processes.FixedUserTaskDue;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Screening;
import vn.dondoc.processes.InitiativeSelection.Var;
import vn.dondoc.processes.UserTaskDue;
import vn.dondoc.processes.sla.FixedSlaClocks;
import vn.dondoc.processes.sla.SlaClocks;
import vn.dondoc.processes.sla.SlaEscalation;

/**
 * Shared set-up of the initiative selection tests: the beans the model calls, a fixed clock, one
 * submission. Where production beans set the variables the model branches on (panel, expertOut, the
 * replacing expert, needsConsensus, shortlisted), the mocks set them too, so the paths taken are real.
 */
abstract class InitiativeSelectionProcessTest {

  static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
  static final String CASE_CODE = "SK-2026-000001";
  static final String PROPOSER = "nguyenvana";
  static final List<String> PANEL = List.of("chuyengia.an", "chuyengia.binh", "chuyengia.chi");
  /** An expert has this long to score, with a reminder two days before. */
  static final Duration SCORING_TIME = Duration.ofDays(14);

  static final Duration SCORING_REMINDER = Duration.ofDays(12);

  final SlaClocks clocks = spy(new FixedSlaClocks());
  final SlaEscalation escalation = mock(SlaEscalation.class);
  final InitiativeSelection.Steps steps = mock(InitiativeSelection.Steps.class);
  final InitiativeSelection.Experts experts = mock(InitiativeSelection.Experts.class);
  final InitiativeSelection.Scoring scoring = mock(InitiativeSelection.Scoring.class);
  final InitiativeSelection.Policy policy = mock(InitiativeSelection.Policy.class);

  /** The panel confirmPanel sets from panelText. */
  List<String> panel = PANEL;
  /** Experts free to take a seat, in the order replace hands them out; none left: the seat stays empty. */
  final Deque<String> reserve = new ArrayDeque<>();
  /** Experts replace took out of their seat, in order. */
  final List<String> replaced = new ArrayList<>();
  /** What recordScores saw: expert to their sheet. */
  final Map<String, Map<String, Object>> sheets = new LinkedHashMap<>();
  /** What aggregate and recordConsensus decide. */
  double meanScore = 7.8;

  double spread = 1.0;
  boolean shortlisted = true;

  @BeforeEach
  void registerBeans() {
    ClockUtil.setCurrentTime(Date.from(START));
    when(policy.getCompletionWait()).thenReturn("P15D");
    doAnswer(call -> {
          execution(call).setVariable(Var.PANEL_TEXT, String.join(", ", panel));
          return null;
        })
        .when(steps)
        .proposePanel(any());
    doAnswer(call -> {
          execution(call).setVariable(Var.PANEL, new ArrayList<>(panel));
          return null;
        })
        .when(steps)
        .confirmPanel(any());
    doAnswer(call -> {
          DelegateTask task = call.getArgument(0);
          task.setVariable(
              Var.EXPERT_OUT, Boolean.TRUE.equals(task.getVariable(Var.CONFLICT_DECLARED)));
          return null;
        })
        .when(experts)
        .recordDeclaration(any());
    doAnswer(call -> {
          DelegateExecution execution = execution(call);
          replaced.add((String) execution.getVariable(Var.EXPERT));
          execution.setVariable(Var.EXPERT, reserve.poll());
          return null;
        })
        .when(experts)
        .replace(any());
    when(experts.dueAt(any()))
        .thenAnswer(call -> Date.from(ClockUtil.getCurrentTime().toInstant().plus(SCORING_TIME)));
    when(experts.reminderAt(any()))
        .thenAnswer(
            call -> Date.from(ClockUtil.getCurrentTime().toInstant().plus(SCORING_REMINDER)));
    doAnswer(call -> {
          DelegateTask task = call.getArgument(0);
          Map<String, Object> sheet = new HashMap<>();
          for (String name : SCORE_VARIABLES) {
            sheet.put(name, task.getVariable(name));
          }
          sheets.put(task.getAssignee(), sheet);
          return null;
        })
        .when(experts)
        .recordScores(any());
    doAnswer(call -> {
          DelegateExecution execution = execution(call);
          execution.setVariable(Var.MEAN_SCORE, meanScore);
          execution.setVariable(Var.SPREAD, spread);
          execution.setVariable(Var.NEEDS_CONSENSUS, spread > 2.5);
          execution.setVariable(Var.SHORTLISTED, shortlisted);
          return null;
        })
        .when(scoring)
        .aggregate(any());
    doAnswer(call -> {
          DelegateExecution execution = execution(call);
          execution.setVariable(
              Var.SHORTLISTED,
              ((Number) execution.getVariable(Var.CONSENSUS_SCORE)).doubleValue() >= 7.0);
          return null;
        })
        .when(scoring)
        .recordConsensus(any());
    Mocks.register(SlaClocks.BEAN, clocks);
    Mocks.register(UserTaskDue.BEAN, new FixedUserTaskDue());
    Mocks.register(SlaEscalation.BEAN, escalation);
    Mocks.register(InitiativeSelection.Steps.BEAN, steps);
    Mocks.register(InitiativeSelection.Experts.BEAN, experts);
    Mocks.register(InitiativeSelection.Scoring.BEAN, scoring);
    Mocks.register(InitiativeSelection.Policy.BEAN, policy);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  static final List<String> SCORE_VARIABLES = List.of(
      Var.SCORE_NOVELTY,
      Var.SCORE_FEASIBILITY,
      Var.SCORE_IMPACT,
      Var.SCORE_STRATEGIC_FIT,
      Var.SCORE_DATA_REUSE,
      Var.SCORE_SUSTAINABILITY,
      Var.COMMENT_NOVELTY,
      Var.COMMENT_FEASIBILITY,
      Var.COMMENT_IMPACT,
      Var.COMMENT_STRATEGIC_FIT,
      Var.COMMENT_DATA_REUSE,
      Var.COMMENT_SUSTAINABILITY);

  private static DelegateExecution execution(InvocationOnMock call) {
    return call.getArgument(0);
  }

  /** The variables the app passes in when an initiative is submitted. */
  static Map<String, Object> submission() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.INITIATIVE_ID, 1L);
    variables.put(Var.CASE_CODE, CASE_CODE);
    variables.put(Var.TITLE, "Nền tảng dùng chung đối soát dữ liệu dân cư cho các bộ, ngành");
    variables.put(Var.CATEGORY, "BREAKTHROUGH");
    variables.put(Var.CATEGORY_LABEL, "Sáng kiến đột phá");
    variables.put(Var.PROBLEM, "Mỗi bộ tự đối soát dữ liệu dân cư, tốn kém và không thống nhất.");
    variables.put(
        Var.SOLUTION, "Một dịch vụ đối soát dùng chung trên nền tảng tích hợp dữ liệu quốc gia.");
    variables.put(Var.PROPOSER, PROPOSER);
    variables.put(Var.ORGANISATION, "Trường Đại học Bách khoa Hà Nội");
    return variables;
  }

  ProcessInstance submit() {
    return runtimeService()
        .startProcessInstanceByKey(InitiativeSelection.PROCESS_KEY, CASE_CODE, submission());
  }

  void screen(ProcessInstance instance, String decision, String note) {
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_SCREEN);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.SCREENING_DECISION, decision);
    variables.put(Var.SCREENING_NOTE, note);
    complete(task(InitiativeSelection.TASK_SCREEN, instance), variables);
  }

  /** Screening sends it to a panel and the standing office confirms the proposed panel. */
  void toPanel(ProcessInstance instance) {
    screen(instance, Screening.EVALUATE, null);
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_PICK_PANEL);
    complete(task(InitiativeSelection.TASK_PICK_PANEL, instance));
  }

  Task declarationOf(ProcessInstance instance, String expert) {
    return taskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(InitiativeSelection.TASK_DECLARE_CONFLICT)
        .taskAssignee(expert)
        .singleResult();
  }

  Task scoreSheetOf(ProcessInstance instance, String expert) {
    return taskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(InitiativeSelection.TASK_SCORE)
        .taskAssignee(expert)
        .singleResult();
  }

  List<Task> tasks(ProcessInstance instance, String taskKey) {
    return taskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey)
        .list();
  }

  void declare(ProcessInstance instance, String expert, boolean conflict) {
    Task task = declarationOf(instance, expert);
    assertThat(task).as("declaration of %s", expert).isNotNull();
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.CONFLICT_DECLARED, conflict);
    variables.put(Var.CONFLICT_NOTE, conflict ? "Tôi là đồng tác giả của giải pháp." : null);
    complete(task, variables);
  }

  /** The expert gives every criterion the same score. */
  void score(ProcessInstance instance, String expert, double score) {
    Task task = scoreSheetOf(instance, expert);
    assertThat(task).as("score sheet of %s", expert).isNotNull();
    Map<String, Object> variables = new HashMap<>();
    for (String name : SCORE_VARIABLES) {
      variables.put(name, name.startsWith("score") ? (Object) score : "Nhận xét của " + expert);
    }
    complete(task, variables);
  }

  /** Every expert of the panel declares no conflict and scores. */
  void panelScores(ProcessInstance instance) {
    for (String expert : panel) {
      declare(instance, expert, false);
    }
    for (String expert : panel) {
      score(instance, expert, 8.0);
    }
  }

  void decide(ProcessInstance instance, String decision) {
    assertThat(instance).isWaitingAt(InitiativeSelection.TASK_DECIDE);
    Map<String, Object> variables = new HashMap<>(withVariables(
        Var.DECISION, decision, Var.DECISION_REASON, "Theo kết quả đánh giá của hội đồng"));
    complete(task(InitiativeSelection.TASK_DECIDE, instance), variables);
  }

  void moveClockBy(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  Job timer(ProcessInstance instance, String activityId) {
    return managementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .singleResult();
  }

  /** The timer of one activity on the seat of this expert. */
  Job seatTimer(ProcessInstance instance, String activityId, String expert) {
    return managementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .list()
        .stream()
        .filter(
            job -> expert.equals(runtimeService().getVariable(job.getExecutionId(), Var.EXPERT)))
        .findFirst()
        .orElse(null);
  }
}
