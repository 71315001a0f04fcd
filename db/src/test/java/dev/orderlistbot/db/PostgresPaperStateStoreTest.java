package dev.orderlistbot.db;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The paper state store's contract on PostgreSQL; skipped, saying so, when no server answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresPaperStateStoreTest extends PaperStateStoreContract {
  private PostgresProbe postgres;
  private Database database;

  @BeforeAll
  void open() {
    postgres = PostgresProbe.reachableOrSkip();
    database = Database.open(postgres.config(), clock);
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

  @Override
  DbConfig config() {
    return postgres.config();
  }
}
