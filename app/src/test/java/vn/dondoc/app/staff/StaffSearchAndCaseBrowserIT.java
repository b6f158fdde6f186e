package vn.dondoc.app.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.Feedback;

/**
 * An agency officer in a real browser: searches without diacritics and finds their agency's task and
 * not another agency's, opens the case page (history, diagram), and loses nothing typed when the
 * session ends before a form is sent.
 */
class StaffSearchAndCaseBrowserIT extends BrowserTest {

  private static final String CONTENT = "Xây dựng cơ sở dữ liệu quốc gia về đổi mới sáng tạo ";

  private String marker;
  private String ownCase;
  private String otherCase;
  private LocalDate deadline;

  @BeforeAll
  void twoTasksOfTwoAgencies() {
    marker = Feedback.marker();
    deadline = LocalDate.now().plusMonths(2);
    Map<String, Object> own = Directives.task("1.a", "bkhcn", deadline);
    own.put("content", CONTENT + marker);
    Map<String, Object> other = Directives.task("1.b", "hanoi", deadline);
    other.put("content", CONTENT + marker);
    String standingOffice = Api.token("thuongtruc");
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(Directives.freshSymbol(), List.of(own, other))),
            standingOffice,
            Map.of());
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    ownCase = issued.json().path("caseCodes").get(0).asText();
    otherCase = issued.json().path("caseCodes").get(1).asText();
    await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(api()
                .get("/api/v1/search?q=" + marker, standingOffice)
                .json()
                .path("items")
                .findValuesAsText("code"))
            .containsExactlyInAnyOrder(ownCase, otherCase));
  }

  @Test
  void anOfficerFindsTheirAgencysCaseWithoutDiacriticsAndOpensIt() {
    browser.dropAllCookies();
    browser.signIn(StaffNavigation.HOME, "canbo.bkhcn");
    WebElement box = browser.byId("staff-q");
    box.sendKeys("xay dung co so du lieu quoc gia " + marker, Keys.ENTER);
    browser.textIn("#search-total", "Tìm thấy 1 hồ sơ");
    assertThat(browser.findAll("#results > li").stream()
            .map(li -> li.getAttribute("data-code"))
            .toList())
        .containsExactly(ownCase);
    // Highlights: the words as written in the case, with diacritics, marked by the page's own em.
    // (adjacent words come as one mark: "Xây dựng cơ sở …")
    assertThat(browser.findAll("#results em").stream().map(WebElement::getText).toList())
        .anySatisfy(marked -> assertThat(marked).startsWith("Xây dựng"));
    assertThat(browser.find("#facet-agency").getText())
        .contains("Bộ Khoa học và Công nghệ")
        .doesNotContain("Hà Nội");
    browser.assertNoConsoleErrors();
    browser.screenshots("tim-kiem");

    // A facet is a link that keeps the search in the URL; the active filter can be removed again.
    browser.find("#facet-type a[data-code=task]").click();
    browser.waitFor(d -> d.getCurrentUrl().contains("type=task"));
    assertThat(browser.find(".chips").getText()).contains("Loại hồ sơ: Nhiệm vụ");
    assertThat(browser.byId("q").getAttribute("value"))
        .isEqualTo("xay dung co so du lieu quoc gia " + marker);

    // Another agency's case is "not found", exactly like a code that does not exist.
    browser.open("/ho-so/" + otherCase);
    assertThat(browser.byId("error-message").getText()).startsWith("Không tìm thấy hồ sơ này");
    browser.open("/ho-so/NV-1999-999999");
    assertThat(browser.byId("error-message").getText()).startsWith("Không tìm thấy hồ sơ này");
    browser.assertNoConsoleErrors(
        "/ho-so/" + otherCase
            + " - Failed to load resource: the server responded with a status of 404",
        "/ho-so/NV-1999-999999 - Failed to load resource: the server responded with a status of 404");

    browser.open("/tim-kiem?q=" + marker);
    browser.find("#results a[href='/ho-so/" + ownCase + "']").click();
    browser.textIn("#case-code", ownCase);
    assertThat(browser.byId("case-title").getText()).contains(marker);
    assertThat(browser.byId("case-type").getText()).isEqualTo("Nhiệm vụ");
    assertThat(browser.byId("case-due").getText())
        .startsWith(deadline.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
        .contains("còn ");
    // who acted, by full name (the login in a tooltip)
    assertThat(browser.byId("history").getText())
        .contains("Giao nhiệm vụ", "Trần Minh Đức")
        .doesNotContain("thuongtruc");
    assertThat(browser.find("#history td[title='thuongtruc']").getText())
        .isEqualTo("Trần Minh Đức");
    // The diagram is drawn by bpmn-js and the activity the task waits at is marked.
    browser.waitFor(
        d -> !d.findElements(By.cssSelector("#diagram-0[data-drawn]")).isEmpty());
    assertThat(browser.find("#diagram-0").getAttribute("data-error")).isNull();
    assertThat(browser.findAll("#diagram-0 .djs-element.current")).isNotEmpty();
    assertThat(browser.byId("diagram-steps-0").getText()).startsWith("Đang ở bước:");
    browser.assertNoConsoleErrors();
    browser.screenshots("ho-so");
  }

  @Test
  void whatWasTypedSurvivesAnExpiredSessionAndTheLoginAgain() {
    browser.dropAllCookies();
    browser.signIn(
        "/tim-kiem?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8), "canbo.bkhcn");

    // Server-side validation: an empty name is refused next to the field, in Vietnamese.
    browser.byId("save-submit").click();
    browser.textIn("#name-error", "Tên tìm kiếm là bắt buộc");
    assertThat(browser.byId("name").getAttribute("aria-invalid")).isEqualTo("true");

    String name = "Cơ sở dữ liệu <đổi mới> " + marker;
    browser.byId("name").sendKeys(name);
    browser.dropAllCookies(); // the session ends (app and Keycloak) while the officer types
    browser.byId("save-submit").click();
    browser.waitFor(d -> browser.onKeycloakLogin());
    browser.logInAtKeycloak("canbo.bkhcn");
    browser.waitFor(d ->
        d.getCurrentUrl().contains("/tim-kiem") && !browser.findAll("#name").isEmpty());
    browser.visible("#draft-restored");
    assertThat(browser.byId("name").getAttribute("value")).isEqualTo(name);
    assertThat(browser.byId("q").getAttribute("value")).isEqualTo(marker);

    browser.byId("save-submit").click();
    browser.textIn("#notice", "Đã lưu tìm kiếm");
    assertThat(browser.byId("saved-searches").getText()).contains(name);
    assertThat(browser.byId("name").getAttribute("value")).isEmpty();
    assertThat(browser.findAll("#draft-restored:not([hidden])")).isEmpty();
    // The saved search runs the same search again.
    browser.find("#saved-searches a").click();
    browser.textIn("#search-total", "Tìm thấy 1 hồ sơ");
    browser.assertNoConsoleErrors();
  }
}
