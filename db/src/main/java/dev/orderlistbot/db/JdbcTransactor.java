package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/** Hands {@code work} a {@link JdbcStores} bound to one connection, then commits or rolls back. */
final class JdbcTransactor implements Transactor {
  private final DataSource dataSource;
  private final Clock clock;
  private final Dialect dialect;

  JdbcTransactor(DataSource dataSource, Clock clock, Dialect dialect) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.dialect = dialect;
  }

  @Override
  public <T> T inTransaction(Function<Stores, T> work) {
    Objects.requireNonNull(work, "work");
    return Transactions.run(
        dataSource,
        "run a transaction",
        connection -> {
          Session.Bound session = Session.bound(connection);
          try {
            return work.apply(new JdbcStores(session, clock, dialect));
          } finally {
            session.close();
          }
        });
  }
}
