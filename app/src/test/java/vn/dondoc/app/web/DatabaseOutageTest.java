package vn.dondoc.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are "the database is unreachable" (503, retry) and which are not (500 as before). */
class DatabaseOutageTest {

  private static PSQLException brokenConnection() {
    PSQLException e = new PSQLException(
        "An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
    e.initCause(new EOFException());
    return e;
  }

  /** What the engine throws when the connection breaks under MyBatis. */
  private static ProcessEnginePersistenceException persistenceFailure() {
    return new ProcessEnginePersistenceException(
        "An exception occurred in the persistence layer.",
        new PersistenceException(brokenConnection()));
  }

  @Test
  void aConnectionLostInsideTheEngineIsAnOutage() {
    assertThat(DatabaseOutage.causedBy(persistenceFailure())).isTrue();
  }

  @Test
  void noConnectionFromThePoolIsAnOutage() {
    assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException(
            "Failed to obtain JDBC Connection",
            new SQLTransientConnectionException(
                "Connection is not available, request timed out after 5000ms"))))
        .isTrue();
  }

  @Test
  void theServerShuttingDownIsAnOutage() {
    assertThat(DatabaseOutage.causedBy(new RuntimeException(
            new SQLException("terminating connection due to administrator command", "57P01"))))
        .isTrue();
  }

  @Test
  void aRollbackOnTheClosedConnectionIsAnOutage() {
    TransactionSystemException withCause = new TransactionSystemException(
        "JDBC rollback failed", new SQLException("Connection is closed"));
    assertThat(DatabaseOutage.causedBy(withCause)).isTrue();

    TransactionSystemException overriding = new TransactionSystemException(
        "JDBC rollback failed", new SQLException("Connection is closed"));
    overriding.initApplicationException(persistenceFailure());
    assertThat(DatabaseOutage.causedBy(overriding)).isTrue();
  }

  @Test
  void badDataAndBugsAreNotOutages() {
    assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException(
            "duplicate key",
            new SQLException("duplicate key value violates unique constraint", "23505"))))
        .isFalse();
    assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
    TransactionSystemException overridingABug = new TransactionSystemException(
        "JDBC rollback failed", new SQLException("Connection is closed"));
    overridingABug.initApplicationException(new IllegalStateException("a bug"));
    assertThat(DatabaseOutage.causedBy(overridingABug)).isFalse();
  }
}
