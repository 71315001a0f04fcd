package dev.orderlistbot.db;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The paper state store's contract on an H2 file database, as the bot runs by default. */
class H2PaperStateStoreTest extends PaperStateStoreContract {
  @TempDir Path dataDir;
  private Database database;

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  /** Opened on first use: the contract's own set-up runs before a subclass's. */
  @Override
  Database database() {
    if (database == null) {
      database = Database.open(DbConfig.h2File(dataDir), clock);
    }
    return database;
  }

  @Override
  DbConfig config() {
    return DbConfig.h2File(dataDir);
  }
}
