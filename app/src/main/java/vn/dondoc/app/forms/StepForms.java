package vn.dondoc.app.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.dondoc.app.web.FieldProblems;

/**
 * Every step form of the models ({@code forms/*.form} from the module forms), parsed once at start. A
 * form the workspace cannot render and check exactly (an unknown field type or condition) stops the
 * start, so it is found by the first test rather than by the person at that step.
 */
@Component
public class StepForms {

  private final Map<String, StepForm> byId;

  public StepForms(ObjectMapper json) {
    this.byId = load(json);
  }

  public Optional<StepForm> byId(String formId) {
    return Optional.ofNullable(byId.get(formId));
  }

  public Collection<StepForm> all() {
    return byId.values();
  }

  /** A form the app's own code names (a contract constant): its absence is a build error, not a user's. */
  public StepForm form(String formId) {
    return byId(formId)
        .orElseThrow(() -> new IllegalStateException("form " + formId + " is not deployed"));
  }

  /**
   * The variables a step's form lets the caller write, every problem reported at once. A key the form does not
   * let the caller write is refused ({@code work.form.not-on-form}), not ignored: an API client learns that its
   * field went nowhere.
   */
  public Map<String, Object> checked(String formId, Map<String, ?> submitted) {
    return checked(formId, submitted, Map.of());
  }

  /** As {@link #checked(String, Map)}, with choice lists the server supplies (agencies, experts) by key. */
  public Map<String, Object> checked(
      String formId, Map<String, ?> submitted, Map<String, List<StepForm.Option>> options) {
    StepForm form = form(formId);
    FieldProblems problems = new FieldProblems();
    submitted.keySet().stream()
        .filter(key -> !form.writableKeys().contains(key))
        .forEach(key -> problems.add(key, "work.form.not-on-form"));
    problems.throwIfAny();
    return form.validate(new HashMap<String, Object>(submitted), Map.of(), options);
  }

  private static Map<String, StepForm> load(ObjectMapper json) {
    Map<String, StepForm> forms = new LinkedHashMap<>();
    try {
      for (Resource resource :
          new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = resource.getInputStream()) {
          JsonNode schema = json.readTree(in);
          StepForm form = new StepForm(schema);
          forms.put(form.id(), form);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(forms);
  }
}
