package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
  @TempDir Path dir;

  @Test
  void withNothingSetTheDefaultsRunAnH2FileInDotData() {
    AppConfig config = AppConfig.from(Map.of());

    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.db().url()).startsWith("jdbc:h2:file:").endsWith("/data/orderlist-bot;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(config.db().user()).isEqualTo("sa");
    assertThat(config.db().password().isEmpty()).isTrue();
    assertThat(config.db().poolSize()).isEqualTo(10);
    assertThat(config.masterKey().dataDirKeyFile()).contains(Path.of("./data/master.key"));
  }

  @Test
  void theDataDirMovesTheDefaultDatabaseAndKeyFile() {
    AppConfig config = AppConfig.from(Map.of("BOT_DATA_DIR", dir.toString()));
    assertThat(config.db().url()).isEqualTo("jdbc:h2:file:" + dir.toAbsolutePath() + "/orderlist-bot;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(config.masterKey().dataDirKeyFile()).contains(dir.resolve("master.key"));
  }

  @Test
  void aPostgresUrlWithPasswordAndPoolSizeIsTaken() {
    AppConfig config = AppConfig.from(Map.of(
        "BOT_DB_URL", "jdbc:postgresql://db:5432/bot", "BOT_DB_USER", "bot", "BOT_DB_PASSWORD", "pw-123",
        "BOT_DB_POOL_SIZE", "4"));
    assertThat(config.db().isPostgres()).isTrue();
    assertThat(config.db().password().reveal()).isEqualTo("pw-123");
    assertThat(config.db().poolSize()).isEqualTo(4);
    assertThat(config.toString()).doesNotContain("pw-123");
  }

  @Test
  void theDbPasswordCanComeFromAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("db-password"), "from-a-docker-secret\n");
    AppConfig config = AppConfig.from(Map.of("BOT_DB_PASSWORD_FILE", file.toString()));
    assertThat(config.db().password().reveal()).isEqualTo("from-a-docker-secret");
  }

  @Test
  void everyProblemIsReportedAtOnceEachNamingItsVariable() {
    Map<String, String> env = Map.of(
        "BOT_DB_URL", "jdbc:mysql://db/bot",
        "BOT_DB_POOL_SIZE", "many",
        "BOT_DB_PASSWORD", "a", "BOT_DB_PASSWORD_FILE", "/run/secrets/db",
        "BOT_MASTER_KEY", "bm90LWEta2V5");

    assertThatThrownBy(() -> AppConfig.from(env))
        .isInstanceOfSatisfying(AppException.class, e -> assertThat(e.problems())
            .hasSize(4)
            .anySatisfy(p -> assertThat(p).startsWith("BOT_DB_URL: only jdbc:h2: and jdbc:postgresql:"))
            .anySatisfy(p -> assertThat(p).startsWith("BOT_DB_POOL_SIZE: "))
            .anySatisfy(p -> assertThat(p).startsWith("BOT_DB_PASSWORD: set only one"))
            .anySatisfy(p -> assertThat(p).startsWith("BOT_MASTER_KEY: ").doesNotContain("bm90LWEta2V5")));
  }

  @Test
  void aBadUrlIsNamed() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("BOT_DB_URL", "jdbc:mysql://db/bot")))
        .isInstanceOfSatisfying(AppException.class,
            e -> assertThat(e.problems()).containsExactly("BOT_DB_URL: only jdbc:h2: and jdbc:postgresql: URLs are supported"));
  }

  @Test
  void theConfigPrintsNoKeyMaterial() {
    String key = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    AppConfig config = AppConfig.from(Map.of("BOT_MASTER_KEY", key, "BOT_DB_PASSWORD", "hunter2-db"));
    assertThat(config.toString()).doesNotContain(key).doesNotContain(key.substring(0, 8)).doesNotContain("hunter2-db");
  }

  @Test
  void theHealthEndpointListensOnThisMachineOnly8080AndTheConsoleIsOnByDefault() {
    ServiceSettings service = AppConfig.from(Map.of()).service();
    assertThat(service).isEqualTo(new ServiceSettings("127.0.0.1", 8080, true));
    assertThat(service.httpEnabled()).isTrue();
  }

  @Test
  void theContainerSettingsBindEverywhereAndTurnTheConsoleOff() {
    ServiceSettings service =
        AppConfig.from(Map.of("BOT_HTTP_HOST", "0.0.0.0", "BOT_HTTP_PORT", "9090", "BOT_CONSOLE", "off")).service();
    assertThat(service).isEqualTo(new ServiceSettings("0.0.0.0", 9090, false));
    assertThat(AppConfig.from(Map.of("BOT_HTTP_PORT", "0")).service().httpEnabled()).isFalse();
  }

  @Test
  void aBadPortHostOrConsoleSwitchIsReportedByName() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("BOT_HTTP_PORT", "70000", "BOT_HTTP_HOST", "http://x/", "BOT_CONSOLE", "maybe")))
        .isInstanceOfSatisfying(AppException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "BOT_HTTP_PORT: must be between 0 and 65535, was 70000",
            "BOT_HTTP_HOST: must be an address or host name such as 127.0.0.1 or 0.0.0.0, was 'http://x/'",
            "BOT_CONSOLE: must be one of on, off, was 'maybe'"));
  }

  @Test
  void theLogLevelIsInfoByDefaultAndTakenCaseInsensitivelyAndTheConsoleLogsUnderTheDataDir() {
    assertThat(AppConfig.from(Map.of()).logLevel()).isEqualTo(LogLevel.INFO);
    assertThat(AppConfig.from(Map.of("BOT_LOG_LEVEL", "debug")).logLevel()).isEqualTo(LogLevel.DEBUG);
    assertThat(AppConfig.from(Map.of("BOT_LOG_LEVEL", " Warn ")).logLevel()).isEqualTo(LogLevel.WARN);
    assertThat(AppConfig.from(Map.of("BOT_LOG_LEVEL", "TRACE")).logLevel()).isEqualTo(LogLevel.TRACE);
    assertThat(AppConfig.from(Map.of()).logFile()).isEqualTo(Path.of("data/logs/bot.log"));
    assertThat(AppConfig.from(Map.of("BOT_DATA_DIR", dir.toString())).logFile()).isEqualTo(dir.resolve("logs/bot.log"));
  }

  @Test
  void aBadLogLevelIsReportedByNameWithTheAllowedValuesAlongsideTheOtherProblems() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("BOT_LOG_LEVEL", "verbose", "BOT_CONSOLE", "maybe")))
        .isInstanceOfSatisfying(AppException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "BOT_LOG_LEVEL: must be one of trace, debug, info, warn, error, was 'verbose'",
            "BOT_CONSOLE: must be one of on, off, was 'maybe'"));
  }

  @Test
  void anH2DatabaseIsClosedByTheBotNotByH2sShutdownHook() {
    assertThat(AppConfig.from(Map.of("BOT_DB_URL", "jdbc:h2:mem:x")).db().url()).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(AppConfig.closedByTheBot("jdbc:h2:mem:x;db_close_on_exit=true")).isEqualTo("jdbc:h2:mem:x;db_close_on_exit=true");
    assertThat(AppConfig.closedByTheBot("jdbc:postgresql://db/bot")).isEqualTo("jdbc:postgresql://db/bot");
  }
}
