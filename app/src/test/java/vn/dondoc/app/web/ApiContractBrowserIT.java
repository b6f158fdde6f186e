package vn.dondoc.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.dondoc.app.support.BrowserTest;

/** A developer of an agency's system reads the contract in Swagger UI, signed in as staff. */
class ApiContractBrowserIT extends BrowserTest {

  @Test
  void staffReadTheContractWithItsVietnameseExamples() {
    browser.signIn(ApiContract.UI, "canbo.bkhcn");

    WebElement submit = browser.waitFor(d -> d.findElements(By.cssSelector(".opblock")).stream()
        .filter(operation ->
            operation.getText().contains("Gửi phản ánh, kiến nghị (không cần đăng nhập)"))
        .findFirst()
        .orElse(null));
    assertThat(browser.findAll(".opblock")).hasSizeGreaterThan(20);
    submit.findElement(By.cssSelector(".opblock-summary")).click();
    browser.waitFor(
        d -> submit.getText().contains("Thủ tục hành chính cấp phép còn rườm rà") ? submit : null);
    browser.screenshots("api-contract");
    browser.assertNoConsoleErrors();
  }
}
