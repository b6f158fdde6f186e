package vn.dondoc.app.camunda;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.AgencyGroups;

/**
 * An agency asked to work on a case (a candidate group {@code agencies/<code>} or its leaders) may read
 * the case's process instance, so Tasklist shows the task's form with the case's values. Every user task
 * of every model gets this create listener when the model is parsed, so no model has to remember it
 * (a domain verifier's task, an expert agency's step). Runs as engine code: the grant is not subject to
 * the completing user's authorizations.
 */
@Component
class CandidateAgencyAccess extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseAccess> caseAccess;

  /** Looked up when a task is created: the engine, and so this plugin, exists before CaseAccess. */
  CandidateAgencyAccess(ObjectProvider<CaseAccess> caseAccess) {
    this.caseAccess = caseAccess;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener grant = task -> {
      Set<String> agencies = AgencyGroups.agencyCodes(task.getCandidates().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList());
      agencies.forEach(agency -> caseAccess.getObject().grantAgency(task.getProcessInstanceId(), agency));
    };
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, grant);
      }
    });
  }
}
