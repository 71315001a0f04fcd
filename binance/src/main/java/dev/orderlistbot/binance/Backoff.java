package dev.orderlistbot.binance;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the user data stream waits before trying again after failures in a row: {@code
 * initial}, doubling with each further failure, never more than {@code max}. Used for reconnects
 * (failures of a connection) and for subscriptions Binance refused for a passing reason (failures
 * of one user's subscription).
 *
 * <p><b>Threading.</b> Immutable; the failure counts it is given live with their owners.
 */
record Backoff(Duration initial, Duration max) {
  Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
  }

  static Backoff of(BinanceUserDataStream.Settings settings) {
    return new Backoff(settings.initialBackoff(), settings.maxBackoff());
  }

  /** The wait after {@code failures} failures in a row: {@code initial} after none. */
  Duration after(int failures) {
    long initialMillis = initial.toMillis();
    long maxMillis = max.toMillis();
    long delay = failures >= 30 ? maxMillis : Math.min(maxMillis, initialMillis << Math.min(failures, 30));
    return Duration.ofMillis(delay);
  }
}
