package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.StepUpState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says whether an action of a user needs a step-up code before it runs, by the operator's {@link
 * StepUpPolicy}: only on LIVE, for a placement above the notional threshold (in USDT), {@code /panic
 * close}, key changes and raises of one's own limits. When a code is needed it fails closed: a user
 * with no code set, or locked after too many wrong codes, is refused, never let through.
 *
 * <p>For the limits' {@code /limits} command: call {@link #forLimitRaise} when a change raises a
 * limit and, when it is {@link Decision.NeedsCode}, run the change through {@link
 * StepUps#guard(dev.orderlistbot.core.chat.ChatEvent.TextMessage, Decision, String, Runnable,
 * Runnable)} (the same as the key commands do). Thread-safe.
 */
final class StepUpGate {
  private static final Logger LOG = LoggerFactory.getLogger(StepUpGate.class);

  /** What an action needs. */
  sealed interface Decision {
    /** It runs as it is. */
    record NotNeeded() implements Decision {}

    /** It runs once the user's code is right. */
    record NeedsCode() implements Decision {}

    /** A code is needed but the user set none: refused until they do ({@code /2fa}). */
    record NoCodeSet() implements Decision {}

    /** A code is needed but the user is locked after too many wrong ones. */
    record Locked(Instant until) implements Decision {}
  }

  private final EngineConfig config;
  private final StepUpCodes codes;
  private final UsdtRates rates;

  StepUpGate(EngineConfig config, StepUpCodes codes, ExchangeClient exchange) {
    this.config = config;
    this.codes = codes;
    this.rates = new UsdtRates(exchange);
  }

  /** A placement of {@code notional} in {@code quote} (a list, or a ladder's lists together). */
  Decision forPlacement(UserRef user, BigDecimal notional, Asset quote) {
    Optional<BigDecimal> threshold = config.stepUp().placementsAboveUsdt();
    if (threshold.isEmpty() || !live()) {
      return new Decision.NotNeeded();
    }
    Optional<BigDecimal> usdt = inUsdt(notional, quote);
    return need(user, usdt.isEmpty() || usdt.get().compareTo(threshold.get()) > 0);
  }

  Decision forPanicClose(UserRef user) {
    return need(user, live() && config.stepUp().panicClose());
  }

  /** {@code /setkey}, {@code /keygen}, {@code /delkey}. */
  Decision forKeyChange(UserRef user) {
    return need(user, live() && config.stepUp().keyChanges());
  }

  /** A change of the user's own limits that raises one of them. */
  Decision forLimitRaise(UserRef user) {
    return need(user, live() && config.stepUp().limitRaises());
  }

  /** An action whose need of a code was decided when it was offered (a placement's preview). */
  Decision decided(UserRef user) {
    return need(user, true);
  }

  private Decision need(UserRef user, boolean needed) {
    if (!needed) {
      return new Decision.NotNeeded();
    }
    // one read of the setting for the whole decision: the lock and the code are of the same row
    Optional<StepUpState> state = codes.state(user);
    Optional<Instant> locked = codes.lockedUntil(state);
    if (locked.isPresent()) {
      return new Decision.Locked(locked.get());
    }
    return state.filter(StepUpState::isSet).isPresent() ? new Decision.NeedsCode() : new Decision.NoCodeSet();
  }

  private boolean live() {
    return config.stepUp().appliesIn(config.environment());
  }

  /**
   * The notional in USDT, converted as the safety limits convert it ({@link UsdtRates}); empty when
   * it cannot be told (then a code is asked).
   */
  private Optional<BigDecimal> inUsdt(BigDecimal notional, Asset quote) {
    Optional<BigDecimal> usdt = rates.inUsdt(notional, quote);
    if (usdt.isEmpty()) {
      LOG.info("no USDT rate for {}: the placement is taken as above the step-up threshold", quote);
    }
    return usdt;
  }
}
