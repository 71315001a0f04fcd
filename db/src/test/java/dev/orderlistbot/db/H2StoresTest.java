package dev.orderlistbot.db;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file database, as the bot runs by default. */
class H2StoresTest extends StoresContract {
  @TempDir Path dataDir;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(DbConfig.h2File(dataDir), clock);
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
