package vn.dondoc.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.app.support.BrowserTest;
import vn.dondoc.app.tasks.TaskFilter;
import vn.dondoc.app.tasks.TaskReportFilter;
import vn.dondoc.app.tasks.TaskScope;
import vn.dondoc.app.tasks.TaskSummary;
import vn.dondoc.app.time.HanoiTime;

/**
 * The standing office drafts the periodic report: the draft states today's task figures as TaskSummary counts
 * them; the office rewrites a paragraph, and the DOCX and the PDF carry the rewritten text, the heading and
 * "Phụ lục 01". An agency officer is not given the page.
 */
class PeriodicReportPageBrowserIT extends BrowserTest {

  @Autowired
  TaskSummary taskSummary;

  @Test
  void theOfficeEditsTheDraftAndDownloadsItAsDocxAndPdf() throws Exception {
    LocalDate today = LocalDate.now(HanoiTime.ZONE);
    TaskSummary.Figures figures = taskSummary
        .summary(
            new TaskReportFilter(TaskFilter.ANY, null, null, today),
            new TaskScope(null, Set.of()),
            null,
            Locale.forLanguageTag("vi"))
        .totals();

    browser.dropAllCookies();
    browser.signIn("/bao-cao-dinh-ky", "thuongtruc");
    assertThat(browser.find("h1").getText()).isEqualTo("Báo cáo định kỳ");
    String draft = browser.byId("body").getAttribute("value");
    assertThat(draft)
        .contains(
            "đã hoàn thành " + figures.completed() + "/" + figures.withDeadline() + " nhiệm vụ",
            "(Danh sách các nhiệm vụ quá hạn tại Phụ lục 01 kèm theo)");
    browser.assertNoConsoleErrors();
    browser.screenshots("bao-cao-dinh-ky");

    browser.byId("body").clear();
    browser
        .byId("body")
        .sendKeys(
            "I. KẾT QUẢ ĐẠT ĐƯỢC\nCác bộ, ngành đã triển khai nghiêm túc, có chuyển biến rõ nét.");
    browser.byId("signerName").sendKeys("Nguyễn Thị Hằng");

    try (XWPFDocument docx = new XWPFDocument(
        new ByteArrayInputStream(export("docx", "application/vnd.openxmlformats")))) {
      String text = new XWPFWordExtractor(docx).getText();
      assertThat(text)
          .contains(
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "BÁO CÁO",
              "I. KẾT QUẢ ĐẠT ĐƯỢC",
              "Các bộ, ngành đã triển khai nghiêm túc, có chuyển biến rõ nét.",
              "Nơi nhận:",
              "Nguyễn Thị Hằng",
              "Phụ lục 01",
              "Cam kết lộ trình / thời hạn mới");
      assertThat(text).doesNotContain("đã hoàn thành " + figures.completed() + "/");
    }
    Path pdf = Files.createTempFile("bao-cao", ".pdf");
    try {
      Files.write(pdf, export("pdf", "application/pdf"));
      Process process = new ProcessBuilder("pdftotext", pdf.toString(), "-").start();
      String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .replaceAll("\\s+", " ");
      assertThat(process.waitFor()).isZero();
      assertThat(text)
          .contains(
              "Các bộ, ngành đã triển khai nghiêm túc, có chuyển biến rõ nét.",
              "Nguyễn Thị Hằng",
              "DANH SÁCH CÁC NHIỆM VỤ QUÁ HẠN");
    } finally {
      Files.delete(pdf);
    }

    browser.dropAllCookies();
    browser.signIn("/bao-cao-dinh-ky", "canbo.bkhcn");
    assertThat(browser.find("main").getText()).doesNotContain("Lập dự thảo");
    assertThat(browser.findAll("#report-export")).isEmpty();
  }

  /** Posts the export form as the page would, with the session and its CSRF field; the file's bytes. */
  @SuppressWarnings("unchecked")
  private byte[] export(String format, String type) {
    Map<String, Object> response =
        (Map<String, Object>) browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const form = document.getElementById('report-export');
        const data = new URLSearchParams(new FormData(form));
        data.set('format', arguments[0]);
        fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => {
          const bytes = new Uint8Array(b);
          let binary = '';
          for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
          done({status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
            body: btoa(binary)});
        }));
        """, format);
    assertThat(response.get("status")).isEqualTo(200L);
    assertThat((String) response.get("type")).startsWith(type);
    assertThat((String) response.get("disposition"))
        .startsWith("attachment;")
        .contains("." + format);
    return Base64.getDecoder().decode((String) response.get("body"));
  }
}
