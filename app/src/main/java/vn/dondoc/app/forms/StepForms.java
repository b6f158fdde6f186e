package vn.dondoc.app.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

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

  private static Map<String, StepForm> load(ObjectMapper json) {
    Map<String, StepForm> forms = new LinkedHashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
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
