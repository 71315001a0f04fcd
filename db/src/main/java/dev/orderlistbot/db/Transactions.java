package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;

/** Running work in one transaction, and the SQL states this adapter cares about. */
final class Transactions {
  /** Unique or primary key violation, on H2 and PostgreSQL alike. */
  static final String UNIQUE_VIOLATION = "23505";

  private Transactions() {}

  /** Borrows a connection, runs {@code work}, commits; rolls back and rethrows on any failure. */
  static <T> T run(DataSource dataSource, String operation, SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  /**
   * Runs an insert that may hit a unique constraint, inside a savepoint so that a duplicate leaves
   * the transaction usable (PostgreSQL aborts a transaction on any failed statement). Returns false
   * on a duplicate.
   */
  static boolean insertIfAbsent(Connection connection, SqlWork<Integer> insert) throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try {
      insert.run(connection);
      connection.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      connection.rollback(savepoint);
      return false;
    }
  }

  static StorageException failure(String operation, SQLException e) {
    return new StorageException("cannot " + operation + " (SQL state " + e.getSQLState() + ")", e);
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
