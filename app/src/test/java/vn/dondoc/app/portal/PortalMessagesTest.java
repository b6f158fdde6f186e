package vn.dondoc.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The portal and the staff pages say everything in Vietnamese and in English: the same portal.* and staff.* keys in both files. */
class PortalMessagesTest {

  @Test
  void everyPortalTextHasBothLanguages() throws IOException {
    Set<String> vietnamese = portalKeys("messages_vi.properties");
    assertThat(vietnamese).hasSizeGreaterThan(50);
    assertThat(portalKeys("messages.properties")).isEqualTo(vietnamese);
  }

  private Set<String> portalKeys(String file) throws IOException {
    Properties messages = new Properties();
    try (Reader in =
        new InputStreamReader(getClass().getResourceAsStream("/" + file), StandardCharsets.UTF_8)) {
      messages.load(in);
    }
    Set<String> keys = new TreeSet<>();
    messages.stringPropertyNames().stream()
        .filter(k -> k.startsWith("portal.") || k.startsWith("staff."))
        .peek(k -> assertThat(messages.getProperty(k)).as("%s in %s", k, file).isNotBlank())
        .forEach(keys::add);
    return keys;
  }
}
