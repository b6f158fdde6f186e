package vn.dondoc.app.initiatives;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import vn.dondoc.app.camunda.CaseKeys;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.notifications.BilingualText;
import vn.dondoc.app.notifications.NotificationService;
import vn.dondoc.app.search.Outbox;

/** Outbox row and audit event for every change to an initiative, and notices to the innovator and experts. */
@Component
@EnableConfigurationProperties(InitiativeProperties.class)
class InitiativeChanges {

  static final String CASE_TYPE = "initiative";

  private final InitiativeRepository initiatives;
  private final Outbox outbox;
  private final AuditLog audit;
  private final NotificationService notifications;
  private final BilingualText texts;

  InitiativeChanges(
      InitiativeRepository initiatives,
      Outbox outbox,
      AuditLog audit,
      NotificationService notifications,
      BilingualText texts) {
    this.initiatives = initiatives;
    this.outbox = outbox;
    this.audit = audit;
    this.notifications = notifications;
    this.texts = texts;
  }

  /** The initiative the process works on, by its business key (CaseKeys), never by a variable. */
  long initiativeId(VariableScope scope) {
    String code = CaseKeys.caseCode(scope);
    return initiatives
        .findByCode(code)
        .orElseThrow(() -> new IllegalStateException("no initiative " + code))
        .id();
  }

  static String actor(DelegateExecution execution) {
    Authentication user =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  void recorded(DelegateExecution execution, String action, Map<String, ?> detail) {
    recorded(
        initiativeId(execution), CaseKeys.caseCode(execution), action, actor(execution), detail);
  }

  void recorded(long id, String caseCode, String action, String actor, Map<String, ?> detail) {
    outbox.enqueue(CASE_TYPE, id);
    if (caseCode != null) {
      audit.record(caseCode, action, actor, detail);
    }
  }

  void tell(String caseCode, String username, String kind, String key, Object... arguments) {
    BilingualText.Text text = texts.render(caseCode, key, arguments);
    notifications.notifyUser(caseCode, kind, username, text.subject(), text.body());
  }
}
