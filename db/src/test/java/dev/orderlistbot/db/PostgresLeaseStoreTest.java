package dev.orderlistbot.db;

import dev.orderlistbot.testing.MutableClock;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The lease store's contract on PostgreSQL; skipped, saying so, when no server answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresLeaseStoreTest extends LeaseStoreContract {
  private PostgresProbe postgres;
  private Database database;

  @BeforeAll
  void open() {
    postgres = PostgresProbe.reachableOrSkip();
    database = Database.open(postgres.config(), new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));
  }

  @AfterAll
  void close() throws SQLException {
    if (database != null) {
      database.close();
      postgres.dropSchema();
    }
  }

  @Override
  Database database() {
    return database;
  }
}
