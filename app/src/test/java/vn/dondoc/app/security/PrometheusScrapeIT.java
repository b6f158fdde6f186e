package vn.dondoc.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;

/** /actuator/prometheus answers admins with the project's metrics, and nobody else (no scrape network in the it profile). */
class PrometheusScrapeIT extends IntegrationTest {

  @Test
  void adminsReadTheProjectsMetricsInPrometheusFormat() {
    api()
        .get(
            "/api/v1/search?q=metrics",
            null); // at least one timed request, so its histogram exists
    Api.Response scrape = api().get("/actuator/prometheus", Api.token("quantri"));
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.contentType()).startsWith("text/plain");
    String body = scrape.raw().body();
    assertThat(body)
        .contains(
            "http_server_requests_seconds_bucket{",
            "dondoc_search_lag_seconds",
            "dondoc_outbox_backlog ",
            "dondoc_sla_clocks{state=\"BREACHED\"}",
            "dondoc_sla_clocks{state=\"AT_RISK\"}",
            "dondoc_jobs_due ",
            "dondoc_jobs_failed ",
            "executor_active_threads{name=\"camundaTaskExecutor\"}",
            "hikaricp_connections_active");
  }

  @Test
  void othersAreRefused() {
    assertThat(api().get("/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(api().get("/actuator/prometheus", Api.token("canbo.bkhcn")).status())
        .isEqualTo(403);
  }
}
