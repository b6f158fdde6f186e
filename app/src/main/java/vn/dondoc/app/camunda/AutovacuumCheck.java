package vn.dondoc.app.camunda;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns at start when PostgreSQL's autovacuum is off. The engine's tables grow by hundreds of thousands of
 * rows (variables, jobs, history), and with the statistics of their small days the planner fetches a job's
 * variables by scanning an index over every variable: measured, 120 ms instead of under 1 at 900,000
 * variables, which cut the job executor's rate for a burst of SLA timers to a fifth (docs/OPERATIONS.md,
 * "Job executor"). Only a warning: test and CI servers turn it off on purpose.
 */
@Component
class AutovacuumCheck {

  private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);

  private final JdbcTemplate jdbc;

  AutovacuumCheck(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void check() {
    warningFor(jdbc.queryForObject("show autovacuum", String.class)).ifPresent(log::warn);
  }

  static Optional<String> warningFor(String autovacuum) {
    if ("on".equalsIgnoreCase(autovacuum)) {
      return Optional.empty();
    }
    return Optional.of("PostgreSQL's autovacuum is " + autovacuum
        + ": the planner's statistics go stale as the engine's"
        + " tables grow and SLA timers fire late under load; turn it on, or run ANALYZE regularly"
        + " (docs/OPERATIONS.md, \"Job executor\")");
  }
}
