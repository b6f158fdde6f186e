package vn.dondoc.app.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means "the database could not be reached" (PostgreSQL restarting, the network to it
 * gone, the pool out of connections) rather than a bug or bad data. Such a request changed nothing,
 * since its transaction could not commit, and the caller may retry: it is answered 503 with
 * Retry-After, not 500.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && connectionState(sql.getSQLState())) {
        return true;
      }
      // The rollback after a lost connection fails too: the pool has already closed the broken
      // connection
      // ("Connection is closed", an SQLException without SQLSTATE). What was lost is in the
      // application
      // exception it overrode, if any, else only in the log.
      if (cause instanceof TransactionSystemException rollback
          && (rollback.getApplicationException() != null
              ? causedBy(rollback.getApplicationException())
              : rollback.getCause() instanceof SQLException sql && sql.getSQLState() == null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 (connection exception: refused, broken, closed) and 57P01–57P03 (the server shuts
   * down or is not yet accepting connections).
   */
  private static boolean connectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P0"));
  }
}
