package vn.dondoc.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the *BrowserIT tests: the system's /usr/bin/chromium and
 * /usr/bin/chromedriver (bin/dondoc installs both from Debian), with the driver's path given so that
 * Selenium Manager never runs or downloads anything. Screenshots are test output in
 * app/target/screenshots/; with {@code -Ddondoc.screenshots=docs} (what {@code bin/dondoc screenshots}
 * passes) they replace the README's pictures in docs/screenshots/ of the repository instead (system
 * properties set by the app module's failsafe config).
 */
public final class Browser implements AutoCloseable {

  // How long a page may take to show what a test waits for: generous, since a waiting test moves on
  // as soon as it
  // shows, and a 2-core machine busy with other builds answers slowly.
  private static final Duration WAIT = Duration.ofSeconds(30);

  public static final Dimension DESKTOP = new Dimension(1366, 900);
  public static final Dimension PHONE = new Dimension(390, 844);

  private static final String CHROMIUM = System.getProperty("dondoc.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("dondoc.chromedriver", "/usr/bin/chromedriver");

  /** docs/screenshots/ when asked for ({@code dondoc.screenshots=docs}), else the build's own folder. */
  private static final Path SCREENSHOTS = "docs".equals(System.getProperty("dondoc.screenshots"))
      ? Path.of(System.getProperty("dondoc.repository", ".."), "docs", "screenshots")
      : Path.of(System.getProperty("dondoc.build.directory", "target"), "screenshots");

  private final ChromeDriver driver;
  private final String base;

  public Browser(int port) {
    this.base = "http://127.0.0.1:" + port;
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    // --no-sandbox: the tests may run as root, where Chromium's sandbox refuses to start.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Opens a path of the app and waits until the page's script has run. */
  public Browser open(String path) {
    driver.get(base + path);
    waitFor(d ->
        "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    return this;
  }

  /**
   * Opens a page that needs a login and signs in through the real Keycloak login form as a demo user
   * (password "demo"), unless the browser is still signed in; waits until the page is back.
   */
  public Browser signIn(String path, String username) {
    open(path);
    if (onKeycloakLogin()) {
      logInAtKeycloak(username);
    }
    waitFor(d -> d.getCurrentUrl().startsWith(base) && !onKeycloakLogin());
    waitFor(d ->
        "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    return this;
  }

  /** Whether the browser shows Keycloak's login form. */
  public boolean onKeycloakLogin() {
    return !driver.getCurrentUrl().startsWith(base)
        && !driver.findElements(By.id("kc-form-login")).isEmpty();
  }

  /** Fills and submits Keycloak's login form, which the browser must be showing, as a demo user. */
  public void logInAtKeycloak(String username) {
    logInAtKeycloak(username, "demo");
  }

  /** The same with a password of the test's own user. */
  public void logInAtKeycloak(String username, String password) {
    WebElement user = visible("#username");
    user.clear();
    user.sendKeys(username);
    byId("password").sendKeys(password);
    byId("kc-login").click();
  }

  /**
   * Ends every session of the browser, the app's and Keycloak's, as an expired session and a closed
   * SSO session would: all cookies of all sites go, sessionStorage (a tab's) stays.
   */
  public void dropAllCookies() {
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  /**
   * Waits (up to 15 s) for the element to be visible and returns it. An element found on the page a click is
   * just replacing is looked up again: Chromium may answer for it with an inspector error ("does not belong to
   * the document") rather than a stale reference (see {@link #waitUntilGone}).
   */
  public WebElement visible(String css) {
    return waitFor(d -> {
      try {
        WebElement element = d.findElement(By.cssSelector(css));
        return element.isDisplayed() ? element : null;
      } catch (org.openqa.selenium.NoSuchElementException
          | org.openqa.selenium.StaleElementReferenceException notYet) {
        return null;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
          return null;
        }
        throw e;
      }
    });
  }

  /** Waits (up to 15 s) until the element's text contains the given text. */
  public WebElement textIn(String css, String text) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    return find(css);
  }

  public <T> T waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
    // a page that reloads between a find and a read leaves a stale element: that is "not yet", not
    // a failure
    return new WebDriverWait(driver, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /**
   * Waits until the element has left the page (a new page replaced it). Chromium sometimes answers a
   * question about a detached element with an inspector error instead of a stale reference: both mean gone.
   */
  public void waitUntilGone(WebElement element) {
    waitFor(d -> {
      try {
        element.isEnabled();
        return false;
      } catch (org.openqa.selenium.WebDriverException gone) {
        return true;
      }
    });
  }

  /**
   * Saves NAME-desktop.png and NAME-phone.png of the current page (see {@link #SCREENSHOTS}), whole pages (the
   * window grows to the page's height for the shot), then returns to the desktop size.
   */
  public void screenshots(String name) {
    shot(name + "-desktop", DESKTOP);
    shot(name + "-phone", PHONE);
    driver.manage().window().setSize(DESKTOP);
  }

  private void shot(String file, Dimension size) {
    driver.manage().window().setSize(size);
    driver.executeScript("window.scrollTo(0, 0)");
    long height = ((Number)
            driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)"))
        .longValue();
    driver.manage().window().setSize(new Dimension(size.width, (int)
        Math.max(size.height, Math.min(height + 100, 4000))));
    Path target = SCREENSHOTS.resolve(file + ".png");
    try {
      Files.createDirectories(target.getParent());
      driver.executeScript("window.scrollTo(0, 0)");
      Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that the browser logged no errors since the last call (script errors, failed loads),
   * except messages containing one of {@code expected} (e.g. the 400 of a deliberately invalid form).
   */
  public void assertNoConsoleErrors(String... expected) {
    List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> Arrays.stream(expected).noneMatch(message::contains))
        .toList();
    assertThat(errors).as("console errors on %s", driver.getCurrentUrl()).isEmpty();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
