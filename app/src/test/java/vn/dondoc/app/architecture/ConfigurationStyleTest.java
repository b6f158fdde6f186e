package vn.dondoc.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.yaml.snakeyaml.Yaml;

/**
 * Settings are read in one style: typed {@code @ConfigurationProperties} records next to the code that uses them,
 * never {@code @Value}; and every {@code dondoc.*} key the YAML files set is one the configuration metadata (what
 * IDEs complete, written by spring-boot-configuration-processor from those records) knows, so that a typo or a
 * setting nobody reads is found here instead of being silently ignored.
 */
class ConfigurationStyleTest {

  private static final JavaClasses APP = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("vn.dondoc.app");

  @Test
  void noSettingIsReadThroughValue() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(Value.class)
        .because(
            "settings are typed @ConfigurationProperties records (CONTRIBUTING.md, \"Configuration\")")
        .check(APP);
  }

  @Test
  void everyDondocKeyOfTheYamlIsInTheMetadata() throws IOException {
    Set<String> known = new HashSet<>();
    Set<String> maps = new HashSet<>();
    Enumeration<URL> files =
        getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
    ObjectMapper json = new ObjectMapper();
    while (files.hasMoreElements()) {
      try (InputStream in = files.nextElement().openStream()) {
        for (JsonNode property : json.readTree(in).path("properties")) {
          String name = property.path("name").asText();
          known.add(name);
          if (property.path("type").asText().startsWith("java.util.Map")) {
            maps.add(name);
          }
        }
      }
    }
    assertThat(known)
        .as("metadata of the app's own records")
        .contains("dondoc.keycloak.url", "dondoc.public-base-url");

    Set<String> keys = new TreeSet<>();
    for (String file : List.of("application.yaml", "application-it.yaml")) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
        assertThat(in).as(file).isNotNull();
        for (Object document : new Yaml().loadAll(in)) {
          leaves("", document, keys);
        }
      }
    }
    Set<String> unknown = new TreeSet<>();
    for (String key : keys) {
      boolean inMap = maps.stream().anyMatch(map -> key.startsWith(map + "."));
      if (key.startsWith("dondoc.") && !known.contains(key) && !inMap) {
        unknown.add(key);
      }
    }
    assertThat(keys)
        .contains(
            "dondoc.feedback.letters.lease", "dondoc.sla.processes.feedback-handling.case-type");
    assertThat(unknown)
        .as("dondoc.* keys set in YAML that no @ConfigurationProperties record declares")
        .isEmpty();
  }

  private static void leaves(String prefix, Object node, Set<String> keys) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) ->
          leaves(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, keys));
    } else if (!prefix.isEmpty()) {
      keys.add(prefix);
    }
  }
}
