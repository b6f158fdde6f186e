package vn.dondoc.app.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Which case a process works on, as the app's delegates and listeners must read it: the process instance's
 * business key, the case code the app gave the process when it started it, never a process variable (a
 * variable is a hint for routing in the model; whoever could write one must not thereby change which case a
 * step touches). The capabilities look the case's row up by this code.
 */
public final class CaseKeys {

  private CaseKeys() {}

  /** The case code of the process the execution or task belongs to. */
  public static String caseCode(VariableScope scope) {
    String code;
    if (scope instanceof DelegateTask task) {
      code = task.getExecution().getProcessBusinessKey();
    } else if (scope instanceof DelegateExecution execution) {
      code = execution.getProcessBusinessKey();
    } else {
      throw new IllegalArgumentException("not an execution or a task: " + scope);
    }
    if (code == null) {
      throw new IllegalStateException("process without a business key: " + scope);
    }
    return code;
  }
}
