package vn.dondoc.app.camunda;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dondoc.app.agencies.AgencyGroups;

/**
 * Lets an agency's staff read one case's process instance (and so its variables in Tasklist) while
 * the case is theirs. Tasks themselves follow candidate groups; this is the case around them.
 */
@Component
public class CaseAccess {

  private static final Object GRANTED = CaseAccess.class.getName() + ".granted";

  private final AuthorizationService authorizations;

  CaseAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void grantAgency(String processInstanceId, String agencyCode) {
    String group = AgencyGroups.PREFIX + agencyCode;
    if (!firstInThisTransaction(processInstanceId + " " + group)
        || authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_INSTANCE)
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
    if (!firstInThisTransaction(processInstanceId + " user " + userId) || authorizations.createAuthorizationQuery().userIdIn(userId).resourceType(Resources.PROCESS_INSTANCE)
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

  /**
   * Whether this grant is asked for the first time in the current transaction. The query above does not
   * see a grant of the same engine command that is not yet flushed (a classification and the task it
   * creates), and a second insert would break the authorizations' unique key.
   */
  @SuppressWarnings("unchecked")
  private static boolean firstInThisTransaction(String grant) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return true;
    }
    Set<String> granted = (Set<String>) TransactionSynchronizationManager.getResource(GRANTED);
    if (granted == null) {
      granted = new HashSet<>();
      TransactionSynchronizationManager.bindResource(GRANTED, granted);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(GRANTED);
        }
      });
    }
    return granted.add(grant);
  }

  public void revokeAgency(String processInstanceId, String agencyCode) {
    authorizations.createAuthorizationQuery().groupIdIn(AgencyGroups.PREFIX + agencyCode)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
  }
}
