package vn.dondoc.app.camunda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Where a case stands in its BPMN processes (business key = case code): for each running process, the
 * model's XML and the activities it waits at; when none runs any more, the last one and where it ended.
 * Read by the engine without a user's authorizations: callers decide first whether the person may see
 * the case.
 */
@Component
public class ProcessDiagrams {

  /**
   * @param xml the BPMN XML of the process definition (for bpmn-js)
   * @param activityIds the activities to mark: where it waits, or its end event when ended
   * @param activityNames their names in the model (for readers without the diagram)
   */
  public record Diagram(
      String processName,
      String xml,
      List<String> activityIds,
      List<String> activityNames,
      boolean ended) {}

  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;

  ProcessDiagrams(RuntimeService runtime, HistoryService history, RepositoryService repository) {
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
  }

  public List<Diagram> of(String caseCode) {
    List<Diagram> diagrams = new ArrayList<>();
    for (ProcessInstance instance : runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseCode)
        .list()) {
      diagrams.add(diagram(
          instance.getProcessDefinitionId(),
          runtime.getActiveActivityIds(instance.getId()),
          false));
    }
    if (diagrams.isEmpty()) {
      history
          .createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(caseCode)
          .orderByProcessInstanceStartTime()
          .desc()
          .listPage(0, 1)
          .stream()
          .findFirst()
          .ifPresent(
              last -> diagrams.add(diagram(last.getProcessDefinitionId(), ended(last), true)));
    }
    return diagrams;
  }

  private static List<String> ended(HistoricProcessInstance instance) {
    return instance.getEndActivityId() == null ? List.of() : List.of(instance.getEndActivityId());
  }

  private Diagram diagram(String definitionId, List<String> activityIds, boolean ended) {
    ProcessDefinition definition = repository.getProcessDefinition(definitionId);
    BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
    List<String> names = activityIds.stream()
        .map(id -> {
          FlowElement element = model.getModelElementById(id);
          return element == null || element.getName() == null ? id : element.getName();
        })
        .distinct()
        .toList();
    String xml;
    try (InputStream in = repository.getProcessModel(definitionId)) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Diagram(
        definition.getName() == null ? definition.getKey() : definition.getName(),
        xml,
        List.copyOf(activityIds),
        names,
        ended);
  }
}
