package dev.orderlistbot.binance;

import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the {@code timestamp} of subscription requests comes from: the host clock as is, or
 * Binance's clock as measured over REST.
 *
 * <p><b>Threading.</b> Stateless; the {@link ServerClock} is thread-safe.
 */
final class SubscriptionTimestamps {
  private static final Logger log = LoggerFactory.getLogger(BinanceUserDataStream.class);

  private SubscriptionTimestamps() {}

  /** The host clock; a {@code -1021} changes nothing. */
  static BinanceUserDataStream.Timestamps hostClock(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return new BinanceUserDataStream.Timestamps() {
      @Override
      public long nowMillis() {
        return clock.millis();
      }

      @Override
      public void resync() {}
    };
  }

  /**
   * Binance's clock as {@code serverClock} measures it ({@code GET /api/v3/time}, again after a
   * {@code -1021}); the host clock while it cannot be measured.
   */
  static BinanceUserDataStream.Timestamps binanceClock(ServerClock serverClock) {
    return new BinanceUserDataStream.Timestamps() {
      @Override
      public long nowMillis() {
        try {
          serverClock.ensureSynced();
        } catch (RuntimeException e) {
          log.warn("could not measure Binance's clock ({}); using the host clock", e.getClass().getSimpleName());
        }
        return serverClock.nowMillis();
      }

      @Override
      public void resync() {
        try {
          serverClock.resync();
        } catch (RuntimeException e) {
          log.warn("could not re-measure Binance's clock ({})", e.getClass().getSimpleName());
        }
      }
    };
  }
}
