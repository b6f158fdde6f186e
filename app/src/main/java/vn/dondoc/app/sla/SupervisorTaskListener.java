package vn.dondoc.app.sla;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.dondoc.processes.FeedbackHandling;

/**
 * Escalation level 3 is reached when a stage's supervisor task (the user task its model's supervisor timer leads
 * to, {@link SlaStageDeclarations}) is created.
 * The models need not say so: this engine plugin gives every such user task a create listener when a
 * model is parsed. (Done here rather than where the still-open timer is scheduled, because that timer
 * is scheduled at the breach, days before the task exists, and a stage left in between has no task.)
 */
@Component
class SupervisorTaskListener extends AbstractProcessEnginePlugin {

  private final ObjectProvider<SlaEscalationService> escalation;
  private final SlaStageDeclarations stages;

  /** Looked up when a task is created: the engine, and so this plugin, exists before the escalation bean. */
  SupervisorTaskListener(
      ObjectProvider<SlaEscalationService> escalation, SlaStageDeclarations stages) {
    this.escalation = escalation;
    this.stages = stages;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        stages
            .stageOfSupervisorTask(
                ((ProcessDefinition) activity.getProcessDefinition()).getKey(), activity.getId())
            .ifPresent(stage -> {
              TaskListener created = task ->
                  escalation.getObject().supervisorTaskCreated(task.getProcessInstanceId(), stage);
              // the supervisor's note goes on the case's record (who, when, what they did about it)
              TaskListener completed = task -> {
                Authentication current =
                    task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
                Object note = task.getVariable(FeedbackHandling.Var.SUPERVISION_NOTE);
                escalation
                    .getObject()
                    .supervised(
                        task.getProcessInstanceId(),
                        stage,
                        current == null ? task.getAssignee() : current.getUserId(),
                        note == null ? null : note.toString());
              };
              UserTaskActivityBehavior behavior =
                  (UserTaskActivityBehavior) activity.getActivityBehavior();
              behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, created);
              behavior
                  .getTaskDefinition()
                  .addTaskListener(TaskListener.EVENTNAME_COMPLETE, completed);
            });
      }
    });
  }
}
