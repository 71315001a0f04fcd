package dev.orderlistbot.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Waits on the calling thread until an instant of the engine's clock: how a paced platform holds a
 * send back ({@link PacedChatPlatform}). Injected, so tests move time instead of sleeping.
 */
@FunctionalInterface
public interface Pause {

  /** Returns at {@code at} or later; at once when {@code at} is not in the future. */
  void until(Instant at) throws InterruptedException;

  /** Sleeps the thread until {@code clock} reaches the instant (virtual threads sleep cheaply). */
  static Pause sleeping(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return at -> {
      Duration left = Duration.between(clock.instant(), at);
      if (left.isPositive()) {
        Thread.sleep(left);
      }
    };
  }
}
