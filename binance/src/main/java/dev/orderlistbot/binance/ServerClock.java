package dev.orderlistbot.binance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's clock as seen from here: the injected {@link Clock} plus an offset measured with {@code
 * GET /api/v3/time}. Signed requests take their {@code timestamp} from it, so a host clock that is
 * a few seconds off does not make Binance refuse every request with {@code -1021}.
 *
 * <p>The offset is measured on first use, again after {@code resyncInterval}, and on demand after a
 * {@code -1021}. The measurement assumes the server read its clock half-way through the round trip.
 * Thread-safe; one instance serves every credential set of an environment.
 */
final class ServerClock {
  private static final Logger log = LoggerFactory.getLogger(ServerClock.class);

  private final Clock clock;
  private final LongSupplier serverTimeMillis;
  private final Duration resyncInterval;
  private volatile long offsetMillis;
  private volatile Instant lastSync;

  /**
   * @param clock the host clock
   * @param serverTimeMillis fetches Binance's time; may throw (the caller maps the failure)
   * @param resyncInterval how long a measured offset is trusted
   */
  ServerClock(Clock clock, LongSupplier serverTimeMillis, Duration resyncInterval) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.serverTimeMillis = Objects.requireNonNull(serverTimeMillis, "serverTimeMillis");
    this.resyncInterval = Objects.requireNonNull(resyncInterval, "resyncInterval");
  }

  /** Binance's current time in milliseconds, as well as the bot knows it. */
  long nowMillis() {
    return clock.millis() + offsetMillis;
  }

  /** The last measured offset (server minus host), in milliseconds. */
  long offsetMillis() {
    return offsetMillis;
  }

  /**
   * Measures the offset unless a recent measurement exists. A failed re-measurement keeps the old
   * offset; only a first measurement that fails propagates, because the bot then has no offset.
   */
  void ensureSynced() {
    Instant last = lastSync;
    if (last != null && clock.instant().isBefore(last.plus(resyncInterval))) {
      return;
    }
    if (last == null) {
      resync();
      return;
    }
    try {
      resync();
    } catch (RuntimeException e) {
      log.warn("could not re-measure Binance's clock ({}); keeping offset {} ms", e.getClass().getSimpleName(), offsetMillis);
    }
  }

  /** Measures the offset now (after a {@code -1021}); throws if Binance cannot be asked. */
  synchronized void resync() {
    long before = clock.millis();
    long server = serverTimeMillis.getAsLong();
    long after = clock.millis();
    long offset = server - (before + (after - before) / 2);
    if (offset != offsetMillis) {
      log.info("Binance clock offset is {} ms", offset);
    }
    offsetMillis = offset;
    lastSync = clock.instant();
  }
}
