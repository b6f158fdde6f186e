package vn.dondoc.app.camunda;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import vn.dondoc.app.security.Roles;

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

  private final AuthorizationService authorizations;

  CamundaAccessSetup(AuthorizationService authorizations) {
    this.authorizations = authorizations;
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
    grant(Roles.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Roles.SUPERVISOR, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
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
