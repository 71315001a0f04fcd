package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.Secret;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The limit store's contract on an H2 file database, with a pool wide enough for the race. */
class H2LimitStoreTest extends LimitStoreContract {
  @TempDir Path dataDir;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(new DbConfig(DbConfig.defaultUrl(dataDir), "sa", Secret.of(""), 10), clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Override
  Database database() {
    return database;
  }
}
