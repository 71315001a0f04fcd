package dev.orderlistbot.db;

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
 * When none answers within a short timeout, the test is skipped with a message saying so. Each test
 * class gets a fresh schema, dropped afterwards.
 */
final class PostgresProbe {
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

  /** Skips the calling test (JUnit assumption) when no PostgreSQL server is reachable. */
  static PostgresProbe reachableOrSkip() {
    Map<String, String> env = System.getenv();
    String url = env.getOrDefault("BOT_TEST_POSTGRES_URL", DEFAULT_URL);
    String user = env.getOrDefault("BOT_TEST_POSTGRES_USER", "orderlistbot");
    String password = env.getOrDefault("BOT_TEST_POSTGRES_PASSWORD", "orderlistbot");
    URI address = URI.create(url.substring("jdbc:".length()));
    int port = address.getPort() == -1 ? 5432 : address.getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.getHost(), port), 500);
    } catch (IOException e) {
      assumeTrue(
          false,
          "SKIPPED: no PostgreSQL server at " + address.getHost() + ":" + port
              + " (set BOT_TEST_POSTGRES_URL, _USER, _PASSWORD to run the PostgreSQL tests)");
    }
    PostgresProbe probe = new PostgresProbe(url, user, password);
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + probe.schema);
    } catch (SQLException e) {
      assumeTrue(false, "SKIPPED: PostgreSQL at " + url + " refused the test login or schema: " + e.getMessage());
    }
    return probe;
  }

  DbConfig config() {
    String separator = url.contains("?") ? "&" : "?";
    return new DbConfig(url + separator + "currentSchema=" + schema, user, Secret.of(password), 10);
  }

  void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
