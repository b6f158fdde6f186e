package vn.dondoc.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.dondoc.app.feedback.FeedbackField;
import vn.dondoc.app.feedback.FeedbackStatus;
import vn.dondoc.app.feedback.FeedbackType;

/** Every value people choose from or read has a label in Vietnamese and in English. */
class CodedValueLabelsTest {

  private static final List<Class<? extends CodedValue>> LISTS =
      List.of(FeedbackField.class, FeedbackType.class, FeedbackStatus.class);

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_vi.properties"})
  void everyCodedValueHasALabel(String file) throws IOException {
    Properties labels = new Properties();
    try (Reader in =
        new InputStreamReader(getClass().getResourceAsStream("/" + file), StandardCharsets.UTF_8)) {
      labels.load(in);
    }
    for (Class<? extends CodedValue> list : LISTS) {
      for (CodedValue value : list.getEnumConstants()) {
        assertThat(labels.getProperty(value.messageKey()))
            .as("%s in %s", value.messageKey(), file)
            .isNotBlank();
      }
    }
    assertThat(labels.getProperty("FeedbackField.digital-skills"))
        .isEqualTo(file.contains("_vi") ? "Phổ cập kỹ năng số" : "Digital skills");
  }
}
