package vn.dondoc.app.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.support.MovableClock;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.TaskLifecycle;
import vn.dondoc.processes.UserTaskDue;

/**
 * Every user task of every deployed model of the application (the latest version of each) carries a due date, and every working-day
 * budget a model names is configured and counted on the working calendar.
 */
class UserTaskDueDatesIT extends IntegrationTest {

  static final String[] MODELS = {
    FeedbackHandling.PROCESS_KEY,
    TaskLifecycle.PROCESS_KEY,
    DeadlineExtension.PROCESS_KEY,
    EvidenceReview.PROCESS_KEY,
    InitiativeSelection.PROCESS_KEY
  };

  private static final Pattern BUDGET =
      Pattern.compile("inWorkingDays\\(execution, '([A-Z_]+)'\\)");

  @Autowired
  RepositoryService repository;

  @Autowired
  UserTaskDue userTaskDue;

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  MovableClock clock;

  @Test
  void everyDeployedUserTaskHasADueDateAndEveryBudgetIsConfigured() {
    // the application's models (tests deploy processes of their own, e.g. sla-test)
    List<ProcessDefinition> definitions = repository
        .createProcessDefinitionQuery()
        .latestVersion()
        .processDefinitionKeyIn(MODELS)
        .list();
    assertThat(definitions).extracting(ProcessDefinition::getKey).containsExactlyInAnyOrder(MODELS);
    int userTasks = 0;
    for (ProcessDefinition definition : definitions) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        userTasks++;
        String due = task.getCamundaDueDate();
        assertThat(due)
            .as("%s: due date of %s", definition.getKey(), task.getId())
            .isNotBlank();
        Matcher budget = BUDGET.matcher(due);
        if (budget.find()) {
          Instant before = clock.instant();
          Instant at = userTaskDue.inWorkingDays(null, budget.group(1)).toInstant();
          assertThat(at)
              .as("%s: %s", task.getId(), budget.group(1))
              .isAfter(before)
              .isBeforeOrEqualTo(calendar.addWorkingDays(clock.instant(), 10));
        }
      }
    }
    assertThat(userTasks).isGreaterThanOrEqualTo(26);
    assertThat(userTaskDue.inWorkingDays(null, UserTaskDue.SUPERVISE).toInstant())
        .isIn(
            calendar.addWorkingDays(clock.instant(), 2),
            calendar.addWorkingDays(clock.instant().minusSeconds(5), 2));
  }
}
