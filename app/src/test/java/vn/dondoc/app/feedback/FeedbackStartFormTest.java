package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.agencies.ReferenceDataSeed;
import vn.dondoc.app.cases.CodedValue;

/**
 * The feedback start form is one definition for Tasklist and the portal: its lists are the API's lists,
 * each of its keys fills a field of the API, and each of its texts has an English translation.
 */
class FeedbackStartFormTest {

  private static JsonNode form;
  private static Properties english;
  private static Properties vietnamese;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = FeedbackStartFormTest.class
        .getClassLoader()
        .getResourceAsStream(FeedbackStartForm.RESOURCE)) {
      assertThat(in).as(FeedbackStartForm.RESOURCE).isNotNull();
      form = new ObjectMapper().readTree(in);
    }
    english = properties("messages.properties");
    vietnamese = properties("messages_vi.properties");
  }

  @Test
  void itsListsAreTheApisListsAsTasklistShowsThem() {
    assertThat(options("feedbackType")).isEqualTo(labelled(FeedbackType.values()));
    assertThat(options("field")).isEqualTo(labelled(FeedbackField.values()));
    Map<String, String> localities = new LinkedHashMap<>();
    ReferenceDataSeed.rows("/db/seed/localities.csv")
        .forEach(row -> localities.put(row.get(0), row.get(1)));
    assertThat(options("locality")).isEqualTo(localities);
  }

  @Test
  void eachKeyFillsAFieldOfTheApiAndEachFieldOfTheApiHasAKey() {
    assertThat(FeedbackStartForm.API_FIELDS.keySet()).containsExactlyInAnyOrderElementsOf(keys());
    Set<String> apiFields = new TreeSet<>();
    Arrays.stream(FeedbackSubmission.class.getRecordComponents())
        .map(c -> c.getName())
        .filter(name -> !name.equals("contact") && !name.equals("attachments"))
        .forEach(apiFields::add);
    Arrays.stream(FeedbackSubmission.Contact.class.getRecordComponents())
        .map(c -> "contact." + c.getName())
        .forEach(apiFields::add);
    assertThat(new TreeSet<>(FeedbackStartForm.API_FIELDS.values())).isEqualTo(apiFields);
    assertThat(FeedbackStartForm.API_ERROR_FIELDS.values()).allMatch(keys()::contains);
  }

  @Test
  void everyTextOfTheFormHasAnEnglishTranslation() {
    List<String> missing = new ArrayList<>();
    for (JsonNode c : form.path("components")) {
      for (String property : List.of("label", "description")) {
        if (c.hasNonNull(property) && c.has("key")) {
          String key = FeedbackStartForm.MESSAGE_PREFIX + c.get("key").asText() + "." + property;
          String text = english.getProperty(key);
          if (text == null || text.isBlank()) {
            missing.add(key);
          } else {
            assertThat(text)
                .as("%s is English", key)
                .doesNotContainPattern("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]");
            assertThat(text)
                .as("%s translates the form's text", key)
                .isNotEqualTo(c.get(property).asText());
          }
        }
      }
      assertThat(c.has("text"))
          .as("a text component %s would need a translation too", c.path("id").asText())
          .isFalse();
    }
    assertThat(missing).as("English texts missing from messages.properties").isEmpty();
    assertThat(vietnamese.stringPropertyNames())
        .as("Vietnamese is the form itself")
        .noneMatch(k -> k.startsWith("form."));
  }

  private static List<String> keys() {
    List<String> keys = new ArrayList<>();
    form.path("components").forEach(c -> {
      if (c.has("key")) {
        keys.add(c.get("key").asText());
      }
    });
    return keys;
  }

  private static Map<String, String> options(String key) {
    Map<String, String> options = new LinkedHashMap<>();
    for (JsonNode c : form.path("components")) {
      if (key.equals(c.path("key").asText())) {
        c.path("values")
            .forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
      }
    }
    return options;
  }

  private static Map<String, String> labelled(CodedValue[] values) {
    return Arrays.stream(values)
        .collect(Collectors.toMap(
            CodedValue::code,
            v -> vietnamese.getProperty(v.messageKey()),
            (a, b) -> a,
            LinkedHashMap::new));
  }

  private static Properties properties(String file) throws IOException {
    Properties messages = new Properties();
    try (Reader in = new InputStreamReader(
        FeedbackStartFormTest.class.getResourceAsStream("/" + file), StandardCharsets.UTF_8)) {
      messages.load(in);
    }
    return messages;
  }
}
