package vn.dondoc.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.TaskLifecycle;

/**
 * Whether a case's row and its processes agree: for each status of the case's table, the user tasks the case may
 * be waiting at (a status with none: the process waits for a message or a timer, or has ended), and for each open
 * task of an agency, that the agency is the one the row names. Run after anything that tried to change a case
 * behind the app's back.
 */
public final class CaseConsistency {

  /** Open user tasks allowed per status of feedback_item. */
  private static final Map<String, Set<String>> FEEDBACK = Map.of(
      "RECEIVED", Set.of(FeedbackHandling.TASK_CLASSIFY, "RoutingSupervise"),
      "ROUTED",
          Set.of(
              FeedbackHandling.TASK_ACCEPT,
              FeedbackHandling.TASK_REVIEW_BEYOND_AUTHORITY,
              "AcceptanceSupervise"),
      "IN_PROGRESS",
          Set.of(
              FeedbackHandling.TASK_DRAFT_ANSWER,
              FeedbackHandling.TASK_SIGN_OFF,
              "AnswerSupervise"),
      "WAITING_FOR_SENDER", Set.of(),
      "ANSWERED", Set.of(),
      "CLOSED", Set.of());

  /** The same for task (its lifecycle and evidence reviews share the case code as business key). */
  private static final Map<String, Set<String>> TASK = Map.of(
      "ASSIGNED", Set.of(TaskLifecycle.TASK_ACKNOWLEDGE, "AcknowledgementSupervise"),
      "IN_PROGRESS",
          Set.of(TaskLifecycle.TASK_REPORT_PROGRESS, TaskLifecycle.TASK_REPORT_COMPLETION),
      "COMPLETION_SUBMITTED",
          Set.of(
              TaskLifecycle.TASK_REPORT_PROGRESS,
              EvidenceReview.TASK_REVIEW,
              EvidenceReview.TASK_VERIFY,
              "ReviewSupervise"),
      "COMPLETED", Set.of(),
      "WITHDRAWN", Set.of());

  /** The same for extension_request. */
  private static final Map<String, Set<String>> EXTENSION = Map.of(
      "SUBMITTED", Set.of(DeadlineExtension.TASK_DECIDE, "DecisionSupervise"),
      "INFO_REQUESTED", Set.of(DeadlineExtension.TASK_PROVIDE_INFO),
      "APPROVED", Set.of(),
      "REJECTED", Set.of());

  /** The same for initiative (terminal statuses: none). */
  private static final Map<String, Set<String>> INITIATIVE = Map.ofEntries(
      Map.entry("SUBMITTED", Set.of(InitiativeSelection.TASK_SCREEN, "ScreeningSupervise")),
      Map.entry("RETURNED", Set.of(InitiativeSelection.TASK_COMPLETE_SUBMISSION)),
      Map.entry(
          "IN_EVALUATION",
          Set.of(
              InitiativeSelection.TASK_PICK_PANEL,
              InitiativeSelection.TASK_DECLARE_CONFLICT,
              InitiativeSelection.TASK_SCORE)),
      Map.entry("IN_CONSENSUS", Set.of(InitiativeSelection.TASK_CONSENSUS)),
      Map.entry("SHORTLISTED", Set.of(InitiativeSelection.TASK_DECIDE)),
      Map.entry("SELECTED", Set.of()),
      Map.entry("NOT_SELECTED", Set.of()),
      Map.entry("DEFERRED", Set.of()),
      Map.entry("NOT_SHORTLISTED", Set.of()),
      Map.entry("CLOSED_INCOMPLETE", Set.of()),
      Map.entry("TO_FEEDBACK", Set.of()));

  private final JdbcClient jdbc;
  private final TaskService tasks;

  public CaseConsistency(JdbcClient jdbc, TaskService tasks) {
    this.jdbc = jdbc;
    this.tasks = tasks;
  }

  /** Fails unless the case's row and the user tasks its processes wait at agree. */
  public void assertInStep(String caseCode) {
    List<Task> open =
        tasks.createTaskQuery().processInstanceBusinessKey(caseCode).list();
    Set<String> waitingAt =
        new TreeSet<>(open.stream().map(Task::getTaskDefinitionKey).toList());
    Map<String, Set<String>> allowed;
    Map<String, Object> row;
    if (caseCode.startsWith("PAKN-")) {
      allowed = FEEDBACK;
      row = jdbc.sql("select status, handling_agency as agency from feedback_item where code = ?")
          .param(caseCode)
          .query()
          .singleRow();
    } else if (exists("task", caseCode)) {
      allowed = TASK;
      row = jdbc.sql("select status, lead_agency as agency from task where case_code = ?")
          .param(caseCode)
          .query()
          .singleRow();
    } else if (exists("extension_request", caseCode)) {
      allowed = EXTENSION;
      row = jdbc.sql(
              "select e.status, t.lead_agency as agency from extension_request e join task t on t.id = e.task_id"
                  + " where e.case_code = ?")
          .param(caseCode)
          .query()
          .singleRow();
    } else if (exists("initiative", caseCode)) {
      allowed = INITIATIVE;
      row = jdbc.sql("select status, null as agency from initiative where case_code = ?")
          .param(caseCode)
          .query()
          .singleRow();
    } else {
      throw new AssertionError("no consistency rule for case " + caseCode);
    }
    String status = (String) row.get("status");
    assertThat(allowed).as("statuses of %s", caseCode).containsKey(status);
    assertThat(allowed.get(status))
        .as("%s is %s but waits at %s", caseCode, status, waitingAt)
        .containsAll(waitingAt);
    for (Task task : open) {
      if (EvidenceReview.TASK_VERIFY.equals(task.getTaskDefinitionKey())) {
        continue; // the domain's verifier agency, not the case's
      }
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())
            && link.getGroupId() != null
            && link.getGroupId().startsWith("agencies/")) {
          assertThat(link.getGroupId())
              .as(
                  "%s of %s is offered to the agency of the row",
                  task.getTaskDefinitionKey(), caseCode)
              .isIn("agencies/" + row.get("agency"), "agencies/" + row.get("agency") + "/leaders");
        }
      }
    }
  }

  private boolean exists(String table, String caseCode) {
    return jdbc.sql("select count(*) from " + table + " where case_code = ?")
            .param(caseCode)
            .query(Integer.class)
            .single()
        > 0;
  }
}
