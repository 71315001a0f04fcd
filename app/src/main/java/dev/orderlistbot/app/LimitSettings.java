package dev.orderlistbot.app;

import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.engine.SafetyLimits;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's safety rails (issue 16), every one off when its variable is unset.
 *
 * @param limits {@code BOT_LIMIT_PER_LIST_USDT}, {@code BOT_LIMIT_PER_DAY_USDT}, {@code
 *     BOT_LIMIT_OPEN_LISTS} and {@code BOT_LIMIT_DAILY_LOSS_USDT} (ceilings traders may lower for
 *     themselves), {@code BOT_ALLOWED_SYMBOLS} (the pairs the bot trades, comma- or
 *     space-separated) and {@code BOT_MIN_QUOTE_VOLUME_USDT} (the least 24-hour quote volume of a
 *     pair, in USDT)
 */
record LimitSettings(SafetyLimits limits) {
  static final String PER_LIST = "BOT_LIMIT_PER_LIST_USDT";
  static final String PER_DAY = "BOT_LIMIT_PER_DAY_USDT";
  static final String OPEN_LISTS = "BOT_LIMIT_OPEN_LISTS";
  static final String DAILY_LOSS = "BOT_LIMIT_DAILY_LOSS_USDT";
  static final String ALLOWED_SYMBOLS = "BOT_ALLOWED_SYMBOLS";
  static final String MIN_QUOTE_VOLUME = "BOT_MIN_QUOTE_VOLUME_USDT";

  LimitSettings {
    Objects.requireNonNull(limits, "limits");
  }

  static LimitSettings from(Env env) {
    SafetyLimits limits = SafetyLimits.NONE;
    limits = ceiling(env, limits, PER_LIST, LimitKind.PER_LIST);
    limits = ceiling(env, limits, PER_DAY, LimitKind.PER_DAY);
    limits = ceiling(env, limits, DAILY_LOSS, LimitKind.DAILY_LOSS);
    if (env.text(OPEN_LISTS).isPresent()) {
      limits = limits.withCeiling(LimitKind.OPEN_LISTS, BigDecimal.valueOf(env.integer(OPEN_LISTS, 1, 1, 100_000)));
    }
    Optional<BigDecimal> volume = usdt(env, MIN_QUOTE_VOLUME);
    if (volume.isPresent()) {
      limits = limits.withMinQuoteVolume(volume.get());
    }
    return new LimitSettings(limits.withAllowedSymbols(symbols(env)));
  }

  private static SafetyLimits ceiling(Env env, SafetyLimits limits, String name, LimitKind kind) {
    return usdt(env, name).map(amount -> limits.withCeiling(kind, amount)).orElse(limits);
  }

  /** A positive amount of USDT; empty (and a problem noted) when it is not one. */
  private static Optional<BigDecimal> usdt(Env env, String name) {
    Optional<String> text = env.text(name).map(String::strip).filter(t -> !t.isEmpty());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      BigDecimal amount = new BigDecimal(text.get());
      if (amount.signum() > 0) {
        return Optional.of(amount);
      }
    } catch (NumberFormatException e) {
      // answered below, with an example
    }
    env.problem(name, "must be a positive amount of USDT, e.g. 1000 (unset: no limit), was '" + text.get() + "'");
    return Optional.empty();
  }

  private static Set<Symbol> symbols(Env env) {
    Set<Symbol> symbols = new LinkedHashSet<>();
    for (String word : env.text(ALLOWED_SYMBOLS, "").split("[,\\s]+", -1)) {
      if (word.isEmpty()) {
        continue;
      }
      if (Symbol.isWellFormed(word)) {
        symbols.add(Symbol.of(word));
      } else {
        env.problem(ALLOWED_SYMBOLS, "'" + word + "' is not a pair: list pairs like BTCUSDT,ETHUSDT (unset: every pair)");
      }
    }
    return symbols;
  }
}
