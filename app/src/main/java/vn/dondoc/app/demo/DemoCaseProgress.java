package vn.dondoc.app.demo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
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

  DemoCaseProgress(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
  }

  /** The standing office confirms the agency the routing table proposed; returns that agency. */
  String classifyAsProposed(String code) {
    Task classify = taskOf(code, FeedbackHandling.TASK_CLASSIFY);
    String agency = (String) tasks.getVariable(classify.getId(), Var.HANDLING_AGENCY);
    complete(code, FeedbackHandling.TASK_CLASSIFY, "thuongtruc", List.of("standing-office", "agencies/vptw"), Map.of());
    return agency;
  }

  void accept(String code, String officer, String agency) {
    complete(code, FeedbackHandling.TASK_ACCEPT, officer, officerGroups(agency),
        Map.of(Var.ACCEPTANCE_DECISION, Decision.ACCEPT));
  }

  void askSender(String code, String officer, String agency, String question) {
    complete(code, FeedbackHandling.TASK_DRAFT_ANSWER, officer, officerGroups(agency),
        Map.of(Var.ANSWER_DECISION, Decision.ASK_SENDER, Var.QUESTION_TO_SENDER, question));
  }

  void answer(String code, String officer, String leader, String agency, String answer) {
    complete(code, FeedbackHandling.TASK_DRAFT_ANSWER, officer, officerGroups(agency),
        Map.of(Var.ANSWER_DECISION, Decision.ANSWER, Var.ANSWER_TEXT, answer));
    complete(code, FeedbackHandling.TASK_SIGN_OFF, leader,
        List.of("agency-leader", "agencies/" + agency, "agencies/" + agency + "/leaders"),
        Map.of(Var.SIGN_OFF_DECISION, Decision.APPROVE));
  }

  private Task taskOf(String code, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("demo case " + code + " has no open task " + taskKey);
    }
    return task;
  }

  private static List<String> officerGroups(String agency) {
    return List.of("agency-officer", "agencies/" + agency);
  }

  private void complete(String code, String taskKey, String user, List<String> groups, Map<String, Object> variables) {
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
