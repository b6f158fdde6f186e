package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Feedback;

/**
 * The audit trail viewer: filters, the Vietnamese label of a kind of event, who by full name (the login in a tooltip), the
 * detail as "label: value" lines (not raw JSON), a refused period, the CSV and XLSX exports (which keep the raw JSON too).
 */
class AuditTrailPageBrowserIT extends BrowserTest {

  @Autowired
  AuditLog audit;

  @Autowired
  TransactionTemplate transaction;

  @Test
  void anAdminFindsACasesEventsByKindAndExportsThem() throws Exception {
    String code = "AT-" + Feedback.marker();
    transaction.executeWithoutResult(status -> {
      audit.record(
          code,
          "CALENDAR_EDITED",
          "quantri",
          Map.of("day", "2031-03-12", "dueAt", "2026-12-02T17:00:00Z"));
      audit.record(code, "SLA_POLICY_EDITED", "khac", Map.of("stage", "ROUTE"));
    });

    browser.dropAllCookies();
    browser.signIn("/quan-tri/nhat-ky", "quantri");
    browser.byId("ho-so").sendKeys(code);
    new Select(browser.byId("loai")).selectByValue("CALENDAR_EDITED");
    browser.byId("filter").click();
    browser.textIn("#audit-count", "Hiển thị 1 sự kiện");
    assertThat(browser.find("#audit-rows tbody tr .kind").getText()).isEqualTo("Sửa lịch làm việc");
    assertThat(browser.find("#audit-rows tbody tr .actor").getText()).isEqualTo("Đặng Quang Minh");
    assertThat(browser.find("#audit-rows tbody tr .actor span").getAttribute("title"))
        .isEqualTo("quantri");
    assertThat(browser.findAll("#audit-rows tbody tr .detail li").stream()
            .map(li -> li.getText())
            .toList())
        .containsExactly("Ngày: 12/03/2031", "Hạn xử lý: 03/12/2026 00:00");
    browser.screenshots("quan-tri-nhat-ky");

    String csv = (String) browser
        .driver()
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
            browser.byId("export-csv").getAttribute("href"));
    assertThat(csv)
        .contains(
            "Thời điểm;Hồ sơ;Loại sự kiện;Người thực hiện;Tài khoản;Chi tiết;Chi tiết (JSON)",
            code
                + ";Sửa lịch làm việc;Đặng Quang Minh;quantri;\"Ngày: 12/03/2031; Hạn xử lý: 03/12/2026 00:00\";",
            "2031-03-12")
        .doesNotContain("SLA_POLICY_EDITED", "khac");
    String xlsx = (String)
        browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
          let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });""", browser.byId("export-xlsx").getAttribute("href"));
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(xlsx)))) {
      Sheet sheet = book.getSheetAt(0);
      // the title, the header, one event
      assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Loại sự kiện");
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
      assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(code);
      assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("Sửa lịch làm việc");
      assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("Đặng Quang Minh");
      assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("quantri");
      assertThat(sheet.getRow(2).getCell(5).getStringCellValue())
          .isEqualTo("Ngày: 12/03/2031; Hạn xử lý: 03/12/2026 00:00");
      assertThat(sheet.getRow(2).getCell(6).getStringCellValue())
          .contains("\"dueAt\": \"2026-12-02T17:00:00Z\"");
    }

    browser.open("/quan-tri/nhat-ky?ho-so=" + code + "&tu=2026-03-10&den=2026-03-01");
    assertThat(browser.byId("den-error").getText()).isEqualTo("Đến ngày không được trước Từ ngày.");
    assertThat(browser.findAll("#audit-rows")).isEmpty();
    browser.assertNoConsoleErrors();
  }
}
