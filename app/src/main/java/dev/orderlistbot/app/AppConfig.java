package dev.orderlistbot.app;

import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.security.MasterKeyException;
import dev.orderlistbot.core.security.MasterKeySource;
import dev.orderlistbot.db.DbConfig;
import java.nio.file.Path;
import java.util.Locale;
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
 *   <tr><td>BOT_LOG_LEVEL</td><td>INFO</td><td>TRACE, DEBUG, INFO, WARN or ERROR; see {@link LogLevel}</td></tr>
 * </table>
 *
 * <p>Trading, platform, service, retention, rate and limit settings: {@link TradingSettings}, {@link
 * PlatformSettings} (Telegram's webhook mode: {@link TelegramWebhookSettings}), {@link ServiceSettings}, {@link RetentionSettings}, {@link RateSettings}, {@link
 * LimitSettings}, {@link StepUpSettings}; what a key may do: {@link PostureSettings}; charts: {@link
 * ChartSettings}.
 *
 * <p>{@link #from} touches nothing but the map and the {@code *_FILE} files it names (it does not
 * read the master key file yet: that happens at start-up, see {@link Assembly}).
 */
record AppConfig(
    Path dataDir,
    DbConfig db,
    MasterKeySource masterKey,
    TradingSettings trading,
    PlatformSettings platforms,
    ServiceSettings service,
    RetentionSettings retention,
    RateSettings rates,
    StepUpSettings stepUp,
    LogLevel logLevel,
    PostureSettings posture,
    LimitSettings limits,
    ChartSettings charts) {
  static final String DATA_DIR = MasterKeySource.DATA_DIR_VARIABLE;
  static final String DB_URL = "BOT_DB_URL";
  static final String DB_USER = "BOT_DB_USER";
  static final String DB_PASSWORD = "BOT_DB_PASSWORD";
  static final String DB_POOL_SIZE = "BOT_DB_POOL_SIZE";

  AppConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(masterKey, "masterKey");
    Objects.requireNonNull(trading, "trading");
    Objects.requireNonNull(platforms, "platforms");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(stepUp, "stepUp");
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(posture, "posture");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(charts, "charts");
  }

  /**
   * Reads and validates every variable.
   *
   * @throws AppException listing every problem, each naming its variable
   */
  static AppConfig from(Map<String, String> variables) {
    Env env = new Env(variables);
    Path dataDir = env.path(DATA_DIR).orElse(Path.of(MasterKeySource.DEFAULT_DATA_DIR));
    DbConfig db = db(env, dataDir);
    MasterKeySource masterKey = null;
    try {
      masterKey = MasterKeySource.fromConfig(variables);
    } catch (MasterKeyException e) {
      env.problemNamed(e.getMessage()); // already "VARIABLE: what is wrong"
    }
    TradingSettings trading = TradingSettings.from(env);
    PlatformSettings platforms = PlatformSettings.from(env);
    ServiceSettings service = ServiceSettings.from(env);
    RetentionSettings retention = RetentionSettings.from(env);
    RateSettings rates = RateSettings.from(env);
    StepUpSettings stepUp = StepUpSettings.from(env);
    LogLevel logLevel = LogLevel.from(env);
    PostureSettings posture = PostureSettings.from(env);
    LimitSettings limits = LimitSettings.from(env);
    ChartSettings charts = ChartSettings.from(env);
    if (!env.problems().isEmpty()) {
      throw new AppException(env.problems());
    }
    return new AppConfig(dataDir, db, masterKey, trading, platforms, service, retention, rates, stepUp, logLevel, posture, limits, charts);
  }

  /** Where the console writes its log: {@code ${BOT_DATA_DIR}/logs/bot.log} (rolled over beside it). */
  Path logFile() {
    return dataDir.resolve("logs").resolve("bot.log").normalize();
  }

  /**
   * H2 closes a database from its own JVM shutdown hook by default, which on SIGTERM races the
   * bot's clean shutdown (saving paper state, flushing the outbox): the bot closes it instead.
   */
  static String closedByTheBot(String url) {
    return url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")
        ? url + ";DB_CLOSE_ON_EXIT=FALSE"
        : url;
  }

  private static DbConfig db(Env env, Path dataDir) {
    String url = closedByTheBot(env.text(DB_URL, DbConfig.defaultUrl(dataDir)));
    String user = env.text(DB_USER, DbConfig.DEFAULT_USER);
    Secret password = env.secret(DB_PASSWORD).orElse(Secret.of(""));
    int poolSize = env.integer(DB_POOL_SIZE, DbConfig.DEFAULT_POOL_SIZE, 1, 100);
    try {
      return new DbConfig(url, user, password, poolSize);
    } catch (IllegalArgumentException e) {
      env.problem(DB_URL, e.getMessage());
      return null;
    }
  }
}
