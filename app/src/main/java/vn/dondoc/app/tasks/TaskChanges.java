package vn.dondoc.app.tasks;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import vn.dondoc.app.camunda.CaseKeys;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.search.Outbox;

/**
 * What every change to a task does besides its own update: the search projection learns of it
 * (version and outbox) and the audit log records who did what, in the same transaction.
 */
@Component
@EnableConfigurationProperties(TaskProperties.class)
public class TaskChanges {

  public static final String CASE_TYPE = "task";

  private final TaskRepository tasks;
  private final Outbox outbox;
  private final AuditLog audit;

  TaskChanges(TaskRepository tasks, Outbox outbox, AuditLog audit) {
    this.tasks = tasks;
    this.outbox = outbox;
    this.audit = audit;
  }

  /** The task the process works on (task lifecycle, evidence review, extension), by its business key (CaseKeys). */
  public long taskId(VariableScope scope) {
    return task(scope).id();
  }

  /** The same task's row. */
  public TaskRecord task(VariableScope scope) {
    String code = CaseKeys.caseCode(scope);
    return tasks
        .findByCaseCode(code)
        .orElseThrow(() -> new IllegalStateException("no task " + code));
  }

  /** The person completing the user task that led here, or none for timers. */
  public static String actor(DelegateExecution execution) {
    Authentication user =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  public void recorded(DelegateExecution execution, String action, Map<String, ?> detail) {
    recorded(taskId(execution), CaseKeys.caseCode(execution), action, actor(execution), detail);
  }

  /** Also bumps the task's version: what the search shows of it (its label, its reports) may have changed. */
  public void recorded(
      long taskId, String caseCode, String action, String actor, Map<String, ?> detail) {
    tasks.touch(taskId);
    outbox.enqueue(CASE_TYPE, taskId);
    audit.record(caseCode, action, actor, detail);
  }
}
