package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;

class DirectiveImportIT extends IntegrationTest {

  private static final String IMPORT = "/api/v1/directives/import";
  private static String appendix;

  @BeforeAll
  static void readTheAppendix() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(
        System.getProperty("dondoc.repository"),
        "..",
        "shared",
        "sources",
        "000_b6b7d3b86713636c.txt"));
    appendix = String.join("\n", lines.subList(127, lines.size()));
  }

  private static String request(String number, String date, String text) {
    return Api.toJson(Map.of(
        "directive",
        Map.of(
            "type",
            "Thông báo kết luận",
            "number",
            number,
            "date",
            date,
            "issuer",
            "Cơ quan Thường trực Ban Chỉ đạo",
            "title",
            "Nhiệm vụ, giải pháp trọng tâm năm 2026"),
        "appendixText",
        text));
  }

  private Api.Response post(String body, String user) {
    return api().postJson(IMPORT, body, Api.token(user), Map.of("Accept-Language", "vi"));
  }

  @Test
  void theStandingOfficeGetsTheDraftsOfTheRealAppendix() {
    Api.Response response = post(request("17-TB/CQTTBCĐ", "29/12/2025", appendix), "thuongtruc");
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.path("directive").path("date").asText()).isEqualTo("2025-12-29");
    assertThat(body.path("drafts")).hasSize(62);
    assertThat(body.path("summary").path("drafts").asInt()).isEqualTo(62);
    assertThat(body.path("summary").path("recurring").asInt()).isEqualTo(1);
    JsonNode first = body.path("drafts").get(1);
    assertThat(first.path("code").asText()).isEqualTo("1.b.(1)");
    assertThat(first.path("lead").path("agency").asText()).isEqualTo("vptw");
    assertThat(first.path("deadline").path("dueDate").asText()).isEqualTo("2026-03-31");
    assertThat(first.path("deadline").path("text").asText())
        .isEqualTo("hoàn thành trong quý I/2026");
  }

  @Test
  void aTextFileCanBeUploadedInstead() {
    Api.Response response = Api.send(api()
        .multipartRequest(
            IMPORT + "?number=" + Api.encode("17-TB/CQTTBCĐ") + "&date=2025-12-29",
            "file",
            "phu-luc.txt",
            appendix.getBytes(StandardCharsets.UTF_8),
            "text/plain",
            Api.token("thuongtruc")));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("drafts")).hasSize(62);
  }

  @Test
  void aPdfWithATextLayerAndAWordFileAreReadAndAScanIsRefusedWithAReason() {
    List<String> lines = List.of(appendix.split("\n"));
    for (Object[] upload : List.of(
        new Object[] {"phu-luc.pdf", DirectiveDocuments.textPdf(lines), "application/pdf"},
        new Object[] {
          "phu-luc.docx",
          DirectiveDocuments.docx(lines),
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        })) {
      Api.Response response = Api.send(api()
          .multipartRequest(
              IMPORT + "?number=" + Api.encode("17-TB/CQTTBCĐ") + "&date=2025-12-29",
              "file",
              (String) upload[0],
              (byte[]) upload[1],
              (String) upload[2],
              Api.token("thuongtruc")));
      assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
      assertThat(response.json().path("drafts")).as((String) upload[0]).hasSize(62);
    }
  }

  /**
   * The labelled texts printed and scanned at 300 dpi (image-only PDFs), read through the API as the desk
   * does: a job, polled. Prints the character error rate against the text and the reader's figures on the
   * OCR'd text beside the clean text's (docs/PERFORMANCE.md, "Directive import").
   */
  @Test
  void aScannedDirectiveIsReadInTheBackgroundWithProgressAndMeasured() throws InterruptedException {
    AppendixParser parser = new AppendixParser(SeedAgencies.matcher());
    StringBuilder report = new StringBuilder();
    for (DirectiveEvaluation.Document document : DirectiveEvaluation.documents()) {
      List<String> lines = List.of(document.text().split("\n"));
      ScanRead read = readScan(DirectiveDocuments.scannedPdf(lines, 300));
      int pages = read.pages();
      double seconds = read.seconds();
      boolean sawProgress = read.sawProgress();
      String ocr = ocrText(read.view());
      DirectiveEvaluation.Score clean =
          DirectiveEvaluation.score(document.name(), List.of(document), parser);
      DirectiveEvaluation.Score scanned = DirectiveEvaluation.score(
          document.name() + " (OCR)",
          List.of(new DirectiveEvaluation.Document(
              document.set(), document.name(), ocr, document.labels())),
          parser);
      report.append(String.format(
          java.util.Locale.ROOT,
          "%s: %d pages in %.1f s, CER %.2f%%, progress seen %s%n%s%n%s%n",
          document.name(),
          pages,
          seconds,
          100 * CharacterErrorRate.of(document.text(), ocr),
          sawProgress,
          clean.row(),
          scanned.row()));
      // OCR must add no silent error; the reader's own on clean text is DirectiveEvaluationTest's
      // to guard.
      assertThat(scanned.silentlyWrongDates())
          .as("dates wrong without a flag on the OCR'd %s", document.name())
          .isLessThanOrEqualTo(clean.silentlyWrongDates());
    }
    System.out.println(DirectiveEvaluation.Score.header() + "\n" + report);
  }

  /**
   * The labelled texts whose appendix is a table (a Word file's text: cells separated by tabs) printed as a scan prints
   * them, with ruling lines and without, and ruled but fed into the scanner crooked (turned 2.5° one way, 1.5° the
   * other: straightened before reading, {@code Deskew}), read through the API as the desk does: the OCR'd scores are
   * printed beside the clean text's (docs/PERFORMANCE.md, "Scanned directives (OCR)"). The rows are read every way: most
   * of the tasks are found, and no date is wrong without a flag beyond the clean text's.
   */
  @Test
  void aScannedTableAppendixIsReadRowByRowAndMeasured() throws InterruptedException {
    AppendixParser parser = new AppendixParser(SeedAgencies.matcher());
    List<DirectiveEvaluation.Document> tables = DirectiveEvaluation.documents().stream()
        .filter(d ->
            d.text().lines().anyMatch(l -> AppendixTable.header(List.of(l.split("\t"))) != null))
        .toList();
    assertThat(tables).hasSizeGreaterThanOrEqualTo(2);
    StringBuilder report = new StringBuilder();
    for (DirectiveEvaluation.Document document : tables) {
      DirectiveEvaluation.Score clean =
          DirectiveEvaluation.score(document.name(), List.of(document), parser);
      report.append(clean.row()).append('\n');
      for (Print print : List.of(
          new Print(true, 0), new Print(false, 0), new Print(true, 2.5), new Print(true, -1.5))) {
        List<String> lines = List.of(document.text().split("\n"));
        ScanRead read =
            readScan(DirectiveDocuments.scannedPdf(lines, 300, print.rules(), print.degrees()));
        String ocr = ocrText(read.view());
        String name = document.name() + print.label();
        DirectiveEvaluation.Score scanned = DirectiveEvaluation.score(
            name,
            List.of(new DirectiveEvaluation.Document(document.set(), name, ocr, document.labels())),
            parser);
        report.append(String.format(
            java.util.Locale.ROOT,
            "%s: %d pages in %.1f s, CER %.2f%%%n%s%n",
            name,
            read.pages(),
            read.seconds(),
            100 * CharacterErrorRate.of(document.text(), ocr),
            scanned.row()));
        assertThat(scanned.silentlyWrongDates())
            .as("dates wrong without a flag on %s", name)
            .isLessThanOrEqualTo(clean.silentlyWrongDates());
        assertThat(scanned.found())
            .as("tasks found in %s", name)
            .isGreaterThanOrEqualTo(clean.found() * 8 / 10);
      }
    }
    System.out.println(DirectiveEvaluation.Score.header() + "\n" + report);
  }

  /** How a table text is printed and scanned: with its rules or without, turned by some degrees or straight. */
  private record Print(boolean rules, double degrees) {
    String label() {
      return (rules ? " (OCR, ruled table" : " (OCR, table without rules")
          + (degrees == 0 ? ")" : String.format(java.util.Locale.ROOT, ", turned %.1f°)", degrees));
    }
  }

  /**
   * A table page photographed at a slant (a JPEG, turned 2.5°) is straightened as a scan is: its rows come out as the
   * straight scan's, cell for cell.
   */
  @Test
  void aTablePagePhotographedAtASlantIsReadAsTheStraightScan() throws Exception {
    DirectiveEvaluation.Document document = DirectiveEvaluation.documents().stream()
        .filter(d -> d.name().startsWith("dev6"))
        .findFirst()
        .orElseThrow();
    List<String> lines = List.of(document.text().split("\n"));
    List<String> straightRows = tableRows(ocrText(readScan(
            "trang.png", page(DirectiveDocuments.scannedPdf(lines, 300), 0, "png"), "image/png")
        .view()));
    String photo = ocrText(readScan(
            "anh-chup.jpg",
            page(DirectiveDocuments.scannedPdf(lines, 300, true, 2.5), 0, "jpg"),
            "image/jpeg")
        .view());

    assertThat(straightRows).hasSizeGreaterThanOrEqualTo(5);
    assertThat(tableRows(photo)).containsExactlyElementsOf(straightRows);
  }

  /** Page {@code index} (from 0) of a PDF as an image file of the format given, as a phone or a scanner saves it. */
  private static byte[] page(byte[] pdf, int index, String format) throws java.io.IOException {
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(document)
          .renderImageWithDPI(index, 300, org.apache.pdfbox.rendering.ImageType.RGB);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(image, format, out);
      return out.toByteArray();
    }
  }

  /** The lines of a read text that are a table's rows (cells separated by tabs). */
  private static List<String> tableRows(String text) {
    return text.lines().filter(line -> line.contains("\t")).toList();
  }

  /**
   * A 20-page scanned directive (the labelled texts one after another, printed at 300 dpi, image only) read as the desk
   * reads it: measured for docs/PERFORMANCE.md ("Scanned directives (OCR)"), with the machine's load average beside the time,
   * since the machine is shared. The time is printed, never asserted.
   */
  @Test
  void aTwentyPageScanIsReadInTheBackgroundAndMeasured() throws InterruptedException {
    List<String> text = DirectiveEvaluation.documents().stream()
        .flatMap(d -> List.of(d.text().split("\n")).stream())
        .toList();
    DirectiveDocuments.Scan scan = DirectiveDocuments.scannedPages(text, 300, 20);
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double loadBefore = os.getSystemLoadAverage();
    ScanRead read = readScan(scan.pdf());
    double loadAfter = os.getSystemLoadAverage();
    assertThat(read.pages()).isEqualTo(20);
    String ocr = ocrText(read.view());
    double cer = CharacterErrorRate.of(String.join("\n", scan.lines()), ocr);
    System.out.printf(
        java.util.Locale.ROOT,
        "20-page scan: %d pages in %.1f s (%.2f s a page), CER %.2f%%, load average %.1f before, %.1f after,"
            + " %d processors%n",
        read.pages(),
        read.seconds(),
        read.seconds() / read.pages(),
        100 * cer,
        loadBefore,
        loadAfter,
        os.getAvailableProcessors());
    assertThat(cer).as("character error rate of the 20-page scan").isLessThan(0.02);
  }

  private record ScanRead(JsonNode view, int pages, double seconds, boolean sawProgress) {}

  /** Uploads a scan, polls its job until done (progress never going back), and checks that no one else can see it. */
  private ScanRead readScan(byte[] scan) throws InterruptedException {
    return readScan("ban-quet.pdf", scan, "application/pdf");
  }

  private ScanRead readScan(String fileName, byte[] scan, String type) throws InterruptedException {
    long started = System.nanoTime();
    Api.Response accepted = Api.send(api()
        .multipartRequest(
            IMPORT + "?number=" + Api.encode("17-TB/CQTTBCĐ") + "&date=2025-12-29",
            "file",
            fileName,
            scan,
            type,
            Api.token("thuongtruc")));
    assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
    String job = accepted.json().path("id").asText();
    int pages = accepted.json().path("pages").asInt();
    assertThat(pages).isPositive();
    JsonNode view;
    int lastProgress = -1;
    boolean sawProgress = false;
    do {
      Thread.sleep(500);
      Api.Response polled = api().get(IMPORT + "/jobs/" + job, Api.token("thuongtruc"));
      assertThat(polled.status()).as(polled.raw().body()).isEqualTo(200);
      view = polled.json();
      int done = view.path("pagesDone").asInt();
      assertThat(done).isGreaterThanOrEqualTo(Math.max(lastProgress, 0)).isLessThanOrEqualTo(pages);
      sawProgress |= view.path("status").asText().equals("RUNNING");
      lastProgress = done;
    } while (view.path("status").asText().equals("RUNNING"));
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(view.path("status").asText()).isEqualTo("DONE");
    assertThat(view.path("pagesDone").asInt()).isEqualTo(pages);
    // Another person cannot see someone's reading.
    assertThat(api().get(IMPORT + "/jobs/" + job, Api.token("canbo.bkhcn")).status())
        .isIn(403, 404);
    return new ScanRead(view, pages, seconds, sawProgress);
  }

  private static String ocrText(JsonNode view) {
    return view.path("text").asText();
  }

  @Test
  void anAgencyOfficerMayNotImport() {
    assertThat(post(request("17-TB/CQTTBCĐ", "29/12/2025", appendix), "canbo.bkhcn")
            .status())
        .isEqualTo(403);
  }

  @Test
  void badInputIsAProblemNamingTheField() {
    assertField(post(request("số 17", "29/12/2025", appendix), "thuongtruc"), "directive.number");
    assertField(
        post(request("17-TB/CQTTBCĐ", "31/02/2025", appendix), "thuongtruc"), "directive.date");
    assertField(post(request("17-TB/CQTTBCĐ", "29/12/2025", "  "), "thuongtruc"), "appendixText");
    assertField(
        post(request("17-TB/CQTTBCĐ", "29/12/2025", "x".repeat(1024 * 1024 + 1)), "thuongtruc"),
        "appendixText");
    assertField(post("{\"appendixText\": \"1. Nhiệm vụ\"}", "thuongtruc"), "directive");
    Api.Response latin1 = Api.send(api()
        .multipartRequest(
            IMPORT + "?number=" + Api.encode("17-TB/CQTTBCĐ") + "&date=2025-12-29",
            "file",
            "phu-luc.txt",
            "Bộ Tài chính".getBytes(StandardCharsets.ISO_8859_1),
            "text/plain",
            Api.token("thuongtruc")));
    assertField(latin1, "file");
  }

  private static void assertField(Api.Response response, String field) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
  }
}
