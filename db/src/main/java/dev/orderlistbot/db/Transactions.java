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

  /** A transaction that could not be serialized with a concurrent one; trying it again may pass. */
  static final String SERIALIZATION_FAILURE = "40001";

  private static final int UPSERT_TRIES = 5;


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
   * Runs ONE insert statement that may hit a unique constraint so that a duplicate leaves the
   * transaction usable; returns false on a duplicate. Where a failed statement is undone alone and
   * the transaction goes on (H2, see {@link Dialect#failedStatementLeavesTransactionUsable}) it runs
   * bare: each H2 savepoint is a {@code SAVEPOINT} statement with a fresh name, parsed anew every
   * time (issue 19's stream profile: 5% of routing an event). Elsewhere it is {@link
   * #insertIfAbsent}. Work of several statements must use {@link #insertIfAbsent}: H2 would keep the
   * statements before the one that failed.
   */
  static boolean insertOneRowIfAbsent(Connection connection, Dialect dialect, SqlWork<Integer> insert) throws SQLException {
    if (!dialect.failedStatementLeavesTransactionUsable()) {
      return insertIfAbsent(connection, insert);
    }
    try {
      insert.run(connection);
      return true;
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      return false;
    }
  }

  /**
   * Runs an insert (one statement or several) that may hit a unique constraint, inside a savepoint
   * so that a duplicate undoes all of it and leaves the transaction usable (PostgreSQL aborts a
   * transaction on any failed statement). Returns false on a duplicate.
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

  /**
   * Writes one row by its key, also when another transaction writes the same row's first version at
   * the same moment: {@code update} first; when it found no row, {@code insert} (in a savepoint, see
   * {@link #insertIfAbsent}); when that hit the key because the other transaction inserted the row
   * meanwhile (a duplicate is reported once the other has committed, on H2 and PostgreSQL alike),
   * {@code update} again, a new statement that sees it under READ COMMITTED. One statement pair for
   * both databases: H2 has no {@code ON CONFLICT} outside its PostgreSQL mode, and a standard
   * {@code MERGE} does not guard a concurrent first insert on PostgreSQL (its manual says so).
   * Throws a serialization failure (40001) when the row keeps vanishing between the tries.
   */
  static void upsert(Connection connection, SqlWork<Integer> update, SqlWork<Integer> insert) throws SQLException {
    for (int attempt = 0; attempt < UPSERT_TRIES; attempt++) {
      if (update.run(connection) > 0 || insertIfAbsent(connection, insert)) {
        return;
      }
    }
    throw new SQLException("the row was inserted and removed under every try", SERIALIZATION_FAILURE);
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
