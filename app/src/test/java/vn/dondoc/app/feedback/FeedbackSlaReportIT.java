package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;

/**
 * The source's figure (DOMAIN.md §2.5.1: "1.009/1.071 nội dung (đạt 94,2%)") reproduced through the
 * supervisors' API, from a fixture of items handled by Thái Nguyên in June 2025.
 */
class FeedbackSlaReportIT extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  private static final String PERIOD = "from=2025-06-01&to=2025-06-30";

  @BeforeEach
  void fixture() {
    if (jdbc.sql("select count(*) from feedback_item where code like 'FIX-2025-%'")
            .query(Long.class)
            .single()
        > 0) {
      return;
    }
    // 1,071 items received; the first 1,009 answered. Of the answered, 109 had a stage clock
    // breached.
    // Of the 62 open ones, 32 have a running clock past its due date, 30 are still within it.
    jdbc.sql("""
        insert into feedback_item (code, type, field, locality, title, content, contact_name, contact_email, status,
          handling_agency, submitted_at, updated_at, answered_at, answer_text)
        select 'FIX-2025-' || lpad(n::text, 6, '0'), 'complaint', 'digital-skills', 'thainguyen',
               'Phản ánh mẫu số ' || n, 'Nội dung mẫu', 'Người gửi mẫu', 'mau@example.vn',
               case when n <= 1009 then 'ANSWERED' else 'IN_PROGRESS' end, 'thainguyen',
               timestamptz '2025-06-02 09:00+07' + (n % 25) * interval '1 day', now(),
               case when n <= 1009 then timestamptz '2025-06-20 09:00+07' end,
               case when n <= 1009 then 'Trả lời mẫu' end
        from generate_series(1, 1071) as n""").update();
    jdbc.sql("""
        insert into sla_clock (case_type, case_id, case_code, process_instance_id, stage, state, budget_working_days,
          started_at, due_at, warn_at, supervisor_at, agency)
        select 'feedback', f.id, f.code, 'fixture-' || f.code, 'ANSWER',
               case when n <= 900 then 'MET' when n <= 1009 then 'BREACHED' else 'RUNNING' end,
               10, f.submitted_at,
               case when n <= 1041 then f.submitted_at + interval '14 days' else now() + interval '5 days' end,
               f.submitted_at + interval '10 days', f.submitted_at + interval '20 days', 'thainguyen'
        from feedback_item f, lateral (select substring(f.code from 10)::int as n) x
        where f.code like 'FIX-2025-%'""").update();
  }

  @Test
  void reproducesTheProcessedRateOfTheSourceDocument() {
    JsonNode report = api()
        .get("/api/v1/feedback/sla?agency=thainguyen&" + PERIOD, Api.token("giamsat"))
        .json();

    JsonNode thaiNguyen = report.path("agencies").get(0);
    assertThat(thaiNguyen.path("agency").asText()).isEqualTo("thainguyen");
    assertThat(thaiNguyen.path("received").asLong()).isEqualTo(1071);
    assertThat(thaiNguyen.path("answered").asLong()).isEqualTo(1009);
    assertThat(thaiNguyen.path("processedRate").decimalValue()).isEqualByComparingTo("94.2");
  }

  @Test
  void theOnTimeRateCountsOpenOverdueItemsAgainstTheAgency() {
    JsonNode thaiNguyen = api()
        .get("/api/v1/feedback/sla?agency=thainguyen&" + PERIOD, Api.token("giamsat"))
        .json()
        .path("agencies")
        .get(0);

    assertThat(thaiNguyen.path("answeredOnTime").asLong()).isEqualTo(900);
    assertThat(thaiNguyen.path("openOverdue").asLong()).isEqualTo(32);
    // 900 / (1,009 + 32) = 86.46...%
    assertThat(thaiNguyen.path("onTimeRate").decimalValue()).isEqualByComparingTo("86.5");
  }

  @Test
  void breachesAreListedOldestFirstWithDaysOverdue() {
    JsonNode report = api()
        .get("/api/v1/feedback/sla?agency=thainguyen&" + PERIOD, Api.token("giamsat"))
        .json();

    assertThat(report.path("clocks").path("breached").asLong()).isEqualTo(32);
    assertThat(report.path("clocks").path("running").asLong()).isEqualTo(30);
    JsonNode oldest = report.path("breaches").get(0);
    assertThat(oldest.path("daysOverdue").asLong()).isGreaterThan(300);
    assertThat(report.path("breaches").findValuesAsText("dueAt")).isSorted();
  }

  @Test
  void anAgencyOfficerSeesOnlyTheirAgencyAndBadFiltersAreRefused() {
    JsonNode forBkhcn =
        api().get("/api/v1/feedback/sla?" + PERIOD, Api.token("canbo.bkhcn")).json();
    assertThat(forBkhcn.path("agencies").findValuesAsText("agency")).doesNotContain("thainguyen");

    assertThat(api()
            .get("/api/v1/feedback/sla?field=weather", Api.token("giamsat"))
            .status())
        .isEqualTo(400);
    assertThat(api()
            .get("/api/v1/feedback/sla?from=2025-06-30&to=2025-06-01", Api.token("giamsat"))
            .status())
        .isEqualTo(400);
    assertThat(api().get("/api/v1/feedback/sla", Api.token("congdan")).status()).isEqualTo(403);
  }
}
