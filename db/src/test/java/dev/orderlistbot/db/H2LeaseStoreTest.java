package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The lease store's contract on an H2 file database, with a pool wide enough for the races. */
class H2LeaseStoreTest extends LeaseStoreContract {
  @TempDir Path dataDir;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(new DbConfig(DbConfig.defaultUrl(dataDir), "sa", Secret.of(""), 10), new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));
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
