package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who was told "you are not allowed" lately (issue 14, defect 13): a stranger hears it at most once
 * per {@code interval}; everything else they send in between is dropped without an answer, so a
 * stranger's flood costs the bot no chat sends.
 *
 * <p>Memory is bounded: at most {@code capacity} strangers are remembered, oldest reply first out
 * (entries are kept in the order they were told, so the eldest is also the first whose interval
 * ends). A flood of more distinct strangers than that within an interval can make the eldest hear
 * it once more, at most once per message of theirs: the cost is bounded by the flood itself, never
 * by memory. In memory only: after a restart a stranger may be told once more.
 *
 * <p>Thread-safe (synchronized, no I/O inside).
 */
final class StrangerReplies {
  /** Enough for every stranger of a busy hour; about 100 bytes each. */
  static final int DEFAULT_CAPACITY = 10_000;

  static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  private final Clock clock;
  private final Duration interval;
  private final int capacity;
  private final LinkedHashMap<UserRef, Instant> told = new LinkedHashMap<>();

  StrangerReplies(Clock clock, Duration interval, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Whether {@code stranger} should be told now; if so, the next time is an interval later. */
  synchronized boolean shouldTell(UserRef stranger) {
    Instant now = clock.instant();
    forgetOlderThan(now.minus(interval));
    if (told.containsKey(stranger)) {
      return false;
    }
    told.put(stranger, now);
    if (told.size() > capacity) {
      Iterator<UserRef> eldest = told.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
    return true;
  }

  /** How many strangers are remembered (for tests). */
  synchronized int remembered() {
    return told.size();
  }

  private void forgetOlderThan(Instant cutoff) {
    Iterator<Map.Entry<UserRef, Instant>> entries = told.entrySet().iterator();
    while (entries.hasNext() && !entries.next().getValue().isAfter(cutoff)) {
      entries.remove();
    }
  }
}
