package dev.orderlistbot.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.core.port.out.StorageException;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage adapter's one entry: opens a HikariCP pool on the configured URL (H2 file or
 * PostgreSQL), brings the schema up to date with the Flyway migrations in {@code db/migration}, and
 * hands out the storage ports.
 *
 * <pre>{@code
 * try (Database db = Database.open(DbConfig.h2File(Path.of("./data")), Clock.systemUTC())) {
 *   db.stores().processedEvents().markProcessed("executionReport:BTCUSDT:1:1");
 *   db.transactor().inTransaction(s -> s.outbox().enqueue(message));
 * }
 * }</pre>
 *
 * <p>Migrations run once at {@link #open}; a second open of an up-to-date database applies none.
 * Thread-safe. Failure modes: {@link StorageException} when the database cannot be reached or a
 * migration fails (the pool is closed again then). {@link #close()} closes the pool, which closes an
 * H2 file database once its last connection is gone.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  /** H2's "database not found" with {@code IFEXISTS=TRUE}. */
  private static final int H2_DATABASE_NOT_FOUND = 90146;

  /** How many parsed statements H2 keeps per connection (its default is 8). */
  static final int H2_QUERY_CACHE = 128;

  private final HikariDataSource dataSource;
  private final Stores stores;
  private final Transactor transactor;
  private final PaperStateStore paperState;
  private final int appliedMigrations;
  private final String schemaVersion;

  private Database(HikariDataSource dataSource, Clock clock, Dialect dialect, int appliedMigrations, String schemaVersion) {
    this.dataSource = dataSource;
    this.stores = new JdbcStores(Session.pooled(dataSource), clock, dialect);
    this.transactor = new JdbcTransactor(dataSource, clock, dialect);
    this.paperState = new JdbcPaperStateStore(Session.pooled(dataSource), clock);
    this.appliedMigrations = appliedMigrations;
    this.schemaVersion = schemaVersion;
  }

  /** Opens the pool and migrates the schema. */
  public static Database open(DbConfig config, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    HikariDataSource dataSource = pool(config, false);
    try {
      MigrateResult result = flyway(dataSource).migrate();
      String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
      Database database = new Database(dataSource, clock, Dialect.of(config), result.migrationsExecuted, version);
      LOG.info(
          "Database ready ({}), schema version {}, {} migration(s) applied",
          config.isPostgres() ? "PostgreSQL" : "H2",
          database.schemaVersion,
          database.appliedMigrations);
      return database;
    } catch (FlywayException | IllegalStateException e) {
      dataSource.close();
      throw new StorageException("cannot migrate the database schema: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /**
   * Opens an existing database without writing to it: no migrations, a read-only pool (for H2, the
   * file is opened with {@code ACCESS_MODE_DATA=r}, so not one byte of it changes). Empty when there
   * is no database or no schema yet. For start-up checks that must leave everything as it was when
   * they fail, such as verifying the master key.
   */
  public static Optional<Database> openReadOnlyIfExists(DbConfig config, Clock clock) {
    Objects.requireNonNull(config, "config");
    if (!config.isPostgres() && noSuchH2Database(config)) {
      return Optional.empty();
    }
    HikariDataSource dataSource;
    try {
      dataSource = pool(config, true);
    } catch (StorageException e) {
      if (isMissingH2Database(e)) {
        return Optional.empty();
      }
      throw e;
    }
    try {
      MigrationInfo current = flyway(dataSource).info().current();
      if (current == null) {
        dataSource.close();
        return Optional.empty();
      }
      return Optional.of(new Database(dataSource, clock, Dialect.of(config), 0, current.getVersion().getVersion()));
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /**
   * Whether H2 says there is no database file, asked with one plain connection: HikariCP, when its
   * first connection fails, sleeps a whole second before it gives up, and on a first start (a fresh
   * data directory) that second was spent on the start path. Any other failure answers false, so the
   * pool reports it as before.
   */
  private static boolean noSuchH2Database(DbConfig config) {
    try {
      Connection probe = DriverManager.getConnection(readOnlyH2Url(config), config.user(), config.password().reveal());
      probe.close();
      return false;
    } catch (SQLException e) {
      return isMissingH2Database(e);
    }
  }

  private static String readOnlyH2Url(DbConfig config) {
    return withQueryCache(config) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
  }

  /**
   * An H2 URL with room for {@value #H2_QUERY_CACHE} parsed statements per connection, unless the
   * operator's URL sets its own. H2 keeps 8 by default, fewer than the statements one order event
   * runs, so each event parsed all of its SQL again (issue 19's stream profile). PostgreSQL URLs are
   * left as they are.
   */
  static String withQueryCache(DbConfig config) {
    String url = config.url();
    if (config.isPostgres() || url.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE")) {
      return url;
    }
    return url + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE;
  }

  private static boolean isMissingH2Database(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_NOT_FOUND) {
        return true;
      }
    }
    return false;
  }

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure(Database.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load();
  }

  private static HikariDataSource pool(DbConfig config, boolean readOnly) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(readOnly ? "orderlist-bot-db-readonly" : "orderlist-bot-db");
    hikari.setJdbcUrl(readOnly && !config.isPostgres() ? readOnlyH2Url(config) : withQueryCache(config));
    hikari.setReadOnly(readOnly);
    hikari.setUsername(config.user());
    hikari.setPassword(config.password().reveal());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(Math.min(2, config.poolSize()));
    hikari.setAutoCommit(false);
    hikari.setConnectionTimeout(10_000);
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StorageException(
          "cannot open the database (" + (config.isPostgres() ? "PostgreSQL" : "H2") + "): " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  /** The ports, each call in its own transaction. */
  public Stores stores() {
    return stores;
  }

  /** Several store operations in one transaction. */
  public Transactor transactor() {
    return transactor;
  }

  /**
   * The paper exchange's saved state (one row, each save in its own transaction). Used only when the
   * bot trades on paper; the paper exchange is its only reader and writer.
   */
  public PaperStateStore paperState() {
    return paperState;
  }

  /** How many migrations {@link #open} applied: 0 when the schema was already up to date. */
  public int appliedMigrations() {
    return appliedMigrations;
  }

  /** The schema version after {@link #open}, e.g. {@code "1"}. */
  public String schemaVersion() {
    return schemaVersion;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
