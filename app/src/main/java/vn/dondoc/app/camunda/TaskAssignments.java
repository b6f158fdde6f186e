package vn.dondoc.app.camunda;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.agencies.AgencyGroups;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.NotFoundException;

/**
 * Who holds a user task, the one way to change it (the engine's API is for admins only): a candidate claims an
 * open task or gives back their own; an agency leader hands a task of their own agency to another officer of it,
 * and the standing office one of its own tasks to another of its members, with a reason. Each change is in the
 * case's audit log (who, when, from whom, to whom, why). 404 for a task the caller may not see, 403 for a change
 * they may not make, 409 when the task's holder changed in the meantime.
 */
@Service
public class TaskAssignments {

  static final int REASON_MAX = 1000;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final AuditLog audit;

  TaskAssignments(
      TaskService tasks, RuntimeService runtime, IdentityService identity, AuditLog audit) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.audit = audit;
  }

  /** Who holds the task now (null: its candidates). */
  public record Holder(String taskId, String assignee) {}

  /** The caller takes an open task they are a candidate for. 409 when someone holds it already. */
  @Transactional
  public Holder claim(Authentication authentication, String taskId) {
    Caller caller = Caller.of(authentication);
    Task task = candidateTask(caller, taskId);
    if (caller.username().equals(task.getAssignee())) {
      return new Holder(taskId, task.getAssignee());
    }
    if (task.getAssignee() != null) {
      throw new ConflictException("conflict.task.held");
    }
    change(() -> tasks.claim(taskId, caller.username()));
    record(task, "TASK_CLAIMED", caller, null, caller.username(), null);
    return new Holder(taskId, caller.username());
  }

  /** The caller gives back a task they hold, to its candidates. 409 when it is not theirs (any more). */
  @Transactional
  public Holder unclaim(Authentication authentication, String taskId) {
    Caller caller = Caller.of(authentication);
    Task task = candidateTask(caller, taskId);
    if (!caller.username().equals(task.getAssignee())) {
      throw new ConflictException("conflict.task.not-held");
    }
    // a step the model gives one person by name (an expert's seat) has no candidates to give it
    // back to
    if (!canGiveBack(taskId)) {
      throw new ConflictException("conflict.work.personal");
    }
    change(() -> tasks.setAssignee(taskId, null));
    record(task, "TASK_UNCLAIMED", caller, caller.username(), null, null);
    return new Holder(taskId, null);
  }

  /**
   * Hands the task to {@code newAssignee}: an agency leader, for a task of their agency, to an officer or leader
   * of that agency who is a candidate for it (a leaders' step stays with leaders); the standing office, for one of
   * its tasks, to another member; the admin, any step of someone leaving, to another candidate. Anyone else: 403.
   */
  @Transactional
  public Holder reassign(
      Authentication authentication, String taskId, String newAssignee, String reason) {
    Caller caller = Caller.of(authentication);
    Task task = visibleTask(caller, taskId);
    String why = Inputs.text(reason, "reason", REASON_MAX);
    String to = Inputs.text(newAssignee, "assignee", 255);
    Set<String> candidateGroups = candidateGroups(taskId);
    Set<String> theirGroups = groupsOf(to);
    if (theirGroups.isEmpty()) {
      throw new InvalidFieldException("assignee", "validation.assignee.unknown");
    }
    boolean allowed = mayHandTo(caller, candidateGroups, theirGroups);
    if (!allowed) {
      throw new ForbiddenException("forbidden.task.reassign");
    }
    String from = task.getAssignee();
    if (to.equals(from)) {
      return new Holder(taskId, to);
    }
    change(() -> tasks.setAssignee(taskId, to));
    record(task, "TASK_REASSIGNED", caller, from, to, why);
    return new Holder(taskId, to);
  }

  /** A person the caller may hand a task to: user name and full name. */
  public record Colleague(String username, String name) {}

  /**
   * The people the caller may hand this task to (the members of its candidate groups whom {@link #reassign}
   * would accept), without the current holder; empty for a caller who may not reassign it.
   */
  public List<Colleague> colleagues(Authentication authentication, String taskId) {
    Caller caller = Caller.of(authentication);
    Task task = tasks.createTaskQuery().taskId(taskId).active().singleResult();
    if (task == null
        || !(caller.hasRole(Roles.AGENCY_LEADER)
            || caller.hasRole(Roles.STANDING_OFFICE)
            || caller.hasRole(Roles.ADMIN))) {
      return List.of();
    }
    Set<String> candidateGroups = candidateGroups(taskId);
    Map<String, Colleague> found = new LinkedHashMap<>();
    for (String group : candidateGroups) {
      for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
        if (!user.getId().equals(task.getAssignee())
            && !found.containsKey(user.getId())
            && mayHandTo(caller, candidateGroups, groupsOf(user.getId()))) {
          String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
                  + (user.getFirstName() == null ? "" : user.getFirstName()))
              .strip();
          found.put(
              user.getId(), new Colleague(user.getId(), name.isEmpty() ? user.getId() : name));
        }
      }
    }
    return List.copyOf(found.values());
  }

  /** Whether the task can go back to a group: a step the model gives one person by name has no candidates. */
  public boolean canGiveBack(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()));
  }

  /**
   * The rule of {@link #reassign}: the standing office hands its tasks among its members; an agency leader hands
   * the tasks of their own agency to an officer or leader of it who is a candidate (a leaders' step stays with leaders);
   * the admin any step to another of its candidates (an officer or leader for an agency's step).
   */
  private static boolean mayHandTo(
      Caller caller, Set<String> candidateGroups, Set<String> theirGroups) {
    // the admin hands over the steps of someone leaving (the people page) to another candidate of
    // the step
    if (caller.hasRole(Roles.ADMIN) && candidateGroups.stream().anyMatch(theirGroups::contains)) {
      Set<String> agencies = AgencyGroups.agencyCodes(candidateGroups);
      return agencies.isEmpty()
          || theirGroups.contains(Roles.AGENCY_OFFICER)
          || theirGroups.contains(Roles.AGENCY_LEADER);
    }
    if (candidateGroups.contains(Roles.STANDING_OFFICE)) {
      return caller.hasRole(Roles.STANDING_OFFICE) && theirGroups.contains(Roles.STANDING_OFFICE);
    }
    Set<String> agencies = AgencyGroups.agencyCodes(candidateGroups);
    return caller.hasRole(Roles.AGENCY_LEADER)
        && !agencies.isEmpty()
        && caller.agencies().containsAll(agencies)
        && candidateGroups.stream().anyMatch(theirGroups::contains)
        && (theirGroups.contains(Roles.AGENCY_OFFICER)
            || theirGroups.contains(Roles.AGENCY_LEADER));
  }

  private Set<String> groupsOf(String username) {
    return identity.createGroupQuery().groupMember(username).list().stream()
        .map(Group::getId)
        .collect(Collectors.toSet());
  }

  /** An open task the caller may work on (a candidate, in person or by group, or its holder); 404 otherwise. */
  private Task candidateTask(Caller caller, String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).active().singleResult();
    boolean candidate = task != null
        && (caller.username().equals(task.getAssignee())
            || tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (caller.username().equals(link.getUserId())
                        || caller.groups().contains(link.getGroupId()))));
    if (!candidate) {
      throw new NotFoundException("task.not-found");
    }
    return task;
  }

  /** An open task the caller is a candidate for or one the standing office or an agency leader steers; 404 otherwise. */
  private Task visibleTask(Caller caller, String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).active().singleResult();
    if (task == null) {
      throw new NotFoundException("task.not-found");
    }
    Set<String> candidateGroups = candidateGroups(taskId);
    boolean agencyTask =
        AgencyGroups.agencyCodes(candidateGroups).stream().anyMatch(caller.agencies()::contains);
    if (!caller.hasRole(Roles.ADMIN)
        && !agencyTask
        && candidateGroups.stream().noneMatch(caller.groups()::contains)) {
      throw new NotFoundException("task.not-found");
    }
    return task;
  }

  /** Someone else claimed, gave back or completed the task since it was read: 409, nothing changed. */
  private static void change(Runnable assignment) {
    try {
      assignment.run();
    } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
      throw new ConflictException("conflict.task.held");
    } catch (NullValueException e) {
      throw new ConflictException("conflict.task.not-waiting");
    }
  }

  private Set<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .collect(Collectors.toSet());
  }

  private void record(
      Task task, String action, Caller caller, String from, String to, String reason) {
    String caseCode = runtime
        .createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId())
        .singleResult()
        .getBusinessKey();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("step", task.getName());
    detail.put("taskDefinitionKey", task.getTaskDefinitionKey());
    detail.put("from", from);
    detail.put("to", to);
    detail.put("reason", reason);
    detail.values().removeIf(Objects::isNull);
    audit.record(caseCode, action, caller.username(), detail);
  }
}
