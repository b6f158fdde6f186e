package vn.dondoc.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The models open in Camunda Modeler as drawn: every flow node has a shape, every sequence flow an
 * edge with waypoints, shapes sit inside the sub-process that holds them and do not overlap their
 * siblings. The newer models also name every flow node.
 */
class ModelDiagramTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        FeedbackHandling.RESOURCE,
        EvidenceReview.RESOURCE,
        DeadlineExtension.RESOURCE,
        InitiativeSelection.RESOURCE
      })
  void everyElementIsDrawn(String resource) throws Exception {
    BpmnModelInstance model = read(resource);
    Map<String, Bounds> shapes = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBpmnElement() != null) {
        shapes.put(shape.getBpmnElement().getId(), shape.getBounds());
      }
    }
    Map<String, BpmnEdge> edges = new HashMap<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() != null) {
        edges.put(edge.getBpmnElement().getId(), edge);
      }
    }

    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(shapes).as("%s: shape of %s", resource, node.getId()).containsKey(node.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(edges).as("%s: edge of %s", resource, flow.getId()).containsKey(flow.getId());
      assertThat(edges.get(flow.getId()).getWaypoints())
          .as("%s: waypoints of %s", resource, flow.getId())
          .hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        FeedbackHandling.RESOURCE,
        EvidenceReview.RESOURCE,
        DeadlineExtension.RESOURCE,
        InitiativeSelection.RESOURCE
      })
  void everyProcessIsExecutableWithAHistoryTimeToLive(String resource) throws Exception {
    for (Process process : read(resource).getModelElementsByType(Process.class)) {
      assertThat(process.isExecutable())
          .as("%s: %s is executable", resource, process.getId())
          .isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString())
          .as("%s: history time to live", resource)
          .isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {EvidenceReview.RESOURCE, DeadlineExtension.RESOURCE, InitiativeSelection.RESOURCE})
  void everyFlowNodeHasAName(String resource) throws Exception {
    for (FlowNode node : read(resource).getModelElementsByType(FlowNode.class)) {
      assertThat(node.getName()).as("%s: name of %s", resource, node.getId()).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {EvidenceReview.RESOURCE, DeadlineExtension.RESOURCE, InitiativeSelection.RESOURCE})
  void shapesSitInsideTheirSubProcessAndDoNotOverlap(String resource) throws Exception {
    BpmnModelInstance model = read(resource);
    Map<String, Bounds> shapes = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      shapes.put(shape.getBpmnElement().getId(), shape.getBounds());
    }
    List<BaseElement> containers = new ArrayList<>(model.getModelElementsByType(Process.class));
    containers.addAll(model.getModelElementsByType(SubProcess.class));
    for (BaseElement container : containers) {
      List<FlowNode> children = new ArrayList<>();
      for (FlowElement element : flowElementsOf(container)) {
        if (element instanceof FlowNode node && !(node instanceof BoundaryEvent)) {
          children.add(node);
        }
      }
      for (int i = 0; i < children.size(); i++) {
        Bounds a = shapes.get(children.get(i).getId());
        if (container instanceof SubProcess) {
          assertThat(inside(a, shapes.get(container.getId())))
              .as("%s: %s lies inside %s", resource, children.get(i).getId(), container.getId())
              .isTrue();
        }
        for (int j = i + 1; j < children.size(); j++) {
          Bounds b = shapes.get(children.get(j).getId());
          assertThat(overlap(a, b))
              .as(
                  "%s: %s overlaps %s",
                  resource, children.get(i).getId(), children.get(j).getId())
              .isFalse();
        }
      }
    }
  }

  private static Collection<FlowElement> flowElementsOf(BaseElement container) {
    return container instanceof Process process
        ? process.getFlowElements()
        : ((SubProcess) container).getFlowElements();
  }

  private static boolean inside(Bounds inner, Bounds outer) {
    return inner.getX() >= outer.getX()
        && inner.getY() >= outer.getY()
        && inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
        && inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight();
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth()
        && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight()
        && b.getY() < a.getY() + a.getHeight();
  }

  private static BpmnModelInstance read(String resource) throws Exception {
    try (InputStream in = ModelDiagramTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      Bpmn.validateModel(model);
      return model;
    }
  }
}
