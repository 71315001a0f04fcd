package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.TradeFees;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradingAndPlatformSettingsTest {

  @Test
  void withNothingSetTheBotTradesOnPaperInTheConsoleWithASixtySecondConfirmation() {
    AppConfig config = AppConfig.from(Map.of());

    assertThat(config.trading().environment()).isEqualTo(TradingEnvironment.PAPER);
    assertThat(config.trading().confirmTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.trading().allowedUsers()).isEmpty();
    assertThat(config.platforms().consoleOnly()).isTrue();
  }

  @Test
  void thePaperFeeIsBinancesStandardTenthOfAPercentUnlessSet() {
    assertThat(AppConfig.from(Map.of()).trading().paperFees())
        .isEqualTo(new TradeFees(new BigDecimal("0.001"), new BigDecimal("0.001")));

    AppConfig config = AppConfig.from(Map.of("BOT_PAPER_MAKER_FEE", "0", "BOT_PAPER_TAKER_FEE", "0.00075"));

    assertThat(config.trading().paperFees()).isEqualTo(new TradeFees(BigDecimal.ZERO, new BigDecimal("0.00075")));
  }

  @Test
  void aPaperFeeThatIsNotAFractionIsRefusedWithAnExample() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("BOT_PAPER_TAKER_FEE", "0.1%", "BOT_PAPER_MAKER_FEE", "2")))
        .hasMessageContaining("BOT_PAPER_TAKER_FEE: must be a fraction of the traded amount from 0 to 0.1, e.g. 0.001 for 0.1%, was '0.1%'")
        .hasMessageContaining("BOT_PAPER_MAKER_FEE: must be a fraction");
  }

  @Test
  void environmentUrlsUsersAndTokensAreRead(@TempDir Path dir) throws Exception {
    Path tokenFile = dir.resolve("discord.token");
    Files.writeString(tokenFile, "discord-token-value\n");

    AppConfig config =
        AppConfig.from(
            Map.of(
                "BINANCE_ENV", "TestNet",
                "BINANCE_REST_URL", "http://127.0.0.1:8089",
                "BOT_CONFIRM_TTL_SECONDS", "90",
                "BOT_ALLOWED_USERS", "telegram:123, discord:456 ,",
                "BOT_ADMINS", "telegram:1",
                "TELEGRAM_BOT_TOKEN", "123:abc",
                "TELEGRAM_API_URL", "http://127.0.0.1:9000",
                "DISCORD_BOT_TOKEN_FILE", tokenFile.toString()));

    assertThat(config.trading().environment()).isEqualTo(TradingEnvironment.TESTNET);
    assertThat(config.trading().restUrl()).contains(URI.create("http://127.0.0.1:8089"));
    assertThat(config.trading().confirmTtl()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.trading().allowedUsers())
        .containsExactlyInAnyOrder(new UserRef("telegram", "123"), new UserRef("discord", "456"));
    assertThat(config.trading().admins()).containsExactly(new UserRef("telegram", "1"));
    assertThat(config.platforms().telegramToken().orElseThrow().reveal()).isEqualTo("123:abc");
    assertThat(config.platforms().discordToken().orElseThrow().reveal()).isEqualTo("discord-token-value");
    assertThat(config.platforms().consoleOnly()).isFalse();
  }

  @Test
  void everyBadTradingOrPlatformVariableIsNamedTogetherWithoutQuotingSecrets() {
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "BINANCE_ENV", "mainnet",
                        "BOT_CONFIRM_TTL_SECONDS", "5",
                        "BOT_ALLOWED_USERS", "12345",
                        "TELEGRAM_BOT_TOKEN", "super-secret-token",
                        "TELEGRAM_BOT_TOKEN_FILE", "/nonexistent",
                        "TELEGRAM_API_URL", "ftp://example")))
        .isInstanceOf(AppException.class)
        .satisfies(
            e -> {
              AppException app = (AppException) e;
              assertThat(app.problems())
                  .anyMatch(p -> p.startsWith("BINANCE_ENV: must be one of paper, testnet, demo, live"))
                  .anyMatch(p -> p.startsWith("BOT_CONFIRM_TTL_SECONDS: must be between 10 and 3600"))
                  .anyMatch(p -> p.startsWith("BOT_ALLOWED_USERS: '12345' is not platform:id"))
                  .anyMatch(p -> p.startsWith("TELEGRAM_BOT_TOKEN: set only one of"))
                  .anyMatch(p -> p.startsWith("TELEGRAM_API_URL: must be an absolute http or https URL"));
              assertThat(String.join("\n", app.problems())).doesNotContain("super-secret-token");
            });
  }

  @Test
  void paperModeRefusesBinanceUrlsThatWouldSuggestItTradesForReal() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("BINANCE_REST_URL", "https://api.example.test")))
        .isInstanceOf(AppException.class)
        .hasMessageContaining("BINANCE_ENV: is paper");
  }
}
