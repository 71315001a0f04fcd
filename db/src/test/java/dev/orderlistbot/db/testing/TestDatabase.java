package dev.orderlistbot.db.testing;

import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.db.PostgresProbe;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where one test keeps its data: an H2 file in the test's temporary directory, or a fresh
 * PostgreSQL schema. {@link #config()} may be opened (and reopened, for a restart) as often as the
 * test likes; {@link #close()} drops the PostgreSQL schema once every {@code Database} on it is closed
 * (the temporary directory takes the H2 file away).
 */
public final class TestDatabase implements AutoCloseable {
  private final TestDatabases kind;
  private final DbConfig config;
  private final Optional<PostgresProbe> postgres;

  TestDatabase(TestDatabases kind, DbConfig config, Optional<PostgresProbe> postgres) {
    this.kind = kind;
    this.config = config;
    this.postgres = postgres;
  }

  public TestDatabases kind() {
    return kind;
  }

  public DbConfig config() {
    return config;
  }

  /** The same database with a pool of {@code poolSize} connections. */
  public DbConfig config(int poolSize) {
    return new DbConfig(config.url(), config.user(), config.password(), poolSize);
  }

  @Override
  public void close() {
    if (postgres.isPresent()) {
      try {
        postgres.get().dropSchema();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot drop the test schema: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public String toString() {
    return kind.toString();
  }
}
