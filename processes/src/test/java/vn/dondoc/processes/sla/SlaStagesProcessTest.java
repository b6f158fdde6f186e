package vn.dondoc.processes.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FixedUserTaskDue;
import vn.dondoc.processes.InMemoryEngine;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.UserTaskDue;

/**
 * Every SLA stage that every model declares ({@link SlaStageDeclaration}), one behaviour at a time: its tasks are
 * due when its clock is; it reminds, then tells the leaders, then calls a supervisor, each once; leaving it stops
 * its clock and ends its pending escalations. A new stage is tested by declaring it.
 *
 * <p>Each case starts an instance of the stage's process right before one of the stage's user tasks (the engine
 * enters the stage around it, with its timers), every bean of the process contracts a mock, so no model's
 * own path to the stage is needed.
 */
class SlaStagesProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = InMemoryEngine.extension();

  static final Path MODELS = Path.of("src/main/resources/bpmn");
  /** The contracts whose beans the models call; a model without its contract here fails {@link #everyModelHasItsContractHere}. */
  static final List<Class<?>> CONTRACTS = List.of(
      FeedbackHandling.class,
      TaskLifecycle.class,
      EvidenceReview.class,
      DeadlineExtension.class,
      InitiativeSelection.class);

  static final Instant START = Instant.parse("2026-03-02T02:00:00Z");

  /**
   * The ids of the stages' timers and supervisor tasks in the versions deployed before stages were declared, when the
   * app found them by a naming rule ({@code <Prefix>WarningDue}, ...). Instances of those versions still run on them,
   * and the app finds their timers by the ids the current model declares: the ids must stay.
   */
  static final Map<String, String> PREFIXES_OF_OLDER_VERSIONS = Map.of(
      "ROUTE",
      "Routing",
      "ACCEPT",
      "Acceptance",
      "ANSWER",
      "Answer",
      "ACKNOWLEDGE",
      "Acknowledgement",
      "REVIEW",
      "Review",
      "DECIDE",
      "Decision",
      "SCREEN",
      "Screening");

  final FixedSlaClocks clocks = spy(new FixedSlaClocks());
  final SlaEscalation escalation = mock(SlaEscalation.class);
  final List<String> deployments = new ArrayList<>();

  record Stage(String resource, BpmnModelInstance model, SlaStageDeclaration declared) {
    @Override
    public String toString() {
      return declared.processKey() + " " + declared.stage();
    }

    String timer(SlaTimer timer) {
      return declared.timers().entrySet().stream()
          .filter(e -> e.getValue() == timer)
          .map(Map.Entry::getKey)
          .findFirst()
          .orElseThrow(() -> new AssertionError(this + " has no " + timer + " timer"));
    }

    /** The user tasks of the stage's own flow (not those of its escalations). */
    List<UserTask> tasks() {
      SubProcess scope = model.getModelElementById(declared.scopeId());
      return scope.getChildElementsByType(UserTask.class).stream().toList();
    }
  }

  static Stream<Stage> stages() throws IOException {
    List<Stage> stages = new ArrayList<>();
    for (Path file : models()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      SlaStageDeclaration.in(model)
          .forEach(
              declared -> stages.add(new Stage("bpmn/" + file.getFileName(), model, declared)));
    }
    return stages.stream();
  }

  static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(MODELS)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  @BeforeEach
  void deployEveryModelWithMockedBeans() throws Exception {
    ClockUtil.setCurrentTime(Date.from(START));
    for (Class<?> contract : CONTRACTS) {
      for (Class<?> nested : contract.getDeclaredClasses()) {
        if (nested.isInterface() && hasConstant(nested, "BEAN")) {
          Mocks.register((String) nested.getField("BEAN").get(null), mock(nested));
        }
      }
      for (Field field : contract.getFields()) {
        if (field.getName().startsWith("DELEGATE_") && Modifier.isStatic(field.getModifiers())) {
          Mocks.register((String) field.get(null), mock(JavaDelegate.class));
        }
      }
    }
    Mocks.register(SlaClocks.BEAN, clocks);
    Mocks.register(SlaEscalation.BEAN, escalation);
    Mocks.register(UserTaskDue.BEAN, new FixedUserTaskDue());
    for (Path file : models()) {
      try (InputStream in = Files.newInputStream(file)) {
        deployments.add(engine
            .getRepositoryService()
            .createDeployment()
            .addInputStream("bpmn/" + file.getFileName(), in)
            .deploy()
            .getId());
      }
    }
  }

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true, true));
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void everyModelHasItsContractHereAndTheModelsDeclareStages() throws Exception {
    List<String> keys = new ArrayList<>();
    for (Class<?> contract : CONTRACTS) {
      keys.add((String) contract.getField("PROCESS_KEY").get(null));
    }
    for (Path file : models()) {
      String key = Bpmn.readModelFromFile(file.toFile())
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
          .iterator()
          .next()
          .getId();
      assertThat(keys).as("contract of " + file).contains(key);
    }
    assertThat(stages().map(Stage::toString))
        .as("a test over nothing would pass")
        .hasSizeGreaterThanOrEqualTo(7);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stages")
  void hasOneTimerOfEachKindAndASupervisorTaskUnderTheIdsOfOlderVersions(Stage stage) {
    SlaStageDeclaration declared = stage.declared();
    assertThat(declared.timers().values()).containsExactlyInAnyOrder(SlaTimer.values());
    String prefix = PREFIXES_OF_OLDER_VERSIONS.get(declared.stage());
    if (prefix != null) {
      assertThat(declared.timers())
          .containsOnlyKeys(prefix + "WarningDue", prefix + "Overdue", prefix + "StillOpen");
      assertThat(declared.supervisorTasks()).containsExactly(prefix + "Supervise");
    }
    assertThat(declared.supervisorTasks()).hasSize(1);
    UserTask supervise =
        stage.model().getModelElementById(declared.supervisorTasks().get(0));
    assertThat(supervise.getCamundaCandidateGroups()).isEqualTo("supervisor");
    assertThat(supervise.getCamundaFormRef()).isEqualTo("sla-supervision");
    assertThat(supervise.getName()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stages")
  void endsOnlyByEndsThatEndItsPendingEscalations(Stage stage) {
    SubProcess scope = stage.model().getModelElementById(stage.declared().scopeId());
    assertThat(scope.getChildElementsByType(EndEvent.class))
        .isNotEmpty()
        .allSatisfy(end -> assertThat(end.getEventDefinitions())
            .as(end.getId() + ": a terminate (or error) end, not a plain one")
            .isNotEmpty()
            .allMatch(
                d -> d instanceof TerminateEventDefinition || d instanceof ErrorEventDefinition));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stages")
  void itsTasksAreDueWhenItsClockIs(Stage stage) {
    String name = stage.declared().stage();
    assertThat(stage.tasks()).isNotEmpty();
    for (UserTask userTask : stage.tasks()) {
      ProcessInstance instance = startBefore(stage, userTask.getId());

      Date due = Date.from(START.plus(FixedSlaClocks.DUE_AFTER));
      assertThat(task(instance, userTask.getId()).getDueDate())
          .as(userTask.getId())
          .isEqualTo(due);
      assertThat(timer(instance, stage.timer(SlaTimer.DUE)).getDuedate()).isEqualTo(due);
      assertThat(timer(instance, stage.timer(SlaTimer.WARNING)).getDuedate())
          .isEqualTo(Date.from(START.plus(FixedSlaClocks.WARNING_AFTER)));
      assertThat(timer(instance, stage.timer(SlaTimer.SUPERVISOR)))
          .as("not before the breach")
          .isNull();
      verify(clocks, org.mockito.Mockito.atLeastOnce()).dueAt(any(), eq(name));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stages")
  void remindsThenNotifiesTheLeadersThenCallsASupervisorEachOnce(Stage stage) {
    String name = stage.declared().stage();
    String work = stage.tasks().get(0).getId();
    ProcessInstance instance = startBefore(stage, work);

    moveClockTo(START.plus(FixedSlaClocks.WARNING_AFTER));
    engine
        .getManagementService()
        .executeJob(timer(instance, stage.timer(SlaTimer.WARNING)).getId());
    verify(escalation).warn(any(), eq(name));
    assertThat(timer(instance, stage.timer(SlaTimer.WARNING)))
        .as("a warning fires once")
        .isNull();

    moveClockTo(START.plus(FixedSlaClocks.DUE_AFTER));
    engine
        .getManagementService()
        .executeJob(timer(instance, stage.timer(SlaTimer.DUE)).getId());
    verify(escalation).breach(any(), eq(name));
    assertThat(timer(instance, stage.timer(SlaTimer.DUE)))
        .as("a breach fires once")
        .isNull();
    assertThat(timer(instance, stage.timer(SlaTimer.SUPERVISOR)).getDuedate())
        .isEqualTo(Date.from(START.plus(FixedSlaClocks.SUPERVISOR_AFTER)));
    assertThat(instance).isWaitingAt(work, stage.timer(SlaTimer.SUPERVISOR));

    moveClockTo(START.plus(FixedSlaClocks.SUPERVISOR_AFTER));
    engine
        .getManagementService()
        .executeJob(timer(instance, stage.timer(SlaTimer.SUPERVISOR)).getId());
    String supervise = stage.declared().supervisorTasks().get(0);
    assertThat(task(instance, supervise)).isNotNull();
    assertThat(task(instance, supervise).getDueDate())
        .as("the supervisor's own budget (UserTaskDue SUPERVISE)")
        .isEqualTo(Date.from(START
            .plus(FixedSlaClocks.SUPERVISOR_AFTER)
            .plus(Duration.ofDays(FixedUserTaskDue.DAYS))));
    assertThat(engine
            .getTaskService()
            .getIdentityLinksForTask(task(instance, supervise).getId()))
        .anyMatch(link -> "supervisor".equals(link.getGroupId()));
    assertThat(instance).isWaitingAt(work, supervise);
    verify(escalation, times(1)).warn(any(), any());
    verify(escalation, times(1)).breach(any(), any());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stages")
  void leavingItStopsItsClockAndEndsItsPendingEscalations(Stage stage) {
    String name = stage.declared().stage();
    ProcessInstance instance = startBefore(stage, stage.tasks().get(0).getId());
    moveClockTo(START.plus(FixedSlaClocks.SUPERVISOR_AFTER));
    engine
        .getManagementService()
        .executeJob(timer(instance, stage.timer(SlaTimer.DUE)).getId());
    engine
        .getManagementService()
        .executeJob(timer(instance, stage.timer(SlaTimer.SUPERVISOR)).getId());
    assertThat(task(instance, stage.declared().supervisorTasks().get(0))).isNotNull();

    ActivityInstance scope = engine
        .getRuntimeService()
        .getActivityInstance(instance.getId())
        .getActivityInstances(stage.declared().scopeId())[0];
    engine
        .getRuntimeService()
        .createProcessInstanceModification(instance.getId())
        .cancelActivityInstance(scope.getId())
        .execute();

    verify(clocks).stop(any(), eq(name));
    for (String timer : stage.declared().timers().keySet()) {
      assertThat(timer(instance, timer)).as(timer).isNull();
    }
    assertThat(task(instance, stage.declared().supervisorTasks().get(0))).isNull();
  }

  /** An instance of the stage's process waiting at one of the stage's user tasks; every contract variable set. */
  private ProcessInstance startBefore(Stage stage, String userTask) {
    Map<String, Object> variables = new HashMap<>();
    for (Class<?> contract : CONTRACTS) {
      for (Class<?> nested : contract.getDeclaredClasses()) {
        if (nested.getSimpleName().equals("Var")) {
          for (Field field : nested.getFields()) {
            try {
              variables.put((String) field.get(null), "test");
            } catch (IllegalAccessException e) {
              throw new IllegalStateException(e);
            }
          }
        }
      }
    }
    return engine
        .getRuntimeService()
        .createProcessInstanceByKey(stage.declared().processKey())
        .businessKey("TEST-1")
        .setVariables(variables)
        .startBeforeActivity(userTask)
        .execute();
  }

  private Task task(ProcessInstance instance, String activityId) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(activityId)
        .singleResult();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .timers()
        .singleResult();
  }

  private static void moveClockTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private static boolean hasConstant(Class<?> type, String name) {
    try {
      type.getField(name);
      return true;
    } catch (NoSuchFieldException e) {
      return false;
    }
  }
}
