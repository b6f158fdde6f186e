package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.time.HanoiTime;

/**
 * The standing office's main job at the directive desk: a Word file as it arrives is read into a draft whose
 * header is shown for confirmation; a colleague's save is not overwritten; the office fixes a flagged row, sees the issue refused while a collective
 * lead stands, expands it into two agencies, confirms the counts per agency and issues; an agency officer then
 * finds the tasks in the agency's list.
 */
class DirectiveDeskBrowserIT extends BrowserTest {

  @Test
  void theOfficeUploadsCorrectsAndIssuesADirective() throws Exception {
    String symbol = Directives.freshSymbol();
    int year = LocalDate.now(HanoiTime.ZONE).getYear() + 1;
    Path docx = Files.createTempFile("thong-bao", ".docx");
    Files.write(
        docx,
        DirectiveDocuments.docx(
            List.of(
                "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG",
                "Số: " + symbol,
                "Hà Nội, ngày 14 tháng 11 năm 2025",
                "",
                "THÔNG BÁO KẾT LUẬN",
                "về việc đẩy mạnh chia sẻ dữ liệu giữa các cơ quan",
                "",
                "1. Bộ Khoa học và Công nghệ chủ trì, phối hợp với Bộ Tài chính xây dựng bộ chỉ số đo lường mức độ chia sẻ dữ liệu, hoàn thành trước ngày 30/6/"
                    + year + ".",
                "2. Các bộ, ngành, địa phương rà soát và công bố danh mục dữ liệu dùng chung "
                    + symbol + ", hoàn thành trong quý III/" + year + ".",
                "3. Bộ Tài chính ban hành hướng dẫn cơ chế thuê dịch vụ lưu trữ dữ liệu trong vòng 30 ngày.")));
    try {
      browser.dropAllCookies();
      browser.signIn("/van-ban-chi-dao", "thuongtruc");
      assertThat(browser.find("h1").getText()).isEqualTo("Văn bản chỉ đạo");
      assertThat(browser.find("header nav a[aria-current=page]").getText())
          .isEqualTo("Văn bản chỉ đạo");
      browser.screenshots("van-ban-chi-dao");
      browser.byId("desk-file").sendKeys(docx.toString());
      browser.byId("desk-read").click();
      browser.waitFor(d -> d.getCurrentUrl().matches(".*/van-ban-chi-dao/\\d+$"));

      // the header as read, for confirmation
      browser.waitFor(d -> browser.byId("header-number").getAttribute("value").equals(symbol));
      assertThat(
              new Select(browser.byId("header-type")).getFirstSelectedOption().getText())
          .isEqualTo("Thông báo kết luận");
      assertThat(browser.byId("header-date").getAttribute("value")).isEqualTo("14/11/2025");
      assertThat(browser.byId("header-issuer").getAttribute("value"))
          .isEqualTo("VĂN PHÒNG TRUNG ƯƠNG ĐẢNG");
      assertThat(browser.findAll("#desk-rows tbody tr")).hasSize(3);

      // a colleague saves the same draft meanwhile: this page's save is refused, says who, shows
      // what they changed
      // and offers their version instead of overwriting it
      Object colleague = browser.driver().executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          const box = document.getElementById('desk-draft');
          fetch(box.dataset.data, {credentials: 'same-origin'}).then(r => r.json()).then(d => {
            d.rows[0].content = d.rows[0].content + ' (đồng nghiệp bổ sung)';
            return Dondoc.post(box.dataset.save, {version: d.version, header: d.header, rows: d.rows}, null);
          }).then(r => done(r.status));
          """);
      assertThat(colleague).isEqualTo(200L);
      browser.byId("header-title").sendKeys(" năm 2026");
      browser.byId("desk-save").click();
      browser.textIn("#desk-conflict-text", "Trần Minh Đức");
      assertThat(browser.byId("desk-conflict-changes").getText()).contains("họ sửa nhiệm vụ 1");
      browser.assertNoConsoleErrors("409");
      browser.byId("desk-reload").click();
      assertThat(browser.byId("desk-conflict").isDisplayed()).isFalse();
      assertThat(browser.byId("row-0-content").getAttribute("value"))
          .endsWith("(đồng nghiệp bổ sung)");
      assertThat(browser.byId("header-title").getAttribute("value"))
          .isEqualTo("về việc đẩy mạnh chia sẻ dữ liệu giữa các cơ quan");

      // the duration without a start is flagged with its reason; the office gives the date and
      // marks it checked
      WebElement flagged = browser.find("#row-2");
      assertThat(flagged.getAttribute("class")).contains("flagged");
      assertThat(flagged.getText()).contains("không có mốc bắt đầu");
      new Select(browser.byId("row-2-kind")).selectByValue("DEADLINE");
      browser.byId("row-2-dueDate").clear();
      browser.byId("row-2-dueDate").sendKeys("15/09/" + year + "\t");
      while (!browser.findAll("#row-2 .flag button").isEmpty()) {
        browser.find("#row-2 .flag button").click();
      }
      assertThat(browser.find("#row-2").getAttribute("class")).doesNotContain("flagged");

      // the collective lead keeps the directive from being issued, said under its field; nothing is
      // issued
      assertThat(browser.find("#row-1").getText()).contains("Chủ trì là một tập thể");
      browser.byId("desk-check").click();
      browser.textIn("#row-1-lead-error", "tập thể");
      assertThat(browser.byId("desk-errors").getText()).contains("Chưa ban hành");
      browser.assertNoConsoleErrors("400");
      browser.screenshots("van-ban-chi-dao-ban-nhap");

      browser.byId("row-1-expand").click();
      Select agencies = new Select(browser.byId("row-1-agencies"));
      agencies.selectByValue("bkhcn");
      agencies.selectByValue("hanoi");
      browser.byId("row-1-expand-do").click();
      assertThat(browser.findAll("#desk-rows tbody tr")).hasSize(4);
      assertThat(browser.byId("row-1-code").getAttribute("value")).isEqualTo("2-bkhcn");
      assertThat(browser.byId("row-2-code").getAttribute("value")).isEqualTo("2-hanoi");

      browser.byId("desk-check").click();
      WebElement confirm = browser.visible("#desk-confirm");
      assertThat(confirm.getText())
          .contains(
              "Tổng cộng 4 nhiệm vụ",
              "Bộ Khoa học và Công nghệ",
              "Thành phố Hà Nội",
              "Bộ Tài chính");
      browser.screenshots("van-ban-chi-dao-xac-nhan");
      browser.byId("desk-issue").click();
      browser.textIn("#desk-status", "Đã ban hành văn bản " + symbol + " với 4 nhiệm vụ");
      assertThat(browser.byId("desk-issued").getText()).contains(symbol);
      browser.assertNoConsoleErrors("400");

      browser.dropAllCookies();
      browser.signIn("/lam-viec/nhiem-vu", "canbo.hanoi");
      assertThat(browser.find("main").getText()).contains("danh mục dữ liệu dùng chung " + symbol);
    } finally {
      Files.delete(docx);
    }
  }
}
