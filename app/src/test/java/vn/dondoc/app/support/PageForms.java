package vn.dondoc.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * What a page template sends for a step it lays out itself, read from the template's source: the names of the
 * inputs written out ({@code name="acknowledgeNote"}) and of the step-form fields it hands to the fragments of
 * staff/decision-form ({@code field('reviewDecision')}), within one element. For the agreement tests: a page
 * sends exactly the fields its step's .form lets the person write.
 */
public final class PageForms {

  private static final Pattern NAME = Pattern.compile(
      "<(?:input|textarea|select)[^>]*\\bname=\"([^\"]+)\"|\\bfield\\('([^']+)'\\)");

  private PageForms() {}

  public static String template(String path) {
    try (InputStream in =
        PageForms.class.getClassLoader().getResourceAsStream("templates/" + path)) {
      assertThat(in).as("template %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The field names inside the page's {@code <form id="formId">}. */
  public static List<String> inForm(String page, String formId) {
    return namesIn(page, "<form[^>]*\\bid=\"" + formId + "\"[^>]*>(.*?)</form>", "form #" + formId);
  }

  /** The field names inside the page's {@code <div data-form="formId">} (one step's part of a form). */
  public static List<String> inStep(String page, String formId) {
    return namesIn(
        page,
        "<div[^>]*\\bdata-form=\"" + formId + "\"[^>]*>(.*?)</div>",
        "div[data-form=" + formId + "]");
  }

  /** The Camunda Form a model's user task names. */
  public static String formRef(String bpmnResource, String userTaskId) {
    try (InputStream in = PageForms.class.getClassLoader().getResourceAsStream(bpmnResource)) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      return model.<UserTask>getModelElementById(userTaskId).getCamundaFormRef();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> namesIn(String page, String element, String what) {
    Matcher found = Pattern.compile(element, Pattern.DOTALL).matcher(page);
    assertThat(found.find()).as("the page has %s", what).isTrue();
    List<String> names = new ArrayList<>();
    Matcher name = NAME.matcher(found.group(1));
    while (name.find()) {
      String field = name.group(1) != null ? name.group(1) : name.group(2);
      if (!names.contains(field)) {
        names.add(field);
      }
    }
    return names;
  }
}
