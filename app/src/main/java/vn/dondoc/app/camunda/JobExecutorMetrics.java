package vn.dondoc.app.camunda;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * What the engine's job executor has before it, for the operations dashboard (docs/OPERATIONS.md
 * "Metrics"): jobs due now and not yet taken (a backlog that grows means SLA timers fire late) and jobs
 * that failed out of retries (an incident in Cockpit). Counted in the shared database at each scrape.
 */
@Component
class JobExecutorMetrics {

  JobExecutorMetrics(ManagementService management, MeterRegistry meters) {
    Gauge.builder(
            "dondoc.jobs.due", () -> management.createJobQuery().executable().count())
        .description("Engine jobs due with retries left, waiting or running")
        .register(meters);
    Gauge.builder(
            "dondoc.jobs.failed",
            () -> management.createJobQuery().noRetriesLeft().count())
        .description("Engine jobs out of retries (incidents)")
        .register(meters);
  }
}
