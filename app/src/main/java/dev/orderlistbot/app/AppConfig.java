package dev.orderlistbot.app;

import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.security.MasterKeyException;
import dev.orderlistbot.core.security.MasterKeySource;
import dev.orderlistbot.db.DbConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of the application, read once from a map of environment variables and validated;
 * all problems are reported together.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>BOT_DATA_DIR</td><td>./data</td><td>where the H2 database and a generated master key live</td></tr>
 *   <tr><td>BOT_DB_URL</td><td>jdbc:h2:file:${BOT_DATA_DIR}/orderlist-bot</td><td>jdbc:h2: or jdbc:postgresql: URL</td></tr>
 *   <tr><td>BOT_DB_USER</td><td>sa</td><td>database user</td></tr>
 *   <tr><td>BOT_DB_PASSWORD / _FILE</td><td>empty</td><td>database password, or a file holding it</td></tr>
 *   <tr><td>BOT_DB_POOL_SIZE</td><td>10</td><td>most database connections, 1 to 100</td></tr>
 *   <tr><td>BOT_MASTER_KEY / _FILE</td><td>generated</td><td>see {@link MasterKeySource}</td></tr>
 * </table>
 *
 * <p>{@link #from} touches nothing but the map and the {@code *_FILE} files it names (it does not
 * read the master key file yet: that happens at start-up, see {@link Assembly}).
 */
record AppConfig(Path dataDir, DbConfig db, MasterKeySource masterKey) {
  static final String DATA_DIR = MasterKeySource.DATA_DIR_VARIABLE;
  static final String DB_URL = "BOT_DB_URL";
  static final String DB_USER = "BOT_DB_USER";
  static final String DB_PASSWORD = "BOT_DB_PASSWORD";
  static final String DB_POOL_SIZE = "BOT_DB_POOL_SIZE";

  AppConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(masterKey, "masterKey");
  }

  /**
   * Reads and validates every variable.
   *
   * @throws AppException listing every problem, each naming its variable
   */
  static AppConfig from(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Path dataDir = path(value(env, DATA_DIR, MasterKeySource.DEFAULT_DATA_DIR), DATA_DIR, problems);
    String url = dataDir == null ? null : value(env, DB_URL, DbConfig.defaultUrl(dataDir));
    String user = value(env, DB_USER, DbConfig.DEFAULT_USER);
    Secret password = secret(env, DB_PASSWORD, problems);
    int poolSize = integer(env, DB_POOL_SIZE, DbConfig.DEFAULT_POOL_SIZE, problems);
    DbConfig db = null;
    if (url != null && password != null) {
      try {
        db = new DbConfig(url, user, password, poolSize);
      } catch (IllegalArgumentException e) {
        problems.add((e.getMessage().contains("pool") ? DB_POOL_SIZE : DB_URL) + ": " + e.getMessage());
      }
    }
    MasterKeySource masterKey = null;
    try {
      masterKey = MasterKeySource.fromConfig(env);
    } catch (MasterKeyException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new AppException(problems);
    }
    return new AppConfig(dataDir, db, masterKey);
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static Path path(String text, String name, List<String> problems) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      problems.add(name + ": not a valid path");
      return null;
    }
  }

  private static int integer(Map<String, String> env, String name, int fallback, List<String> problems) {
    String text = value(env, name, null);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      problems.add(name + ": not a whole number: '" + text + "'");
      return fallback;
    }
  }

  /** {@code NAME} or {@code NAME_FILE} (a file whose content, less a trailing newline, is the value). */
  private static Secret secret(Map<String, String> env, String name, List<String> problems) {
    String inline = env.get(name);
    String file = value(env, name + "_FILE", null);
    if (inline != null && !inline.isEmpty() && file != null) {
      problems.add(name + ": set only one of " + name + " and " + name + "_FILE");
      return null;
    }
    if (file == null) {
      return Secret.of(inline == null ? "" : inline);
    }
    try {
      String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      return Secret.of(content.replaceAll("[\\r\\n]+$", ""));
    } catch (IOException | InvalidPathException e) {
      problems.add(name + "_FILE: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
      return null;
    }
  }
}
