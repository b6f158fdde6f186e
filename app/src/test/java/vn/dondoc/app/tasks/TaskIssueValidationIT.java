package vn.dondoc.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.IntegrationTest;

/** Bad issues and reports are refused naming the field, and nothing of them is stored. */
class TaskIssueValidationIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  private final String standingOffice = Api.token("thuongtruc");

  @Test
  void aDeadlineInThePastIsRefusedAndNothingIsStored() {
    String symbol = Directives.freshSymbol();
    assertRefused(
        symbol,
        List.of(
            Directives.task("1", "bkhcn", LocalDate.now().plusMonths(1)),
            Directives.task("2", "bkhcn", LocalDate.now().minusDays(1))),
        "tasks[1].deadline");
  }

  @Test
  void anUnknownAgencyIsRefused() {
    assertRefused(
        Directives.freshSymbol(),
        List.of(Directives.task("1", "bo-khong-co", LocalDate.now().plusMonths(1))),
        "tasks[0].leadAgency");
    assertRefused(
        Directives.freshSymbol(),
        List.of(Directives.task("1", "bkhcn", LocalDate.now().plusMonths(1), "xyz")),
        "tasks[0].cooperatingAgencies[0]");
  }

  @Test
  void aDuplicateTaskCodeIsRefused() {
    String symbol = Directives.freshSymbol();
    assertRefused(
        symbol,
        List.of(
            Directives.task("1.a", "bkhcn", LocalDate.now().plusMonths(1)),
            Directives.task("1.a", "hanoi", LocalDate.now().plusMonths(1))),
        "tasks[1].code");
  }

  @Test
  void aDirectiveIssuedTwiceIsAConflict() {
    String symbol = Directives.freshSymbol();
    List<Map<String, Object>> tasks =
        List.of(Directives.task("1", "bkhcn", LocalDate.now().plusMonths(1)));
    assertThat(api()
            .postJson(
                "/api/v1/directives",
                Api.toJson(Directives.notice(symbol, tasks)),
                standingOffice,
                Map.of())
            .status())
        .isEqualTo(201);
    assertThat(api()
            .postJson(
                "/api/v1/directives",
                Api.toJson(Directives.notice(symbol, tasks)),
                standingOffice,
                Map.of())
            .status())
        .isEqualTo(409);
    assertThat(count(
            "select count(*) from task t join directive d on d.id = t.directive_id where d.symbol = ?",
            symbol))
        .isEqualTo(1);
  }

  @Test
  void onlyTheStandingOfficeIssues() {
    Api.Response response = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(
                Directives.freshSymbol(),
                List.of(Directives.task("1", "bkhcn", LocalDate.now().plusMonths(1))))),
            Api.token("canbo.bkhcn"),
            Map.of());
    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void anOversizedEvidenceFileIsRefusedAtUploadAndTheTaskStaysWaiting() {
    Api.Response issued = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(
                Directives.freshSymbol(),
                List.of(Directives.task("1", "bkhcn", LocalDate.now().plusMonths(1))))),
            standingOffice,
            Map.of());
    String caseCode = issued.json().path("caseCodes").get(0).asText();
    String officer = Api.token("canbo.bkhcn");
    api().postJson("/api/v1/tasks/" + caseCode + "/acknowledge", "{}", officer, Map.of());
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy("%PDF-1.7\n".getBytes(), 0, big, 0, 9);
    Api.Response upload = api().upload("thong-tu.pdf", big, "application/pdf", officer);
    assertThat(upload.status()).isIn(400, 413);

    Map<String, Object> body = Directives.documentEvidence("12/2026/TT-BKHCN");
    @SuppressWarnings("unchecked")
    Map<String, Object> item = ((List<Map<String, Object>>) body.get("items")).get(0);
    item.put(
        "attachment",
        Map.of("id", "00000000-0000-0000-0000-000000000000", "uploadToken", "forged"));
    Api.Response report = api()
        .postJson("/api/v1/tasks/" + caseCode + "/completion", Api.toJson(body), officer, Map.of());
    assertThat(report.status()).isEqualTo(400);
    // the single "attachment" of older clients is read as the item's first file
    assertThat(report.json().path("errors").get(0).path("field").asText())
        .isEqualTo("items[0].attachments[0]");
    assertThat(count(
            "select count(*) from evidence_submission s join task t on t.id = s.task_id where t.case_code = ?",
            caseCode))
        .isZero();
    assertThat(jdbc.sql("select status from task where case_code = ?")
            .param(caseCode)
            .query(String.class)
            .single())
        .isEqualTo("IN_PROGRESS");
  }

  private void assertRefused(String symbol, List<Map<String, Object>> tasks, String field) {
    Api.Response response = api()
        .postJson(
            "/api/v1/directives",
            Api.toJson(Directives.notice(symbol, tasks)),
            standingOffice,
            Map.of());
    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    assertThat(count("select count(*) from directive where symbol = ?", symbol))
        .as("no directive stored")
        .isZero();
    assertThat(count("select count(*) from task where task_code like ?", symbol + "/%"))
        .as("no task stored")
        .isZero();
  }

  private int count(String sql, String param) {
    return jdbc.sql(sql).param(param).query(Integer.class).single();
  }
}
