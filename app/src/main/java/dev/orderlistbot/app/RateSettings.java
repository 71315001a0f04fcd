package dev.orderlistbot.app;

import dev.orderlistbot.binance.BinanceConfig;
import dev.orderlistbot.core.engine.EngineConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How much one user may ask of the bot and, through it, of Binance (issue 14, defect 13).
 *
 * @param commandLimit {@code BOT_USER_COMMAND_LIMIT} commands (1 to 1000, default 20) in {@code
 *     BOT_USER_COMMAND_WINDOW_SECONDS} (1 to 3600, default 60) per user; the first command over it
 *     is answered with how long to wait, the rest are dropped
 * @param weightBudget {@code BINANCE_USER_WEIGHT_PERCENT}: the most of Binance's per-minute request
 *     weight one user's reads may use (1 to 100, default 25); {@code
 *     BINANCE_TRADING_RESERVE_PERCENT}: the part of it no read may use, kept for placing and
 *     cancelling (0 to 50, default 10)
 */
record RateSettings(EngineConfig.CommandLimit commandLimit, BinanceConfig.WeightBudget weightBudget) {
  static final String COMMAND_LIMIT = "BOT_USER_COMMAND_LIMIT";
  static final String COMMAND_WINDOW = "BOT_USER_COMMAND_WINDOW_SECONDS";
  static final String USER_WEIGHT = "BINANCE_USER_WEIGHT_PERCENT";
  static final String TRADING_RESERVE = "BINANCE_TRADING_RESERVE_PERCENT";

  RateSettings {
    Objects.requireNonNull(commandLimit, "commandLimit");
    Objects.requireNonNull(weightBudget, "weightBudget");
  }

  static RateSettings from(Env env) {
    EngineConfig.CommandLimit commands = EngineConfig.CommandLimit.DEFAULT;
    BinanceConfig.WeightBudget weight = BinanceConfig.WeightBudget.DEFAULT;
    int limit = env.integer(COMMAND_LIMIT, commands.commands(), 1, 1000);
    int window = env.integer(COMMAND_WINDOW, (int) commands.window().toSeconds(), 1, 3600);
    int user = env.integer(USER_WEIGHT, weight.userPercent(), 1, 100);
    int reserve = env.integer(TRADING_RESERVE, weight.tradingReservePercent(), 0, 50);
    return new RateSettings(
        new EngineConfig.CommandLimit(limit, Duration.ofSeconds(window)), new BinanceConfig.WeightBudget(user, reserve));
  }
}
