package vn.dondoc.app.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reason codes of DOMAIN.md §2.2.2, each with a label in both languages. */
class ExtensionReasonTest {

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_vi.properties"})
  void everyReasonHasALabel(String file) throws IOException {
    Properties labels = new Properties();
    try (Reader in =
        new InputStreamReader(getClass().getResourceAsStream("/" + file), StandardCharsets.UTF_8)) {
      labels.load(in);
    }
    for (ExtensionReason reason : ExtensionReason.values()) {
      assertThat(labels.getProperty(reason.messageKey()))
          .as("%s in %s", reason.messageKey(), file)
          .isNotBlank();
    }
    assertThat(labels.getProperty("ExtensionReason.WAITING_FOR_GUIDANCE"))
        .startsWith(file.contains("_vi") ? "Chờ văn bản hướng dẫn" : "Waiting for");
  }

  @Test
  void codesAreTheStoredValues() {
    assertThat(ExtensionReason.fromCode("OUT_OF_AUTHORITY"))
        .isEqualTo(ExtensionReason.OUT_OF_AUTHORITY);
    assertThat(ExtensionReason.values()).hasSize(11);
    assertThatThrownBy(() -> ExtensionReason.fromCode("WEATHER"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
