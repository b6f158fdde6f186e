package vn.dondoc.app.camunda;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.AgencyGroups;

/**
 * Lets an agency's staff read one case's process instance (and so its variables in Tasklist) while
 * the case is theirs. Tasks themselves follow candidate groups; this is the case around them.
 */
@Component
public class CaseAccess {

  private final AuthorizationService authorizations;

  CaseAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void grantAgency(String processInstanceId, String agencyCode) {
    String group = AgencyGroups.PREFIX + agencyCode;
    if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId).count() > 0) {
      return;
    }
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(processInstanceId);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }

  /** Lets one person (an expert on a panel) read the case's process instance, as Tasklist's forms need. */
  public void grantUser(String processInstanceId, String userId) {
    if (authorizations.createAuthorizationQuery().userIdIn(userId).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId).count() > 0) {
      return;
    }
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(processInstanceId);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }

  public void revokeAgency(String processInstanceId, String agencyCode) {
    authorizations.createAuthorizationQuery().groupIdIn(AgencyGroups.PREFIX + agencyCode)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
  }
}
