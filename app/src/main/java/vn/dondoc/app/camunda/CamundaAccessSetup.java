package vn.dondoc.app.camunda;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import vn.dondoc.app.security.Roles;

/**
 * Camunda authorizations: the engine's API and webapps belong to the admin group alone (SecurityConfig keeps
 * everyone else out of /engine-rest and /camunda). Staff work through Dondoc's pages and API, which write only
 * what a step declares, so no staff role holds a grant on the engine's resources: the Tasklist grants and the
 * staff filter that earlier versions made are removed at start. Idempotent, and safe when two nodes start together.
 */
@Component
class CamundaAccessSetup {

  private static final Logger log = LoggerFactory.getLogger(CamundaAccessSetup.class);

  /** The roles that held Tasklist (and, for the supervisor, Cockpit) grants before the engine was closed to them. */
  static final List<String> FORMER_TASKLIST_GROUPS = List.of(
      Roles.STANDING_OFFICE,
      Roles.AGENCY_OFFICER,
      Roles.AGENCY_LEADER,
      Roles.REVIEWER,
      Roles.EXPERT,
      Roles.SUPERVISOR);

  static final String FORMER_STAFF_FILTER = "Việc của tôi và nhóm";

  private final AuthorizationService authorizations;
  private final FilterService filters;

  CamundaAccessSetup(AuthorizationService authorizations, FilterService filters) {
    this.authorizations = authorizations;
    this.filters = filters;
  }

  /**
   * Every permission on every resource for the admin group. The engine's admin groups (CamundaIdentityConfig)
   * pass its own checks, but the webapps ask for application access with isUserAuthorized, which reads grants
   * only: without these an admin could not open Cockpit, Tasklist or Admin.
   */
  @EventListener(ApplicationReadyEvent.class)
  void grantAdminEverything() {
    for (Resource resource : Resources.values()) {
      try {
        if (authorizations
                .createAuthorizationQuery()
                .groupIdIn(Roles.ADMIN)
                .resourceType(resource)
                .resourceId(ANY)
                .count()
            == 0) {
          Authorization all = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          all.setGroupId(Roles.ADMIN);
          all.setResource(resource);
          all.setResourceId(ANY);
          all.addPermission(Permissions.ALL);
          authorizations.saveAuthorization(all);
        }
      } catch (DataIntegrityViolationException | ProcessEngineException e) {
        // Usually another node granting the same at the same moment; theirs is as good as ours.
        log.info(
            "Could not grant {} all on {} ({}); checked again at the next start",
            Roles.ADMIN,
            resource.resourceName(),
            e.getMessage());
      }
    }
  }

  /** Removes the staff roles' grants on whole resource types and the staff's Tasklist filter. */
  @EventListener(ApplicationReadyEvent.class)
  void revokeStaffEngineAccess() {
    authorizations
        .createAuthorizationQuery()
        .groupIdIn(FORMER_TASKLIST_GROUPS.toArray(String[]::new))
        .list()
        .stream()
        .filter(grant -> ANY.equals(grant.getResourceId()))
        .forEach(grant -> quietly(() -> authorizations.deleteAuthorization(grant.getId())));
    filters
        .createTaskFilterQuery()
        .filterName(FORMER_STAFF_FILTER)
        .list()
        .forEach(filter -> quietly(() -> filters.deleteFilter(filter.getId())));
  }

  /** Another node may have removed it first. */
  private static void quietly(Runnable removal) {
    try {
      removal.run();
    } catch (ProcessEngineException e) {
      log.info("Already removed by another node ({})", e.getMessage());
    }
  }
}
