package vn.dondoc.app.camunda;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index on the due dates of Camunda's jobs. With {@code job-executor-acquire-by-due-date} the job
 * executor asks for the earliest due jobs first (so that a burst of SLA timers fires in due order), and
 * without this index PostgreSQL sorts the whole job table on every acquisition: one row per pending
 * timer, two per running SLA clock (docs/OPERATIONS.md, "Job executor"). Camunda's schema has no such
 * index; it is created here, concurrently and only if missing, so that two nodes starting together and
 * a large table are both fine.
 */
@Component
@EnableConfigurationProperties(JobDueDateIndex.Settings.class)
class JobDueDateIndex {

  /**
   * {@code dondoc.jobs.*}.
   *
   * @param dueDateIndex whether the index on the jobs' due dates is made at start-up (if missing)
   */
  @ConfigurationProperties("dondoc.jobs")
  record Settings(@DefaultValue("true") boolean dueDateIndex) {}

  private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);
  static final String NAME = "act_idx_job_duedate";

  private final JdbcTemplate jdbc;
  private final boolean enabled;

  JobDueDateIndex(JdbcTemplate jdbc, Settings settings) {
    this.jdbc = jdbc;
    this.enabled = settings.dueDateIndex();
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensure() {
    if (!enabled) {
      return;
    }
    Boolean valid = jdbc.query(
        "select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid"
            + " join pg_namespace n on n.oid = c.relnamespace where c.relname = ? and n.nspname = 'public'",
        rs -> rs.next() ? rs.getBoolean(1) : null,
        NAME);
    if (Boolean.FALSE.equals(valid)) {
      // a concurrent build that was interrupted leaves an invalid index behind
      jdbc.execute("drop index concurrently if exists public." + NAME);
    }
    if (!Boolean.TRUE.equals(valid)) {
      jdbc.execute(
          "create index concurrently if not exists " + NAME + " on public.act_ru_job (duedate_)");
      log.info(
          "created index {} on act_ru_job (due dates, for the job executor's acquisition)", NAME);
    }
  }
}
