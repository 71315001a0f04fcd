package dev.orderlistbot.db.testing;

import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.db.PostgresProbe;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The two databases the bot runs on, for tests that run once on each: {@code
 * @ParameterizedClass @EnumSource(TestDatabases.class)} with a {@code @Parameter TestDatabases
 * databases} field, then {@code databases.fresh(tempDir)} in {@code @BeforeEach}. The PostgreSQL one
 * skips, saying why, when no server is configured, and fails instead when {@code
 * BOT_TEST_POSTGRES_REQUIRED=true} ({@link PostgresProbe}).
 */
public enum TestDatabases {
  /** The default: an H2 file under the given directory. */
  H2 {
    @Override
    public TestDatabase fresh(Path dir) {
      return new TestDatabase(this, DbConfig.h2File(dir), Optional.empty());
    }
  },
  /** A fresh schema on the test PostgreSQL server ({@code BOT_TEST_POSTGRES_URL}); the directory is unused. */
  POSTGRESQL {
    @Override
    public TestDatabase fresh(Path dir) {
      PostgresProbe probe = PostgresProbe.reachableOrSkip();
      return new TestDatabase(this, probe.config(DbConfig.DEFAULT_POOL_SIZE), Optional.of(probe));
    }
  };

  /** A new, empty database for one test. */
  public abstract TestDatabase fresh(Path dir);
}
