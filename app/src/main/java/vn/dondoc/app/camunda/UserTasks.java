package vn.dondoc.app.camunda;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;

/**
 * Our API's way to the engine's user tasks: finds the open task a case is waiting at and completes it
 * as the calling user, with their Keycloak groups, exactly as Tasklist would. The models' listeners and
 * the audit log see who acted; candidate groups decide who may.
 */
@Component
public class UserTasks {

  private final TaskService tasks;
  private final IdentityService identity;

  UserTasks(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
  }

  /** The case's open user task with one of these definition keys, in any of its processes. */
  public Optional<Task> open(String businessKey, String... taskDefinitionKeys) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .taskDefinitionKeyIn(taskDefinitionKeys)
        .active()
        .list()
        .stream()
        .findFirst();
  }

  /**
   * Completes the caller's own task of the case (assigned to them, e.g. an expert's seat on a panel).
   * 409 when the case does not wait for the caller there.
   */
  public void completeAssigned(
      Authentication caller,
      String businessKey,
      Map<String, Object> variables,
      String taskDefinitionKey) {
    completeAs(
        caller.getName(),
        groups(caller),
        assignedTo(caller, businessKey, taskDefinitionKey),
        variables);
  }

  /**
   * The caller's own open task of the case, 409 when the case does not wait for the caller there: asked before a
   * step reads its input, as {@link #forCaller}.
   */
  public Task assignedTo(Authentication caller, String businessKey, String taskDefinitionKey) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskDefinitionKey)
        .taskAssignee(caller.getName())
        .active()
        .list()
        .stream()
        .findFirst()
        .orElseThrow(() -> new ConflictException("conflict.task.not-waiting"));
  }

  /** Names of the user tasks the case waits at, in any of its processes (what the people on it have to do). */
  public List<String> openNames(String businessKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).active().list().stream()
        .map(Task::getName)
        .toList();
  }

  /**
   * Completes the case's open task as the caller. 409 when the case is not waiting there or another person holds
   * the task (claimed or handed to them: TaskAssignments), 403 when the caller is not a candidate for it.
   */
  public void complete(
      Authentication caller,
      String businessKey,
      Map<String, Object> variables,
      String... taskDefinitionKeys) {
    Task task = forCaller(caller, businessKey, taskDefinitionKeys);
    completeAs(caller.getName(), groups(caller), task, variables);
  }

  /**
   * The case's open task, when the caller may complete it: 409 when the case is not waiting there or another
   * person holds it, 403 when the caller is not a candidate. A step asks this before it reads its input, so that
   * someone who may not act learns that first.
   */
  public Task forCaller(Authentication caller, String businessKey, String... taskDefinitionKeys) {
    Task task = open(businessKey, taskDefinitionKeys)
        .orElseThrow(() -> new ConflictException("conflict.task.not-waiting"));
    List<String> groups = groups(caller);
    if (tasks
            .createTaskQuery()
            .taskId(task.getId())
            .taskCandidateGroupIn(groups.isEmpty() ? List.of("-") : groups)
            .includeAssignedTasks()
            .count()
        == 0) {
      throw new ForbiddenException("forbidden.task.not-candidate");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(caller.getName())) {
      throw new ConflictException("conflict.task.held");
    }
    return task;
  }

  /**
   * A task someone else completed since it was found (a concurrent decision, or the same button pressed twice) is a
   * 409, as if it had not been waiting: the engine says so by not finding it, or, when the completion took the task's
   * authorizations along first, by refusing the caller a permission on a task that no longer exists.
   */
  private void completeAs(
      String user, List<String> groups, Task task, Map<String, Object> variables) {
    identity.setAuthentication(user, groups);
    try {
      tasks.complete(task.getId(), variables);
    } catch (NullValueException completedMeanwhile) {
      throw new ConflictException("conflict.task.not-waiting");
    } catch (AuthorizationException refused) {
      identity.clearAuthentication();
      if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
        throw new ConflictException("conflict.task.not-waiting");
      }
      throw refused;
    } finally {
      identity.clearAuthentication();
    }
  }

  public static List<String> groups(Authentication caller) {
    return Caller.of(caller).groups();
  }
}
