package vn.dondoc.app.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.dondoc.app.sla.SlaClockService;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Decision;
import vn.dondoc.processes.FeedbackHandling.Var;

/**
 * Moves a demo case along its process as the demo users would in Tasklist: each step is completed as
 * that person (so the audit log names them) through the same engine calls Tasklist makes.
 */
@Component
class DemoCaseProgress {

  private final TaskService tasks;
  private final IdentityService identity;
  private final SlaClockService slaClocks;
  private final WorkingCalendar calendar;
  private final Clock clock;

  DemoCaseProgress(
      TaskService tasks,
      IdentityService identity,
      SlaClockService slaClocks,
      WorkingCalendar calendar,
      Clock clock) {
    this.tasks = tasks;
    this.identity = identity;
    this.slaClocks = slaClocks;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * The case's current stage (the one with the open task {@code taskKey}) has waited since 08:00 (Hanoi) of
   * the working day {@code workingDaysAgo} working days before today, so that the supervisors find overdue and
   * at-risk cases on their board, escalated as they would have been.
   */
  void waitedSince(String code, String taskKey, String stage, int workingDaysAgo) {
    LocalDate day = LocalDate.now(clock.withZone(HanoiTime.ZONE));
    for (int counted = 0; counted < workingDaysAgo; ) {
      day = day.minusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    slaClocks.backdate(
        taskOf(code, taskKey).getProcessInstanceId(),
        stage,
        day.atTime(8, 0).atZone(HanoiTime.ZONE).toInstant());
  }

  /** The standing office confirms the agency the routing table proposed; returns that agency. */
  String classifyAsProposed(String code) {
    Task classify = taskOf(code, FeedbackHandling.TASK_CLASSIFY);
    String agency = (String) tasks.getVariable(classify.getId(), Var.HANDLING_AGENCY);
    complete(
        code,
        FeedbackHandling.TASK_CLASSIFY,
        "thuongtruc",
        List.of("standing-office", "agencies/vptw"),
        Map.of());
    return agency;
  }

  void accept(String code, String officer, String agency) {
    complete(
        code,
        FeedbackHandling.TASK_ACCEPT,
        officer,
        officerGroups(agency),
        Map.of(Var.ACCEPTANCE_DECISION, Decision.ACCEPT));
  }

  void askSender(String code, String officer, String agency, String question) {
    complete(
        code,
        FeedbackHandling.TASK_DRAFT_ANSWER,
        officer,
        officerGroups(agency),
        Map.of(Var.ANSWER_DECISION, Decision.ASK_SENDER, Var.QUESTION_TO_SENDER, question));
  }

  void answer(String code, String officer, String leader, String agency, String answer) {
    complete(
        code,
        FeedbackHandling.TASK_DRAFT_ANSWER,
        officer,
        officerGroups(agency),
        Map.of(Var.ANSWER_DECISION, Decision.ANSWER, Var.ANSWER_TEXT, answer));
    complete(
        code,
        FeedbackHandling.TASK_SIGN_OFF,
        leader,
        List.of("agency-leader", "agencies/" + agency, "agencies/" + agency + "/leaders"),
        Map.of(Var.SIGN_OFF_DECISION, Decision.APPROVE));
  }

  private Task taskOf(String code, String taskKey) {
    Task task = tasks
        .createTaskQuery()
        .processInstanceBusinessKey(code)
        .taskDefinitionKey(taskKey)
        .singleResult();
    if (task == null) {
      throw new IllegalStateException("demo case " + code + " has no open task " + taskKey);
    }
    return task;
  }

  private static List<String> officerGroups(String agency) {
    return List.of("agency-officer", "agencies/" + agency);
  }

  private void complete(
      String code,
      String taskKey,
      String user,
      List<String> groups,
      Map<String, Object> variables) {
    identity.setAuthentication(user, groups);
    try {
      Task task = taskOf(code, taskKey);
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }
}
