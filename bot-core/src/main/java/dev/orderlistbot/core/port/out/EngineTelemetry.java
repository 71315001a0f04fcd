package dev.orderlistbot.core.port.out;

import java.time.Duration;

/**
 * What the engine reports about its own work, for the operator's metrics: placements by outcome
 * and exchange code, how long a Confirm press took to get its answer, and notifications put back
 * for later. The app implements it over its metrics library; bot-core knows none.
 *
 * <p>Contract: every method returns at once and never throws (a failure inside is the
 * implementation's to swallow); it is called from any thread, so implementations are thread-safe.
 * Nothing passed carries a user, a symbol or a secret: every value has a small fixed range, so it
 * can be a metric tag. Example: Binance refusing a list with {@code {"code":-2010,...}} is reported
 * as {@code placement(REFUSED, -2010)}.
 */
public interface EngineTelemetry {

  /** Reports nothing: for tests and tools that do not collect metrics. */
  EngineTelemetry NOOP = new EngineTelemetry() {};

  /** What became of an order list the trader asked for. */
  enum PlacementOutcome {
    /** The list is on the exchange (answered at once, or found by its client id). */
    PLACED,
    /** The exchange, or the bot on its behalf (no key, rate limited), refused it: nothing placed. */
    REFUSED,
    /** The answer was lost and the look-up by client id did not find it: left for reconciliation. */
    UNKNOWN,
    /** An unexpected failure while placing, answered with a ref; the look-up did not find it. */
    ERROR,
    /** The bot's pre-trade checks refused it before any preview: nothing was sent. */
    PRE_TRADE_REFUSED
  }

  /** Why a notification was put back for later instead of sent. */
  enum RetryReason {
    /** The platform refused it for now and said how long to wait (HTTP 429 with retry-after). */
    RETRY_AFTER,
    /** The platform refused it for now without a wait, or sending failed unexpectedly. */
    TRANSIENT,
    /** The bot's own per-chat or per-platform rate limit held it back (not an attempt). */
    RATE_LIMITED,
    /** The chat's platform is not running. */
    PLATFORM_DOWN
  }

  /**
   * An order list was placed, refused or left unknown.
   *
   * @param code the exchange's error code for a refusal (Binance's are negative), otherwise {@link
   *     ExchangeError#NO_CODE}
   */
  default void placement(PlacementOutcome outcome, int code) {}

  /** The time from a Confirm press to the answer saying whether the list was placed. */
  default void confirmationTook(Duration elapsed) {}

  /** A notification was rescheduled or postponed rather than sent. */
  default void notificationRetried(RetryReason reason) {}

  /** A notification reached its chat (by whichever drain sent it). */
  default void notificationDelivered() {}
}
