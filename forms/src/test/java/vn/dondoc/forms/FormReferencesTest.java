package vn.dondoc.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dondoc.processes.DeadlineExtension;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.TaskLifecycle;

/**
 * Keeps models and forms in step: a user task that names a form must find it, and a form may only
 * read and write variables that the process contract declares.
 */
class FormReferencesTest {

  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every process contract class; a new process adds its own here. */
  private static final List<Class<?>> CONTRACTS = List.of(
      FeedbackHandling.class,
      TaskLifecycle.class,
      EvidenceReview.class,
      DeadlineExtension.class,
      InitiativeSelection.class);

  private static Map<String, JsonNode> formsById;

  @BeforeAll
  static void loadForms() throws IOException, URISyntaxException {
    formsById = new HashMap<>();
    Path formsDir = Path.of(FormReferencesTest.class.getResource("/forms").toURI());
    try (Stream<Path> files = Files.list(formsDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        assertThat(formsById.put(form.path("id").asText(), form))
            .as("form id %s is used by two files", form.path("id").asText())
            .isNull();
      }
    }
  }

  @Test
  void everyFormRefInTheModelsResolvesToAForm() throws IOException {
    for (String bpmn : modelResources()) {
      for (String ref : formRefsOf(bpmn)) {
        assertThat(formsById).as("%s refers to form %s", bpmn, ref).containsKey(ref);
      }
    }
  }

  @Test
  void everyFormIsUsedByAModel() throws IOException {
    Set<String> referenced = new HashSet<>();
    for (String bpmn : modelResources()) {
      referenced.addAll(formRefsOf(bpmn));
    }
    assertThat(referenced).containsAll(formsById.keySet());
  }

  @Test
  void everyFieldKeyIsAVariableOfTheProcessContract() throws IllegalAccessException {
    Set<String> variables = contractVariables();
    formsById.forEach((id, form) -> {
      for (String key : keysOf(form)) {
        assertThat(variables).as("form %s binds unknown variable '%s'", id, key).contains(key);
      }
    });
  }

  @Test
  void formsTargetTheEngineWeRunAndHaveVietnameseLabels() {
    formsById.forEach((id, form) -> {
      assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
      assertThat(form.path("schemaVersion").asInt())
          .as("form-js 1.8 in Tasklist reads schema 16")
          .isLessThanOrEqualTo(16);
      form.path("components").forEach(c -> {
        if (c.has("key")) {
          assertThat(c.path("label").asText())
              .as("label of %s.%s", id, c.path("key").asText())
              .isNotBlank();
        }
      });
    });
  }

  private static List<String> modelResources() {
    List<String> resources = new ArrayList<>();
    for (Class<?> contract : CONTRACTS) {
      try {
        resources.add((String) contract.getField("RESOURCE").get(null));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(
            contract.getSimpleName() + " must declare RESOURCE, the path of its model", e);
      }
    }
    return resources;
  }

  private static List<String> formRefsOf(String bpmnResource) throws IOException {
    try (InputStream in =
        FormReferencesTest.class.getClassLoader().getResourceAsStream(bpmnResource)) {
      assertThat(in).as(bpmnResource).isNotNull();
      Matcher matcher =
          FORM_REF.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      List<String> refs = new ArrayList<>();
      while (matcher.find()) {
        refs.add(matcher.group(1));
      }
      return refs;
    }
  }

  private static List<String> keysOf(JsonNode form) {
    List<String> keys = new ArrayList<>();
    form.path("components").forEach(c -> {
      if (c.has("key")) {
        keys.add(c.get("key").asText());
      }
    });
    return keys;
  }

  private static Set<String> contractVariables() throws IllegalAccessException {
    Set<String> names = new HashSet<>();
    for (Class<?> contract : CONTRACTS) {
      for (Class<?> nested : contract.getDeclaredClasses()) {
        if (!nested.getSimpleName().equals("Var")) {
          continue;
        }
        for (Field field : nested.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
            names.add((String) field.get(null));
          }
        }
      }
    }
    return names;
  }
}
