package vn.dondoc.app.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The app's message bundles outside Spring, for unit tests of what a page or a notice says. */
public final class Messages {

  private Messages() {}

  /** messages*.properties as the app reads them (application.yaml: UTF-8, no fallback to the machine's locale). */
  public static ResourceBundleMessageSource source() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  /** One bundle file (messages.properties or messages_vi.properties) as it is, to check its keys. */
  public static Properties file(String name) {
    Properties labels = new Properties();
    try (Reader in = new InputStreamReader(
        Messages.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
      labels.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return labels;
  }
}
