package vn.dondoc.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import vn.dondoc.app.forms.StepForm;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.NotFoundException;
import vn.dondoc.processes.InitiativeSelection;

/**
 * Doing one step in the workspace: what its page shows (the step's form with the case's values and the
 * server's lists) and its completion, checked against the form before the engine sees anything. Only
 * someone the step is offered to may open or complete it; another person's step, or one already done,
 * is "not found" or a conflict, never a 500.
 */
@Service
public class StepWork {

  private final MyWork work;
  private final StepForms forms;
  private final StepOptions options;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;

  StepWork(
      MyWork work,
      StepForms forms,
      StepOptions options,
      TaskService tasks,
      RuntimeService runtime,
      IdentityService identity) {
    this.work = work;
    this.forms = forms;
    this.options = options;
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** A step as its page needs it. */
  public record Step(
      Task task,
      String caseCode,
      StepForm form,
      JsonNode schema,
      Map<String, Object> data,
      Map<String, List<StepForm.Option>> options) {}

  public Step open(Authentication caller, String taskId) {
    Task task = work.find(Caller.of(caller), taskId)
        .orElseThrow(() -> new NotFoundException("work.step.not-found"));
    String caseCode = runtime
        .createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId())
        .singleResult()
        .getBusinessKey();
    String formKey =
        task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
    StepForm form =
        forms.byId(formKey).orElseThrow(() -> new NotFoundException("work.step.no-form"));
    Map<String, List<StepForm.Option>> lists = options.of(form, caseCode);
    return new Step(task, caseCode, form, form.schema(lists), data(task, form), lists);
  }

  /** The experts who may not sit on the panel, with why (the panel step's page lists them). */
  public List<String> excludedExperts(Step step) {
    return step.form().keys().contains(InitiativeSelection.Var.PANEL_TEXT)
        ? options.excludedExperts(step.caseCode())
        : List.of();
  }

  /**
   * Completes the step with what the page sent: checked against the step's form (all problems at once,
   * 400), then written as the caller with only the variables the form declares writable. Returns the step's name.
   */
  public String complete(Authentication caller, String taskId, Map<String, Object> submitted) {
    Step step;
    try {
      step = open(caller, taskId);
    } catch (NotFoundException e) {
      // done meanwhile (by a colleague, or a double click) or never offered to the caller
      if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
        throw new ConflictException("conflict.work.done");
      }
      throw e;
    }
    String assignee = step.task().getAssignee();
    if (assignee != null && !assignee.equals(caller.getName())) {
      throw new ConflictException("conflict.task.held");
    }
    Map<String, Object> variables = step.form().validate(submitted, step.data(), step.options());
    identity.setAuthentication(caller.getName(), Caller.of(caller).groups());
    try {
      tasks.complete(taskId, variables);
    } catch (NullValueException | OptimisticLockingException e) {
      throw new ConflictException("conflict.work.done");
    } catch (BadUserRequestException e) {
      if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
        throw new ConflictException("conflict.work.done");
      }
      throw e;
    } finally {
      identity.clearAuthentication();
    }
    return step.task().getName();
  }

  /** The values the form shows: the step's variables by the form's keys, as form-js reads them. */
  private Map<String, Object> data(Task task, StepForm form) {
    Map<String, Object> values = tasks.getVariables(task.getId(), form.keys());
    Map<String, Object> data = new LinkedHashMap<>();
    for (StepForm.Field field : form.fields()) {
      Object value = values.get(field.key());
      if (value == null) {
        continue;
      }
      if (("taglist".equals(field.type()) || "checklist".equals(field.type()))
          && !(value instanceof Collection<?>)) {
        value = Arrays.stream(value.toString().split("[,;\\s]+"))
            .filter(s -> !s.isBlank())
            .toList();
      } else if (value instanceof java.util.Date date) {
        value = date.toInstant().toString();
      }
      data.put(field.key(), value);
    }
    return data;
  }
}
