package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;

/**
 * The SLA policies page: the admin changes the routing budget of feedback (bad input first), the table
 * and the history show it, a case submitted afterwards gets the new budget and one submitted before
 * keeps the old.
 */
class SlaPolicyPageBrowserIT extends BrowserTest {

  private static final String ROUTE = "feedback/ROUTE";

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void shippedPolicy() {
    jdbc.sql("""
            update sla_policy set budget_working_days = 1, warn_share = 0.75, supervisor_delay_working_days = 2
            where case_type = 'feedback' and stage = 'ROUTE'""").update();
  }

  @Test
  void anAdminChangesTheRoutingBudgetForCasesStartedAfterwards() {
    String before = submit();
    long mark = jdbc.sql("select coalesce(max(id), 0) from audit_event")
        .query(Long.class)
        .single();
    browser.dropAllCookies();
    browser.signIn("/quan-tri/thoi-han?chon=" + ROUTE, "quantri");
    assertThat(browser.byId("sla-title").getText())
        .isEqualTo("Thời hạn xử lý theo loại hồ sơ và bước");
    assertThat(browser.byId("applies-afterwards").getText())
        .contains("chỉ áp dụng cho các bước bắt đầu sau khi lưu");
    assertThat(browser.byId("budget").getAttribute("value")).isEqualTo("1");

    browser.byId("budget").clear();
    browser.byId("budget").sendKeys("0");
    browser.byId("save-policy").click();
    browser.textIn("#budget-error", "Thời hạn (ngày làm việc) phải là số nguyên từ 1 đến 365");
    assertThat(browser.byId("budget").getAttribute("value")).isEqualTo("0");
    browser.byId("budget").clear();
    browser.byId("budget").sendKeys("3");
    browser.byId("warnPercent").clear();
    browser.byId("warnPercent").sendKeys("một nửa");
    browser.byId("save-policy").click();
    browser.textIn(
        "#warnPercent-error", "Nhắc khi đã dùng (% thời hạn) phải là số nguyên từ 1 đến 99");
    assertThat(jdbc.sql("select count(*) from audit_event where id > ?")
            .param(mark)
            .query(Long.class)
            .single())
        .isZero();

    browser.byId("budget").clear();
    browser.byId("budget").sendKeys("3");
    browser.byId("warnPercent").clear();
    browser.byId("warnPercent").sendKeys("60");
    browser.byId("save-policy").click();
    browser.textIn("#notice", "Đã lưu thời hạn");
    assertThat(browser.find("#policies tr[data-policy='" + ROUTE + "'] .budget").getText())
        .isEqualTo("3");
    assertThat(browser.find("#policies tr[data-policy='" + ROUTE + "'] .warn").getText())
        .isEqualTo("60 %");
    assertThat(browser.find("#policy-history tbody tr .before").getText())
        .isEqualTo("1 ngày, nhắc ở 75 %, giám sát sau 2 ngày");
    assertThat(browser.find("#policy-history tbody tr .after").getText())
        .isEqualTo("3 ngày, nhắc ở 60 %, giám sát sau 2 ngày");
    browser.assertNoConsoleErrors();
    browser.screenshots("quan-tri-thoi-han");

    String after = submit();
    assertThat(routeBudget(after)).isEqualTo(3);
    assertThat(routeBudget(before)).isEqualTo(1);
  }

  @Test
  void otherRolesGetTheVietnameseForbiddenPage() {
    browser.dropAllCookies();
    browser.signIn("/quan-tri/thoi-han", "thuongtruc");
    assertThat(browser.byId("error-message").getText())
        .startsWith("Trang này chỉ dành cho quản trị hệ thống.");
    // The page itself answers 403: the one console error expected.
    browser.assertNoConsoleErrors("status of 403");
  }

  private String submit() {
    return api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json()
        .path("code")
        .asText();
  }

  private int routeBudget(String code) {
    return jdbc.sql(
            "select budget_working_days from sla_clock where case_code = ? and stage = 'ROUTE'")
        .param(code)
        .query(Integer.class)
        .single();
  }
}
