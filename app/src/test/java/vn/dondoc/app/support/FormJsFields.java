package vn.dondoc.app.support;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The fields form-js drew inside one container, by the form's component ids, as a person uses them. */
public final class FormJsFields {

  private final Browser browser;
  private final String container;

  public FormJsFields(Browser browser, String container) {
    this.browser = browser;
    this.container = container;
    browser.visible(container + " .fjs-form");
  }

  /** form-js names a field's input fjs-form-<form instance>-<component id>. */
  public WebElement input(String componentId) {
    return browser.find(container + " [id$='-" + componentId + "']:not(label)");
  }

  public WebElement label(String componentId) {
    return browser.find(container + " label[for$='-" + componentId + "']");
  }

  public WebElement error(String componentId) {
    return browser.visible(container + " [id$='-" + componentId + "-error-message']");
  }

  /** Types into a field and leaves it, which makes form-js take the value at once (it debounces typing). */
  public FormJsFields type(String componentId, String text) {
    WebElement input = input(componentId);
    input.clear();
    input.sendKeys(text, Keys.TAB);
    return this;
  }

  /** Types a date as form-js's date picker reads it (month/day/year) and leaves the field. */
  public FormJsFields date(String componentId, java.time.LocalDate day) {
    WebElement input = browser.find(container + " [id$='-" + componentId + "-date']");
    input.clear();
    input.sendKeys(
        String.format("%02d/%02d/%d", day.getMonthValue(), day.getDayOfMonth(), day.getYear()),
        Keys.ENTER);
    return this;
  }

  /** Clicks the radio option with that label. */
  public FormJsFields pick(String componentId, String option) {
    for (WebElement label : browser.findAll(container + " label[for*='-" + componentId + "-']")) {
      if (label.getText().strip().equals(option)) {
        click(label);
        return this;
      }
    }
    throw new AssertionError("no option " + option + " in " + componentId);
  }

  /** Opens a form-js select and clicks the option with that label. */
  public FormJsFields choose(String componentId, String option) {
    List<WebElement> display = browser.findAll(container + " [id$='-" + componentId + "-display']");
    // at the top of the window, so that the list it opens below fits
    WebElement field = display.isEmpty() ? input(componentId) : display.get(0);
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", field);
    field.click();
    browser.visible(".fjs-dropdownlist-item");
    for (WebElement item :
        browser.driver().findElements(By.cssSelector(".fjs-dropdownlist-item"))) {
      if (item.getText().equals(option)) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'nearest'})", item);
        try {
          item.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
          // a list opened near the page's end can sit under the footer; form-js picks on mousedown
          browser
              .driver()
              .executeScript(
                  "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}))",
                  item);
        }
        return this;
      }
    }
    throw new AssertionError("no option " + option + " in " + componentId);
  }

  /** Clicks an element in the middle of the window, where no sticky header or footer covers it. */
  private void click(WebElement element) {
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  /** The labels of the tags a taglist shows. */
  public List<String> tags(String componentId) {
    return browser.findAll(container + " .fjs-taglist-tag .fjs-taglist-tag-label").stream()
        .map(WebElement::getText)
        .toList();
  }
}
