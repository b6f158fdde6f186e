package vn.dondoc.app.admin;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.camunda.TaskAssignments;
import vn.dondoc.app.web.NotFoundException;

/**
 * A person's open steps, which must be handed to a colleague before they leave: the steps they hold and those the
 * models offer to them by name (not the ones offered to their groups, which their colleagues see anyway). The hand-over
 * is {@link TaskAssignments#reassign}, audited on the case.
 */
@Component
class PersonWork {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final TaskAssignments assignments;

  PersonWork(
      TaskService tasks, RuntimeService runtime, JdbcClient jdbc, TaskAssignments assignments) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.assignments = assignments;
  }

  /** An open step of the person: its case, name, due date, and whom it may go to. */
  record Step(
      String taskId,
      String caseCode,
      String name,
      Date due,
      boolean held,
      List<TaskAssignments.Colleague> colleagues) {}

  List<Step> open(String username, Authentication admin) {
    List<Step> steps = new ArrayList<>();
    for (Task task : tasksOf(username).values()) {
      String caseCode = runtime
          .createProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId())
          .singleResult()
          .getBusinessKey();
      List<TaskAssignments.Colleague> colleagues =
          assignments.colleagues(admin, task.getId()).stream()
              .filter(colleague -> !colleague.username().equals(username))
              .toList();
      steps.add(new Step(
          task.getId(),
          caseCode,
          task.getName(),
          task.getDueDate(),
          username.equals(task.getAssignee()),
          colleagues));
    }
    return steps;
  }

  /** How many open steps the person holds or is offered by name. */
  int count(String username) {
    return tasksOf(username).size();
  }

  private Map<String, Task> tasksOf(String username) {
    Map<String, Task> found = new LinkedHashMap<>();
    tasks
        .createTaskQuery()
        .taskAssignee(username)
        .active()
        .orderByDueDate()
        .asc()
        .list()
        .forEach(task -> found.put(task.getId(), task));
    List<String> offered = jdbc.sql(
            "select distinct task_id_ from act_ru_identitylink where type_ = 'candidate' and user_id_ = ?"
                + " and task_id_ is not null")
        .param(username)
        .query(String.class)
        .list();
    if (!offered.isEmpty()) {
      tasks
          .createTaskQuery()
          .taskIdIn(offered.toArray(String[]::new))
          .active()
          .list()
          .forEach(task -> found.putIfAbsent(task.getId(), task));
    }
    return found;
  }

  /** Hands the step of {@code from} to a colleague, with the reason, in the case's audit trail; it is no longer offered to {@code from}. */
  @Transactional
  void handOver(Authentication admin, String taskId, String from, String to, String reason) {
    if (taskId == null || !tasksOf(from).containsKey(taskId)) {
      throw new NotFoundException("task.not-found");
    }
    assignments.reassign(admin, taskId, to, reason);
    tasks.deleteCandidateUser(taskId, from);
  }
}
