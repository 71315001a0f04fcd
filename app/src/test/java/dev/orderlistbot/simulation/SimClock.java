package dev.orderlistbot.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulation's only time: moved by the {@link SimScheduler}, never by the wall clock. */
final class SimClock extends Clock {
  private Instant now;

  SimClock(Instant start) {
    this.now = start;
  }

  void set(Instant instant) {
    if (instant.isBefore(now)) {
      throw new IllegalStateException("simulated time never goes back: " + instant + " < " + now);
    }
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulation runs in UTC");
  }
}
