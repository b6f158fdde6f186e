package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.CsvFiles;
import vn.dondoc.app.support.IntegrationTest;

/** The overdue list as JSON, CSV and Excel, from a handful of tasks written straight into the tables. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueExportIT extends IntegrationTest {

  private static final String AS_OF = "2026-07-31";
  private static final String INJECTION = "=HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")";

  @Autowired
  JdbcTemplate jdbc;

  private TaskFixture fixture;

  @BeforeAll
  void fixture() {
    fixture = new TaskFixture(jdbc, "9918-TB/CQTTBCĐ", LocalDate.of(2025, 12, 29), "FXO")
        // 1: overdue since 31/3, extended to 31/8 after a rejected first request
        .batch(1)
        .ledBy("hanoi", "bkhcn")
        .due(LocalDate.of(2026, 3, 31))
        .extendedTo(LocalDate.of(2026, 8, 31))
        .content("Ban hành Chiến lược dữ liệu của Thành phố")
        .request(
            "FUNDING",
            "Chưa được bố trí vốn",
            "REJECTED",
            LocalDate.of(2026, 6, 30),
            null,
            "[]",
            false,
            LocalDate.of(2026, 3, 1))
        .request(
            "WAITING_FOR_GUIDANCE",
            "Chờ Nghị định hướng dẫn Luật Dữ liệu",
            "APPROVED",
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 8, 31),
            "[{\"date\": \"2026-06-30\", \"milestone\": \"Trình dự thảo\"}, {\"date\": \"2026-08-31\", \"milestone\": \"Ban hành\"}]",
            true,
            LocalDate.of(2026, 4, 1))
        .add()
        // 2: overdue since 30/6, no request
        .batch(1)
        .ledBy("bkhcn")
        .due(LocalDate.of(2026, 6, 30))
        .content("Hoàn thành nền tảng dùng chung")
        .add()
        // 3: overdue since 15/7 with a pending request; its content looks like a formula
        .batch(1)
        .ledBy("bca")
        .due(LocalDate.of(2026, 7, 15))
        .status(TaskStatus.COMPLETION_SUBMITTED)
        .content(INJECTION)
        .request(
            "DEPENDENCY",
            "-Chờ số liệu của bộ khác",
            "SUBMITTED",
            LocalDate.of(2026, 9, 30),
            null,
            "[{\"date\": \"2026-09-30\", \"milestone\": \"Hoàn thành\"}]",
            true,
            LocalDate.of(2026, 7, 20))
        .add()
        // 4: within its deadline
        .batch(1)
        .ledBy("hanoi")
        .due(LocalDate.of(2026, 12, 31))
        .add()
        // 5: completed late
        .batch(1)
        .ledBy("hanoi")
        .due(LocalDate.of(2026, 5, 31))
        .completedOn(LocalDate.of(2026, 6, 15))
        .add()
        // 6: completed on 10/8, so overdue and still open on 31/7
        .batch(1)
        .ledBy("btc")
        .due(LocalDate.of(2026, 6, 30))
        .completedOn(LocalDate.of(2026, 8, 10))
        .add()
        .insert();
  }

  @AfterAll
  void removeFixture() {
    fixture.delete();
  }

  private String query() {
    return "?asOf=" + AS_OF + "&directive=" + Api.encode(fixture.symbol());
  }

  private HttpResponse<byte[]> download(String path, String user)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + Api.token(user))
        .GET()
        .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode rows(String user) {
    Api.Response response = api().get("/api/v1/tasks/overdue" + query(), Api.token(user));
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json().path("rows");
  }

  private List<List<String>> expectedCells() {
    List<List<String>> cells = new ArrayList<>();
    cells.add(OverdueList.HEADERS);
    rows("thuongtruc").forEach(row -> {
      List<String> line = new ArrayList<>();
      row.path("cells").forEach(cell -> line.add(cell.asText()));
      cells.add(line);
    });
    return cells;
  }

  @Test
  void rowsAreTheOpenTasksPastTheirOriginalDeadlineMostDaysFirst() {
    JsonNode rows = rows("thuongtruc");

    assertThat(rows.findValuesAsText("taskCode"))
        .containsExactly(
            "9918-TB/CQTTBCĐ/1", "9918-TB/CQTTBCĐ/2", "9918-TB/CQTTBCĐ/6", "9918-TB/CQTTBCĐ/3");
    assertThat(rows.findValuesAsText("daysOverdue")).containsExactly("122", "31", "31", "16");
    assertThat(rows.findValuesAsText("no")).containsExactly("1", "2", "3", "4");

    JsonNode extended = rows.get(0);
    assertThat(extended.path("originalDeadline").asText()).isEqualTo("2026-03-31");
    assertThat(extended.path("deadlineInForce").asText()).isEqualTo("2026-08-31");
    assertThat(extended.path("leadAgency").path("name").asText()).isEqualTo("Thành phố Hà Nội");
    assertThat(extended.path("reason").path("code").asText()).isEqualTo("WAITING_FOR_GUIDANCE");
    assertThat(extended.path("commitment").path("approved").asBoolean()).isTrue();
    assertThat(extended.path("commitment").path("milestones")).hasSize(2);
    assertThat(extended.path("cells").get(2).asText()).isEqualTo("9918-TB/CQTTBCĐ ngày 29/12/2025");
    assertThat(extended.path("cells").get(3).asText()).isEqualTo("Thành phố Hà Nội");
    assertThat(extended.path("cells").get(4).asText()).isEqualTo("Bộ Khoa học và Công nghệ");
    assertThat(extended.path("cells").get(5).asText())
        .isEqualTo("31/03/2026 (gia hạn đến 31/08/2026)");
    assertThat(extended.path("cells").get(6).asText()).isEqualTo("Quá hạn, đang thực hiện");
    assertThat(extended.path("cells").get(7).asText()).isEqualTo("122");
    assertThat(extended.path("cells").get(8).asText())
        .isEqualTo("Chờ văn bản hướng dẫn, căn cứ pháp lý: Chờ Nghị định hướng dẫn Luật Dữ liệu");
    assertThat(extended.path("cells").get(9).asText())
        .isEqualTo("Đã gia hạn đến 31/08/2026\n30/06/2026: Trình dự thảo\n31/08/2026: Ban hành");
    assertThat(extended.path("cells").get(10).asText())
        .contains("9918-TB/CQTTBCĐ/1", "sau khi đã quá hạn");

    JsonNode withoutRequest = rows.get(1);
    assertThat(withoutRequest.has("reason")).isFalse();
    assertThat(withoutRequest.has("deadlineInForce")).isFalse();
    assertThat(withoutRequest.path("cells").get(5).asText()).isEqualTo("30/06/2026");
    assertThat(withoutRequest.path("cells").get(8).asText()).isEmpty();

    assertThat(rows.get(2).path("status").asText()).isEqualTo("IN_PROGRESS");
    JsonNode pending = rows.get(3);
    assertThat(pending.path("statusLabel").asText())
        .isEqualTo("Quá hạn, đã báo cáo hoàn thành, chờ kiểm chứng");
    assertThat(pending.path("cells").get(9).asText())
        .startsWith("Đề nghị gia hạn đến 30/09/2026, đang chờ xem xét");

    JsonNode english = api()
        .get(
            "/api/v1/tasks/overdue" + query(),
            Api.token("thuongtruc"),
            java.util.Map.of("Accept-Language", "en"))
        .json()
        .path("rows");
    assertThat(english.get(0).path("reason").path("label").asText())
        .isEqualTo("Waiting for guidance or legal basis");
    assertThat(english.get(0).path("cells").get(6).asText()).isEqualTo("Quá hạn, đang thực hiện");
  }

  @Test
  void theCsvIsUtf8WithABomAndParsesBackToTheRows() throws Exception {
    HttpResponse<byte[]> response = download("/api/v1/tasks/overdue.csv" + query(), "thuongtruc");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment")
        .contains("filename=\"nhiem-vu-qua-han-2026-07-31.csv\"");
    byte[] body = response.body();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\r\n");

    List<List<String>> parsed = CsvFiles.parse(text);
    List<List<String>> expected = expectedCells();
    assertThat(parsed).hasSize(5);
    assertThat(parsed.get(0)).isEqualTo(OverdueList.HEADERS);
    assertThat(parsed.get(1)).isEqualTo(expected.get(1));
    assertThat(parsed.get(1).get(9)).contains("\n");
    // the formula-like content is neutralised, the rest of the row is as the JSON has it
    assertThat(parsed.get(4).get(1)).isEqualTo("'" + INJECTION);
    assertThat(parsed.get(4).subList(2, 11)).isEqualTo(expected.get(4).subList(2, 11));
  }

  @Test
  void theWorkbookReadsBackWithTitleFrozenBoldHeaderAndNeutralisedCells() throws Exception {
    HttpResponse<byte[]> response = download("/api/v1/tasks/overdue.xlsx" + query(), "thuongtruc");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .contains("filename=\"nhiem-vu-qua-han-2026-07-31.xlsx\"");
    List<List<String>> expected = expectedCells();
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("DANH SÁCH NHIỆM VỤ QUÁ HẠN (tính đến ngày 31/07/2026)");
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      Row header = sheet.getRow(1);
      for (int i = 0; i < OverdueList.HEADERS.size(); i++) {
        assertThat(header.getCell(i).getStringCellValue()).isEqualTo(OverdueList.HEADERS.get(i));
        assertThat(workbook
                .getFontAt(header.getCell(i).getCellStyle().getFontIndex())
                .getBold())
            .isTrue();
      }
      assertThat(sheet.getLastRowNum()).isEqualTo(5);
      for (int r = 1; r <= 4; r++) {
        Row row = sheet.getRow(r + 1);
        assertThat((long) row.getCell(0).getNumericCellValue()).isEqualTo(r);
        assertThat(row.getCell(7).getNumericCellValue())
            .isEqualTo(Double.parseDouble(expected.get(r).get(7)));
        for (int c = 1; c < 11; c++) {
          if (c == 7) {
            continue;
          }
          assertThat(row.getCell(c).getCellType()).isEqualTo(CellType.STRING);
          assertThat(row.getCell(c).getStringCellValue())
              .isEqualTo(expected.get(r).get(c));
        }
      }
      assertThat(sheet.getRow(5).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(sheet.getRow(2).getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
    }
  }

  @Test
  void agencyStaffGetOnlyTheirAgenciesRowsAndBadParametersAreRefused() throws Exception {
    assertThat(rows("canbo.hanoi").findValuesAsText("taskCode"))
        .containsExactly("9918-TB/CQTTBCĐ/1");
    assertThat(rows("canbo.bkhcn").findValuesAsText("taskCode"))
        .containsExactly("9918-TB/CQTTBCĐ/1", "9918-TB/CQTTBCĐ/2");
    assertThat(CsvFiles.parse(new String(
                download("/api/v1/tasks/overdue.csv" + query(), "canbo.hanoi").body(),
                StandardCharsets.UTF_8)
            .substring(1)))
        .hasSize(2);

    assertThat(rows("giamsat").size()).isEqualTo(4);
    assertThat(api()
            .get("/api/v1/tasks/overdue" + query() + "&agency=bca", Api.token("giamsat"))
            .json()
            .path("rows")
            .findValuesAsText("taskCode"))
        .containsExactly("9918-TB/CQTTBCĐ/3");
    // on 15/7 the third was due that very day, so not yet overdue
    JsonNode july15 = api()
        .get(
            "/api/v1/tasks/overdue?asOf=2026-07-15&directive=" + Api.encode(fixture.symbol()),
            Api.token("giamsat"))
        .json()
        .path("rows");
    assertThat(july15.findValuesAsText("taskCode"))
        .containsExactly("9918-TB/CQTTBCĐ/1", "9918-TB/CQTTBCĐ/2", "9918-TB/CQTTBCĐ/6");
    assertThat(july15.findValuesAsText("daysOverdue")).containsExactly("106", "15", "15");

    HttpResponse<byte[]> bad = download("/api/v1/tasks/overdue.xlsx?asOf=tomorrow", "thuongtruc");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("\"field\":\"asOf\"");
  }
}
