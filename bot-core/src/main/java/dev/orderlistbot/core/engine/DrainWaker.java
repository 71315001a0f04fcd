package dev.orderlistbot.core.engine;

import java.time.Instant;

/**
 * Runs a drain at an instant: how the dispatcher asks to be woken at the slot of a notice its
 * chat's limit held back (a group's 3.1 s), instead of leaving it to the app's next tick, which
 * would send each such notice up to a second late (groups at about 17 a minute instead of 19.4).
 */
@FunctionalInterface
public interface DrainWaker {
  /** Never wakes: the caller drains on its own schedule (tests, the simulation). */
  DrainWaker NEVER = (at, drain) -> {};

  /** Runs {@code drain} at {@code at} or soon after, on a thread of the waker's; never throws. */
  void at(Instant at, Runnable drain);
}
