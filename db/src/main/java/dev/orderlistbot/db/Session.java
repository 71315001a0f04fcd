package dev.orderlistbot.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where a store's statements run: either each call in its own transaction on a pooled connection, or
 * on the one connection of an enclosing {@link JdbcTransactor} transaction. Either way the connection
 * is not in auto-commit mode, so a store may use savepoints.
 */
interface Session {
  <T> T run(String operation, SqlWork<T> work);

  /** Each call borrows a connection, commits, and returns it. Thread-safe. */
  static Session pooled(DataSource dataSource) {
    return new Session() {
      @Override
      public <T> T run(String operation, SqlWork<T> work) {
        return Transactions.run(dataSource, operation, work);
      }
    };
  }

  /** Every call runs on {@code connection}; no commit. Confined to one thread. */
  static Bound bound(Connection connection) {
    return new Bound(connection);
  }

  /** A session bound to one transaction's connection, closed when the transaction ends. */
  final class Bound implements Session {
    private final Connection connection;
    private boolean closed;

    private Bound(Connection connection) {
      this.connection = connection;
    }

    @Override
    public <T> T run(String operation, SqlWork<T> work) {
      if (closed) {
        throw new IllegalStateException("the transaction these stores belonged to has ended");
      }
      try {
        return work.run(connection);
      } catch (SQLException e) {
        throw Transactions.failure(operation, e);
      }
    }

    void close() {
      closed = true;
    }
  }
}
