package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.binance.BinanceConfig;
import dev.orderlistbot.core.engine.EngineConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateSettingsTest {

  @Test
  void withNothingSetAUserMaySendTwentyCommandsAMinuteAndReadAQuarterOfTheWeight() {
    RateSettings rates = AppConfig.from(Map.of()).rates();

    assertThat(rates.commandLimit()).isEqualTo(new EngineConfig.CommandLimit(20, Duration.ofSeconds(60)));
    assertThat(rates.weightBudget()).isEqualTo(new BinanceConfig.WeightBudget(25, 10));
  }

  @Test
  void theLimitsAreRead() {
    RateSettings rates =
        AppConfig.from(
                Map.of(
                    "BOT_USER_COMMAND_LIMIT", "5",
                    "BOT_USER_COMMAND_WINDOW_SECONDS", "10",
                    "BINANCE_USER_WEIGHT_PERCENT", "50",
                    "BINANCE_TRADING_RESERVE_PERCENT", "0"))
            .rates();

    assertThat(rates.commandLimit()).isEqualTo(new EngineConfig.CommandLimit(5, Duration.ofSeconds(10)));
    assertThat(rates.weightBudget()).isEqualTo(new BinanceConfig.WeightBudget(50, 0));
  }

  @Test
  void everyBadLimitIsNamed() {
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "BOT_USER_COMMAND_LIMIT", "0",
                        "BOT_USER_COMMAND_WINDOW_SECONDS", "a minute",
                        "BINANCE_USER_WEIGHT_PERCENT", "101",
                        "BINANCE_TRADING_RESERVE_PERCENT", "60")))
        .isInstanceOfSatisfying(
            AppException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("BOT_USER_COMMAND_LIMIT: must be between 1 and 1000"))
                    .anyMatch(p -> p.startsWith("BOT_USER_COMMAND_WINDOW_SECONDS: not a whole number"))
                    .anyMatch(p -> p.startsWith("BINANCE_USER_WEIGHT_PERCENT: must be between 1 and 100"))
                    .anyMatch(p -> p.startsWith("BINANCE_TRADING_RESERVE_PERCENT: must be between 0 and 50")));
  }
}
