package dev.orderlistbot.db;

import dev.orderlistbot.testing.MutableClock;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Shared set-up for the key vault tests on an H2 file database. */
final class VaultFixture {
  /** Long and recognisable, so a plaintext copy anywhere on disk is unmistakable. */
  static final String HMAC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  static final String ED25519_PEM =
      "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJOvvTkWj0sdQ3rKkz9q8pXkq2dVqYl8CwLp1Sg4Xq3d\n-----END PRIVATE KEY-----\n";

  static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

  final SecureRandom random = new SecureRandom();
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final Path dataDir;

  VaultFixture(Path dataDir) {
    this.dataDir = dataDir;
  }

  Database openDatabase() {
    return Database.open(DbConfig.h2File(dataDir), clock);
  }

  static ApiCredentials hmac() {
    return new ApiCredentials(KeyType.HMAC, API_KEY, Secret.of(HMAC_SECRET));
  }

  static ApiCredentials ed25519() {
    return new ApiCredentials(KeyType.ED25519, "ed-" + API_KEY.substring(3), Secret.of(ED25519_PEM));
  }

  /** Runs raw SQL on the (possibly open) database, as an attacker with write access would. */
  int sql(String statement, Object... args) throws SQLException {
    try (Connection c = DriverManager.getConnection(DbConfig.defaultUrl(dataDir), "sa", "");
        PreparedStatement s = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }

  byte[] bytes(String query, Object... args) throws SQLException {
    try (Connection c = DriverManager.getConnection(DbConfig.defaultUrl(dataDir), "sa", "");
        PreparedStatement s = c.prepareStatement(query)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (var rows = s.executeQuery()) {
        rows.next();
        return rows.getBytes(1);
      }
    }
  }
}
