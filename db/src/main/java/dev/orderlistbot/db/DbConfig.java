package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.Secret;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the database.
 *
 * @param url a JDBC URL: {@code jdbc:h2:file:./data/orderlist-bot} (the default) or {@code
 *     jdbc:postgresql://host:5432/orderlistbot}
 * @param password redacted in {@code toString()}; empty for the default H2 file
 * @param poolSize the most connections the pool opens, 1 to 100
 */
public record DbConfig(String url, String user, Secret password, int poolSize) {
  public static final int DEFAULT_POOL_SIZE = 10;
  public static final String DEFAULT_USER = "sa";

  public DbConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("only jdbc:h2: and jdbc:postgresql: URLs are supported");
    }
    if (poolSize < 1 || poolSize > 100) {
      throw new IllegalArgumentException("the pool size must be 1 to 100, not " + poolSize);
    }
  }

  /** The default H2 file database {@code <dataDir>/orderlist-bot}, user {@code sa}, no password. */
  public static DbConfig h2File(Path dataDir) {
    return new DbConfig(defaultUrl(dataDir), DEFAULT_USER, Secret.of(""), DEFAULT_POOL_SIZE);
  }

  /**
   * {@code jdbc:h2:file:<dataDir>/orderlist-bot}, with {@code dataDir} made absolute (H2 refuses a
   * path that is implicitly relative to the working directory).
   */
  public static String defaultUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("orderlist-bot");
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }
}
