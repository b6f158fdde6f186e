package vn.dondoc.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Checks in the browser tests that the page in the browser has no serious or critical accessibility problem,
 * as axe-core (Deque's engine, from npm like the other front-end packages: a devDependency of
 * app/src/main/frontend, installed by the build's npm ci and never served by the app) finds them, and that it
 * does not scroll sideways. axe is injected into the page by the driver, which the pages' CSP does not govern.
 */
public final class Accessibility {

  private static final Path AXE = Path.of(
      System.getProperty("dondoc.repository", ".."),
      "app",
      "src",
      "main",
      "frontend",
      "node_modules",
      "axe-core",
      "axe.min.js");

  /** The violations of impact serious or critical, each with its rule, help text and up to five elements. */
  private static final String RUN = """
      const done = arguments[arguments.length - 1];
      axe.run(document, { resultTypes: ['violations'] })
        .then(result => done(JSON.stringify(result.violations
          .filter(v => v.impact === 'serious' || v.impact === 'critical')
          .map(v => ({ rule: v.id, impact: v.impact, help: v.help,
                       elements: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary) })))))
        .catch(e => done('axe failed: ' + e));""";

  private static String source;

  private Accessibility() {}

  /** Zero serious or critical violations on the page as it stands. */
  public static void assertNoSeriousViolations(Browser browser) {
    ChromeDriver driver = browser.driver();
    if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
      driver.executeScript(axeSource());
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object violations = driver.executeAsyncScript(RUN);
    assertThat(violations)
        .as("axe-core serious or critical violations on %s", browser.url())
        .isEqualTo("[]");
  }

  /** The page is no wider than the window: nothing scrolls sideways. */
  public static void assertNoSidewaysScrolling(Browser browser) {
    Number scrollWidth =
        (Number) browser.driver().executeScript("return document.scrollingElement.scrollWidth");
    Number innerWidth = (Number) browser.driver().executeScript("return window.innerWidth");
    assertThat(scrollWidth.intValue())
        .as("width of %s (window %s px)", browser.url(), innerWidth)
        .isLessThanOrEqualTo(innerWidth.intValue());
  }

  private static synchronized String axeSource() {
    if (source == null) {
      try {
        source = Files.readString(AXE, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "axe-core is installed by the build's npm ci (app/src/main/frontend)", e);
      }
    }
    return source;
  }
}
