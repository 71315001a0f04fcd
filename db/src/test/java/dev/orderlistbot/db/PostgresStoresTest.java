package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same migrations and the same store contract on PostgreSQL, proving the SQL portable. Skipped,
 * saying so, when no PostgreSQL server answers (see {@link PostgresProbe}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStoresTest extends StoresContract {
  private PostgresProbe postgres;
  private Database database;
  private int firstRunMigrations;

  @BeforeAll
  void open() {
    postgres = PostgresProbe.reachableOrSkip();
    database = Database.open(postgres.config(), clock);
    firstRunMigrations = database.appliedMigrations();
  }

  /** One instance runs every test here (the schema is opened once), so each test starts at the contract's start time. */
  @org.junit.jupiter.api.BeforeEach
  void startTheClockAgain() {
    clock.set(START);
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

  @Test
  void migrationsRunOnAnEmptySchemaAndASecondStartIsANoOp() {
    assertThat(firstRunMigrations).isGreaterThanOrEqualTo(1);
    try (Database again = Database.open(postgres.config(), clock)) {
      assertThat(again.appliedMigrations()).isZero();
      assertThat(again.schemaVersion()).isEqualTo(database.schemaVersion());
    }
  }
}
