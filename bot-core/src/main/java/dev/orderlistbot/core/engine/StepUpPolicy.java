package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.TradingEnvironment;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which actions need a step-up code (a PIN or an authenticator's code, see {@code /2fa}) before they
 * run, as the operator chose. Codes are asked only on {@link TradingEnvironment#LIVE}: paper and
 * testnet move no money, and Binance's demo trading holds only demo funds, so none of them asks.
 *
 * @param placementsAboveUsdt a placement (a list, or a ladder's lists together) whose notional, in
 *     USDT, is above this needs a code; empty: none does ({@code BOT_STEP_UP_NOTIONAL_USDT})
 * @param panicClose whether {@code /panic close} needs a code ({@code BOT_STEP_UP_PANIC_CLOSE})
 * @param keyChanges whether {@code /setkey}, {@code /keygen} and {@code /delkey} need a code
 *     ({@code BOT_STEP_UP_KEY_CHANGES})
 * @param limitRaises whether raising one's own limits needs a code ({@code BOT_STEP_UP_LIMIT_RAISES})
 */
public record StepUpPolicy(Optional<BigDecimal> placementsAboveUsdt, boolean panicClose, boolean keyChanges, boolean limitRaises) {
  /** Nothing needs a code: the default, today's behaviour. */
  public static final StepUpPolicy OFF = new StepUpPolicy(Optional.empty(), false, false, false);

  /** Wrong codes in a row (PIN and authenticator together) that lock a user's guarded actions. */
  public static final int MAX_WRONG_CODES = 5;

  /** How long such a lock lasts. */
  public static final Duration LOCK = Duration.ofMinutes(15);

  public StepUpPolicy {
    Objects.requireNonNull(placementsAboveUsdt, "placementsAboveUsdt");
    placementsAboveUsdt.ifPresent(
        limit -> {
          if (limit.signum() < 0) {
            throw new IllegalArgumentException("a notional threshold is not negative");
          }
        });
  }

  /** Whether codes are ever asked in {@code environment}. */
  boolean appliesIn(TradingEnvironment environment) {
    return environment == TradingEnvironment.LIVE;
  }
}
