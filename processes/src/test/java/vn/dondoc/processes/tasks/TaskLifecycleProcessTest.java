package vn.dondoc.processes.tasks;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.FixedUserTaskDue;
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.TaskLifecycle.Var;
import vn.dondoc.processes.UserTaskDue;
import vn.dondoc.processes.sla.FixedSlaClocks;
import vn.dondoc.processes.sla.SlaClocks;
import vn.dondoc.processes.sla.SlaEscalation;

/**
 * Shared set-up of the task lifecycle process tests: the engine's beans, a fixed clock, and a stand-in
 * for the evidence review (test resource {@value #EVIDENCE_REVIEW_STUB}: one task whose
 * {@code reviewDecision} becomes the {@code reviewOutcome}).
 */
abstract class TaskLifecycleProcessTest {

  static final String EVIDENCE_REVIEW_STUB = "stubs/evidence-review.bpmn";
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String CASE_CODE = "NV-2026-000001";
  static final String LEAD_AGENCY = "bca";

  /** Issued on Monday 2 March 2026, 09:00 in Hanoi. */
  static final Instant ISSUED = Instant.parse("2026-03-02T02:00:00Z");
  /** The deadline watch: near due 20 days after issue, overdue 30 days after. */
  static final Date APPROACHING = Date.from(ISSUED.plus(Duration.ofDays(20)));

  static final Date PASSED = Date.from(ISSUED.plus(Duration.ofDays(30)));

  final FixedSlaClocks clocks = new FixedSlaClocks();
  final SlaClocks clocksSpy = spy(clocks);
  final SlaEscalation escalation = mock(SlaEscalation.class);
  final TaskLifecycle.Steps steps = mock(TaskLifecycle.Steps.class);
  final TaskLifecycle.Deadlines deadlines = mock(TaskLifecycle.Deadlines.class);
  final TaskLifecycle.Reports reports = mock(TaskLifecycle.Reports.class);

  @BeforeEach
  void registerBeans() {
    ClockUtil.setCurrentTime(Date.from(ISSUED));
    when(deadlines.approachingAt(any())).thenReturn(APPROACHING);
    when(deadlines.passedAt(any())).thenReturn(PASSED);
    // a period opens on the first of the month; its report is reminded on the 7th and due at the
    // end of the 10th
    when(reports.nextPeriodAt(any()))
        .thenAnswer(i -> startOf(today().withDayOfMonth(1).plusMonths(1)));
    when(reports.reminderAt(any())).thenAnswer(i -> startOf(today().withDayOfMonth(7)));
    when(reports.dueAt(any())).thenAnswer(i -> startOf(today().withDayOfMonth(11)));
    doAnswer(i -> {
          i.<DelegateTask>getArgument(0)
              .setVariableLocal(Var.REPORT_PERIOD, YearMonth.from(today()).toString());
          return null;
        })
        .when(reports)
        .open(any());
    Mocks.register(SlaClocks.BEAN, clocksSpy);
    Mocks.register(UserTaskDue.BEAN, new FixedUserTaskDue());
    Mocks.register(SlaEscalation.BEAN, escalation);
    Mocks.register(TaskLifecycle.Steps.BEAN, steps);
    Mocks.register(TaskLifecycle.Deadlines.BEAN, deadlines);
    Mocks.register(TaskLifecycle.Reports.BEAN, reports);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZONE).toInstant());
  }

  ProcessInstance issue(boolean recurring, boolean reportsMonthly) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.TASK_ID, 42L);
    variables.put(Var.CASE_CODE, CASE_CODE);
    variables.put(Var.TASK_CODE, "17-TB/CQTTBCĐ/1.b.(1)");
    variables.put(
        Var.TITLE,
        "Hoàn thành kết nối Cơ sở dữ liệu quốc gia về dân cư với hệ thống thông tin giải quyết thủ tục hành chính");
    variables.put(Var.LEAD_AGENCY, LEAD_AGENCY);
    variables.put(Var.RECURRING, recurring);
    variables.put(Var.REPORTS_MONTHLY, reportsMonthly);
    variables.put(Var.DEADLINE_LABEL, recurring ? "Thường xuyên" : "01/04/2026");
    variables.put(Var.EVIDENCE_LEVEL, "L2");
    variables.put(Var.FIELD, "digital-infrastructure");
    return runtimeService()
        .startProcessInstanceByKey(TaskLifecycle.PROCESS_KEY, CASE_CODE, variables);
  }

  /** A task with a deadline and no monthly reports. */
  ProcessInstance issue() {
    return issue(false, false);
  }

  void acknowledge(ProcessInstance instance) {
    assertThat(instance).isWaitingAt(TaskLifecycle.TASK_ACKNOWLEDGE);
    complete(
        task(TaskLifecycle.TASK_ACKNOWLEDGE, instance),
        withVariables(Var.ACKNOWLEDGE_NOTE, "Đã giao Cục C06 chủ trì"));
  }

  ProcessInstance acknowledged(boolean recurring, boolean reportsMonthly) {
    ProcessInstance instance = issue(recurring, reportsMonthly);
    acknowledge(instance);
    return instance;
  }

  /** What the application does after storing a submission: completes ReportCompletion with its id. */
  void reportCompletion(ProcessInstance instance, long submissionId) {
    complete(
        task(TaskLifecycle.TASK_REPORT_COMPLETION, instance),
        withVariables(Var.SUBMISSION_ID, submissionId));
  }

  ProcessInstance review(ProcessInstance instance) {
    return runtimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId())
        .singleResult();
  }

  /** Decides the evidence in the stand-in review: the decision becomes the outcome the lifecycle reads. */
  void decide(ProcessInstance instance, String decision) {
    ProcessInstance review = review(instance);
    assertThat(review).as("an evidence review is running").isNotNull();
    complete(
        taskQuery()
            .processInstanceId(review.getId())
            .taskDefinitionKey(EvidenceReview.TASK_REVIEW)
            .singleResult(),
        withVariables(
            EvidenceReview.Var.REVIEW_DECISION,
            decision,
            EvidenceReview.Var.REVIEW_NOTE,
            "Biên bản nghiệm thu chưa có chữ ký"));
  }

  void moveClockTo(Date instant) {
    ClockUtil.setCurrentTime(instant);
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

  /** What the job executor would do at the current (test) time: run the instance's due jobs, and no others. */
  List<String> executeDueJobs(ProcessInstance instance) {
    List<Job> due = managementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .duedateLowerThan(Date.from(ClockUtil.getCurrentTime().toInstant().plusMillis(1)))
        .list();
    List<String> fired = due.stream()
        .map(job -> managementService()
            .createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId())
            .singleResult()
            .getActivityId())
        .toList();
    for (Job job : due) {
      if (managementService().createJobQuery().jobId(job.getId()).count() > 0) {
        managementService().executeJob(job.getId());
      }
    }
    return fired;
  }

  long timesEntered(ProcessInstance instance, String activityId) {
    return historyService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .count();
  }

  long pendingJobs(ProcessInstance instance) {
    return managementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .count();
  }
}
