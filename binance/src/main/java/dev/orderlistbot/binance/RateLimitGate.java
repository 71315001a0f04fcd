package dev.orderlistbot.binance;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A back-off that Binance imposed: after HTTP 429 or 418 the bot sends nothing through this gate
 * until the {@code Retry-After} instant, and fails fast instead. Binance bans IPs that keep
 * sending after a 429 (418, from 2 minutes up to 3 days), so this is not optional.
 *
 * <p>One gate is IP-wide (request weight, {@code -1003}, bans), shared by every user of the bot;
 * each credential set has its own for its account's order rate ({@code -1015}). Thread-safe.
 */
final class RateLimitGate {
  private final Clock clock;
  private Instant closedUntil = Instant.EPOCH;
  private int code;

  RateLimitGate(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Throws {@link BinanceCallException#blocked} while the gate is closed. */
  synchronized void checkOpen() {
    if (clock.instant().isBefore(closedUntil)) {
      throw BinanceCallException.blocked(code, closedUntil);
    }
  }

  /** Closes the gate until {@code until} (never shortens a longer back-off already in force). */
  synchronized void closeUntil(Instant until, int errorCode) {
    if (until.isAfter(closedUntil)) {
      closedUntil = until;
      code = errorCode;
    }
  }

  /** The end of the back-off in force, if any. */
  synchronized Optional<Instant> closedUntil() {
    return clock.instant().isBefore(closedUntil) ? Optional.of(closedUntil) : Optional.empty();
  }

  /** The later of two optional instants. */
  static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
  }
}
