package vn.dondoc.app.sla;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Live SLA clocks by the state the SLA board counts them in ({@link SlaSummary#stateSql}), for the
 * operations dashboard (docs/OPERATIONS.md "Metrics"): read from PostgreSQL at each scrape, so every node
 * reports the same figure.
 */
@Component
class SlaMetrics {

  private static final String COUNT_IN_STATE =
      "select count(*) from sla_clock c where c.state = 'RUNNING' and " + SlaSummary.stateSql("c")
          + " = :state";

  SlaMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
    for (String state : new String[] {"BREACHED", SlaSummary.AT_RISK}) {
      Gauge.builder(
              "dondoc.sla.clocks",
              () -> jdbc.sql(COUNT_IN_STATE)
                  .param("now", Timestamp.from(clock.instant()))
                  .param("state", state)
                  .query(Long.class)
                  .single())
          .description(
              "Running SLA clocks past their due instant (BREACHED) or their warning instant (AT_RISK)")
          .tag("state", state)
          .register(meters);
    }
  }
}
