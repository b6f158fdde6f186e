package vn.dondoc.app.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** Base of the browser tests: one headless Chromium per class, each test starting in Vietnamese with no kept drafts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends IntegrationTest {

  protected Browser browser;

  @BeforeAll
  void startBrowser() {
    browser = new Browser(port);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void vietnamese() {
    browser.open("/?lang=vi");
    browser.driver().executeScript("sessionStorage.clear()");
  }
}
