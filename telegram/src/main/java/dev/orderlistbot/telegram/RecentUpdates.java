package dev.orderlistbot.telegram;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@code update_id}s this instance took in the last few minutes, so that an update Telegram
 * sends again (it re-delivers whenever it did not get a {@code 200}, e.g. when the answer was lost
 * on the way back) is handled once. Bounded: at most {@code capacity} ids, each forgotten after
 * {@code window}; the oldest go first. In memory only: another instance behind the same load
 * balancer does not know these ids (a button press is still carried out once, because core claims
 * each press in the database). Thread-safe.
 */
final class RecentUpdates {
  static final Duration WINDOW = Duration.ofMinutes(10);
  static final int CAPACITY = 20_000;

  private final Duration window;
  private final int capacity;
  private final LongSupplier nanoTime;
  private final LinkedHashMap<Integer, Long> seen = new LinkedHashMap<>();

  RecentUpdates() {
    this(WINDOW, CAPACITY, System::nanoTime);
  }

  RecentUpdates(Duration window, int capacity, LongSupplier nanoTime) {
    this.window = window;
    this.capacity = capacity;
    this.nanoTime = nanoTime;
  }

  /** Records {@code updateId}; answers whether it is new, i.e. not taken within the window. */
  synchronized boolean firstTime(int updateId) {
    long now = nanoTime.getAsLong();
    forgetOlderThan(now - window.toNanos());
    if (seen.containsKey(updateId)) {
      return false;
    }
    seen.put(updateId, now);
    if (seen.size() > capacity) {
      Iterator<Integer> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  private void forgetOlderThan(long limit) {
    Iterator<Map.Entry<Integer, Long>> entries = seen.entrySet().iterator();
    while (entries.hasNext()) {
      if (entries.next().getValue() - limit >= 0) {
        return; // in insertion order: the rest are newer
      }
      entries.remove();
    }
  }
}
