package dev.orderlistbot.db;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The limit store's contract on PostgreSQL; skipped, saying so, when no server answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresLimitStoreTest extends LimitStoreContract {
  private PostgresProbe postgres;
  private Database database;

  @BeforeAll
  void open() {
    postgres = PostgresProbe.reachableOrSkip();
    database = Database.open(postgres.config(), clock);
  }

  /** One instance runs every test here (the schema is opened once), so each test starts at the contract's start time. */
  @org.junit.jupiter.api.BeforeEach
  void startTheClockAgain() {
    clock.set(java.time.Instant.parse("2026-03-01T10:00:00Z"));
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
