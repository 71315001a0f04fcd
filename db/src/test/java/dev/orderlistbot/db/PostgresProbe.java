package dev.orderlistbot.db;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orderlistbot.core.domain.Secret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Finds a PostgreSQL server for the tests that prove the migrations and SQL portable: {@code
 * BOT_TEST_POSTGRES_URL} / {@code _USER} / {@code _PASSWORD}, or by default {@code
 * jdbc:postgresql://localhost:5432/orderlistbot_test} as {@code orderlistbot}/{@code orderlistbot}.
 * When none answers within a short timeout the test is skipped, saying why; with {@code
 * BOT_TEST_POSTGRES_REQUIRED=true} (set by {@code .ci/run}) it fails instead, so nothing is skipped
 * in CI. Each probe creates a fresh schema, dropped by {@link #dropSchema()}. Public for {@link
 * dev.orderlistbot.db.testing.TestDatabases}, which other modules' tests use.
 */
public final class PostgresProbe {
  static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/orderlistbot_test";

  private final String url;
  private final String user;
  private final String password;
  private final String schema;

  private PostgresProbe(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /**
   * A fresh schema on the configured server; skips the calling test (JUnit assumption) when there is
   * none, or fails it when {@code BOT_TEST_POSTGRES_REQUIRED=true}.
   */
  public static PostgresProbe reachableOrSkip() {
    return reachableOrSkip(System.getenv());
  }

  static PostgresProbe reachableOrSkip(Map<String, String> env) {
    String url = env.getOrDefault("BOT_TEST_POSTGRES_URL", DEFAULT_URL);
    String user = env.getOrDefault("BOT_TEST_POSTGRES_USER", "orderlistbot");
    String password = env.getOrDefault("BOT_TEST_POSTGRES_PASSWORD", "orderlistbot");
    boolean required = Boolean.parseBoolean(env.getOrDefault("BOT_TEST_POSTGRES_REQUIRED", "false"));
    URI address = URI.create(url.substring("jdbc:".length()));
    int port = address.getPort() == -1 ? 5432 : address.getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.getHost(), port), 500);
    } catch (IOException e) {
      unavailable(required, "no PostgreSQL server at " + address.getHost() + ":" + port
          + " (set BOT_TEST_POSTGRES_URL, _USER, _PASSWORD to run the PostgreSQL tests)");
    }
    PostgresProbe probe = new PostgresProbe(url, user, password);
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + probe.schema);
    } catch (SQLException e) {
      unavailable(required, "PostgreSQL at " + url + " refused the test login or schema: " + e.getMessage());
    }
    return probe;
  }

  private static void unavailable(boolean required, String reason) {
    if (required) {
      fail("BOT_TEST_POSTGRES_REQUIRED=true but " + reason);
    }
    assumeTrue(false, "SKIPPED: " + reason);
  }

  /** The fresh schema's URL ({@code currentSchema=}), user and password, with the default pool. */
  DbConfig config() {
    return config(DbConfig.DEFAULT_POOL_SIZE);
  }

  /** The same with {@code poolSize} connections. */
  public DbConfig config(int poolSize) {
    String separator = url.contains("?") ? "&" : "?";
    return new DbConfig(url + separator + "currentSchema=" + schema, user, Secret.of(password), poolSize);
  }

  /** Drops the schema and everything in it. */
  public void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
