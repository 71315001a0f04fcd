package dev.orderlistbot.app;

import dev.orderlistbot.core.engine.StepUpPolicy;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which live actions need a step-up code ({@code /2fa}); every one is off by default, which keeps
 * the bot as it was. Codes are asked on {@code BINANCE_ENV=live} only.
 *
 * <ul>
 *   <li>{@code BOT_STEP_UP_NOTIONAL_USDT}: a placement whose notional is above this many USDT
 *       (a ladder's lists counted together) needs a code; unset: none does;
 *   <li>{@code BOT_STEP_UP_PANIC_CLOSE}: {@code true} makes {@code /panic close} need a code;
 *   <li>{@code BOT_STEP_UP_KEY_CHANGES}: {@code true} makes {@code /setkey}, {@code /keygen} and
 *       {@code /delkey} need a code;
 *   <li>{@code BOT_STEP_UP_LIMIT_RAISES}: {@code true} makes raising one's own limits need a code.
 * </ul>
 */
record StepUpSettings(StepUpPolicy policy) {
  static final String NOTIONAL = "BOT_STEP_UP_NOTIONAL_USDT";
  static final String PANIC_CLOSE = "BOT_STEP_UP_PANIC_CLOSE";
  static final String KEY_CHANGES = "BOT_STEP_UP_KEY_CHANGES";
  static final String LIMIT_RAISES = "BOT_STEP_UP_LIMIT_RAISES";

  StepUpSettings {
    Objects.requireNonNull(policy, "policy");
  }

  static StepUpSettings from(Env env) {
    return new StepUpSettings(
        new StepUpPolicy(notional(env), flag(env, PANIC_CLOSE), flag(env, KEY_CHANGES), flag(env, LIMIT_RAISES)));
  }

  private static Optional<BigDecimal> notional(Env env) {
    Optional<String> text = env.text(NOTIONAL);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      BigDecimal value = new BigDecimal(text.get());
      if (value.signum() >= 0) {
        return Optional.of(value);
      }
    } catch (NumberFormatException e) {
      // answered below, with an example
    }
    env.problem(NOTIONAL, "must be an amount of USDT of 0 or more, e.g. 1000 (0 asks a code for every live placement), was '"
        + text.get() + "'");
    return Optional.empty();
  }

  private static boolean flag(Env env, String name) {
    String text = env.text(name, "false").toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> {
        env.problem(name, "must be true or false, was '" + text + "'");
        yield false;
      }
    };
  }
}
