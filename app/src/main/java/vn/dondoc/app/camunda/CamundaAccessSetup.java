package vn.dondoc.app.camunda;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import vn.dondoc.app.security.Roles;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;

/**
 * Camunda authorizations that let staff use Tasklist: access to the app, to task filters, to process
 * definitions (diagram and forms) and to user and group names. Which tasks each person sees still
 * follows the candidate groups in the models. Idempotent, and safe when two nodes start together.
 */
@Component
class CamundaAccessSetup {

  private static final Logger log = LoggerFactory.getLogger(CamundaAccessSetup.class);

  static final List<String> TASKLIST_GROUPS = List.of(Roles.STANDING_OFFICE, Roles.AGENCY_OFFICER, Roles.AGENCY_LEADER,
      Roles.REVIEWER, Roles.EXPERT, Roles.SUPERVISOR);

  static final String STAFF_FILTER = "Việc của tôi và nhóm";

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  CamundaAccessSetup(AuthorizationService authorizations, FilterService filters, TaskService tasks) {
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  /**
   * The Tasklist filter staff start from. Its query is empty on purpose: with authorization on, each
   * person sees exactly the tasks of their candidate groups and their own. The list shows the case
   * code and title, because every classification task has the same name.
   */
  @EventListener(ApplicationReadyEvent.class)
  void ensureStaffFilter() {
    Filter filter = filters.createTaskFilterQuery().filterName(STAFF_FILTER).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(STAFF_FILTER).setQuery(tasks.createTaskQuery().orderByTaskCreateTime().asc());
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put("description", "Công việc giao cho tôi hoặc nhóm của tôi, cũ nhất trước");
    properties.put("priority", -10);
    properties.put("variables", List.of(
        Map.of("name", Var.CASE_CODE, "label", "Mã hồ sơ"),
        Map.of("name", Var.TITLE, "label", "Tiêu đề")));
    filters.saveFilter(filter.setProperties(properties));
  }

  @EventListener(ApplicationReadyEvent.class)
  void grantStaffAccess() {
    for (String group : TASKLIST_GROUPS) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.FILTER, ANY, Permissions.READ);
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(group, Resources.USER, ANY, Permissions.READ);
      grant(group, Resources.GROUP, ANY, Permissions.READ);
    }
    // Oversight sees every case (as in search), so it may read all instances and their variables,
    // which Tasklist needs to show case code and title in the task list.
    for (String group : List.of(Roles.STANDING_OFFICE, Roles.SUPERVISOR, Roles.REVIEWER)) {
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_INSTANCE);
    }
    // The standing office types in feedback received by letter or phone: Tasklist's "Start process" with the
    // start form (FeedbackIntake makes the record of it).
    grant(Roles.STANDING_OFFICE, Resources.PROCESS_DEFINITION, FeedbackHandling.PROCESS_KEY, Permissions.CREATE_INSTANCE);
    grant(Roles.STANDING_OFFICE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(Roles.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Roles.SUPERVISOR, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).singleResult();
    try {
      if (existing == null) {
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
      } else if (!existing.isPermissionGranted(permission)) {
        existing.addPermission(permission);
        authorizations.saveAuthorization(existing);
      }
    } catch (DataIntegrityViolationException | org.camunda.bpm.engine.ProcessEngineException e) {
      // Usually another node granting the same at the same moment; theirs is as good as ours.
      log.info("Could not grant {} on {} {} ({}); checked again at the next start", groupId, resource.resourceName(),
          resourceId, e.getMessage());
    }
  }
}
