package vn.dondoc.processes.sla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * An SLA stage as its model declares it, once: the subprocess that carries the Camunda extension property
 * {@value #PROPERTY} (its value is the stage, a row of {@code sla_policy}). Everything else is read from
 * inside that subprocess: its timers are the timer events whose expression asks {@link SlaClocks} (which
 * instant each one is, {@link SlaTimer}, is what it asks for), and its supervisor tasks are the user tasks
 * its supervisor timer leads to. The app moves those timers when a clock pauses or resumes and escalates
 * when such a task is created; no activity id follows a naming rule.
 *
 * @param processKey the model's process definition key
 * @param stage the stage's name, as the models pass it to the clocks
 * @param scopeId the activity id of the stage's subprocess
 * @param timers the activity id of each timer event in the stage, with what it waits for
 * @param supervisorTasks the activity ids of the user tasks the supervisor timer leads to
 */
public record SlaStageDeclaration(
    String processKey,
    String stage,
    String scopeId,
    Map<String, SlaTimer> timers,
    List<String> supervisorTasks) {

  /** The extension property that makes a subprocess an SLA stage (Camunda Modeler: Extensions, Properties). */
  public static final String PROPERTY = "dondoc.slaStage";

  /** Every stage declared in a model, in document order. */
  public static List<SlaStageDeclaration> in(BpmnModelInstance model) {
    List<SlaStageDeclaration> stages = new ArrayList<>();
    for (SubProcess scope : model.getModelElementsByType(SubProcess.class)) {
      String stage = property(scope, PROPERTY);
      if (stage != null) {
        stages.add(read(model, processOf(scope).getId(), stage, scope));
      }
    }
    return stages;
  }

  private static SlaStageDeclaration read(
      BpmnModelInstance model, String processKey, String stage, SubProcess scope) {
    Map<String, SlaTimer> timers = new LinkedHashMap<>();
    List<String> supervisorTasks = new ArrayList<>();
    for (TimerEventDefinition definition :
        model.getModelElementsByType(TimerEventDefinition.class)) {
      if (!within(definition, scope) || definition.getTimeDate() == null) {
        continue;
      }
      SlaTimer.of(definition.getTimeDate().getTextContent()).ifPresent(call -> {
        Event event = (Event) definition.getParentElement();
        timers.put(event.getId(), call.timer());
        if (call.timer() == SlaTimer.SUPERVISOR) {
          ((FlowNode) event)
              .getSucceedingNodes()
              .filterByType(UserTask.class)
              .list()
              .forEach(task -> supervisorTasks.add(task.getId()));
        }
      });
    }
    return new SlaStageDeclaration(
        processKey, stage, scope.getId(), Map.copyOf(timers), List.copyOf(supervisorTasks));
  }

  /** The value of a Camunda extension property of the element, or null. */
  static String property(BaseElement element, String name) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    for (CamundaProperties properties : element
        .getExtensionElements()
        .getElementsQuery()
        .filterByType(CamundaProperties.class)
        .list()) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (name.equals(property.getCamundaName())) {
          return property.getCamundaValue();
        }
      }
    }
    return null;
  }

  private static boolean within(ModelElementInstance element, ModelElementInstance ancestor) {
    for (ModelElementInstance e = element.getParentElement(); e != null; e = e.getParentElement()) {
      if (e.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance e = element;
    while (!(e instanceof Process)) {
      e = e.getParentElement();
    }
    return (Process) e;
  }
}
