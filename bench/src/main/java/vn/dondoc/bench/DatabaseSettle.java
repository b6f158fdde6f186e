package vn.dondoc.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts a timed phase from the same state of the database as the others: the app's outbox drained into
 * Elasticsearch, the rows of the phases before it vacuumed and counted by the planner, no autovacuum worker
 * still busy with them, and then the machine quiet (CpuUse.waitUntilQuiet). Without it a phase pays for
 * the maintenance its predecessor made due, and a ratio of two phases says which ran second (measured
 * 01/12/2026: FeedbackService right after 13,000 rows were stored for the bare starts ran slower than the same
 * submissions over HTTP had before it). A backlog left in the outbox by an overloaded step would likewise be
 * indexed on the next phase's CPU.
 */
final class DatabaseSettle {

  private DatabaseSettle() {}

  /** As {@link #settle(Connection)}, on a connection of the template's pool (the benches inside the app's jar). */
  static void settle(JdbcTemplate jdbc) {
    jdbc.execute((Connection connection) -> {
      try {
        settle(connection);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the database settled", e);
      }
      return null;
    });
  }

  static void settle(Connection connection) throws SQLException, InterruptedException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true); // VACUUM refuses to run inside a transaction
    try (Statement statement = connection.createStatement()) {
      for (int waited = 0; waited < 120 && outboxWaiting(statement); waited++) {
        Thread.sleep(1000);
      }
      statement.execute("vacuum analyze");
      for (int waited = 0; waited < 60 && autovacuumRunning(statement); waited++) {
        Thread.sleep(1000);
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    CpuUse.waitUntilQuiet();
  }

  /** Rows in the app's outbox (none where the database has no app schema: the clock bench's engine only). */
  private static boolean outboxWaiting(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("""
        select to_regclass('dondoc.outbox') is not null""")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return false;
      }
    }
    try (ResultSet rs = statement.executeQuery("select exists (select 1 from dondoc.outbox)")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static boolean autovacuumRunning(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("""
        select exists (select 1 from pg_stat_activity where backend_type = 'autovacuum worker'
          and datname = current_database())""")) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
