package vn.dondoc.processes.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dondoc.processes.TaskLifecycle;

/** The model opens in Camunda Modeler as drawn: every element has its shape or edge, and a Vietnamese name. */
class TaskLifecycleDiagramTest {

  private static BpmnModelInstance model;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in = TaskLifecycleDiagramTest.class
        .getClassLoader()
        .getResourceAsStream(TaskLifecycle.RESOURCE)) {
      assertThat(in).as(TaskLifecycle.RESOURCE).isNotNull();
      model = Bpmn.readModelFromStream(in);
    }
    Bpmn.validateModel(model);
  }

  @Test
  void theProcessIsExecutableWithAHistoryTimeToLive() {
    Process process = model.getModelElementById(TaskLifecycle.PROCESS_KEY);
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
  }

  @Test
  void everyFlowNodeHasAShape() {
    Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId())
        .collect(Collectors.toSet());
    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    assertThat(nodes).hasSizeGreaterThan(40);
    assertThat(nodes)
        .allSatisfy(
            node -> assertThat(drawn).as("shape of %s", node.getId()).contains(node.getId()));
  }

  @Test
  void everySequenceFlowHasAnEdgeWithWaypoints() {
    Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
    Set<String> drawn =
        edges.stream().map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
    assertThat(model.getModelElementsByType(SequenceFlow.class))
        .allSatisfy(
            flow -> assertThat(drawn).as("edge of %s", flow.getId()).contains(flow.getId()));
    assertThat(edges)
        .allSatisfy(edge -> assertThat(edge.getWaypoints())
            .as("waypoints of %s", edge.getId())
            .hasSizeGreaterThanOrEqualTo(2));
  }

  @Test
  void everyFlowNodeHasAVietnameseName() {
    assertThat(model.getModelElementsByType(FlowNode.class))
        .allSatisfy(
            node -> assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank());
    assertThat(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getName))
        .as("written with diacritics")
        .anyMatch(name -> name.contains("nhiệm vụ"));
  }
}
