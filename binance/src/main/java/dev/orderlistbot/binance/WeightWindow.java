package dev.orderlistbot.binance;

import java.time.Instant;
import java.util.Optional;

/**
 * The request weight one user's reads spent in the last 60 s, in one-second slots on the injected
 * clock's instants: 60 counters per user, whatever the user's rate. Binance counts weight per
 * calendar minute, which is 60 whole seconds, so keeping every 60-second span of slots within a
 * budget keeps every Binance minute within it too. Thread-safe.
 */
final class WeightWindow {
  private static final int SECONDS = 60;

  private final long[] slotSecond = new long[SECONDS];
  private final int[] slotWeight = new int[SECONDS];

  /**
   * Spends {@code weight} at {@code now} if the last 60 s stay within {@code budget} (empty), or
   * answers when enough of the spent weight will have left the window. A weight above the whole
   * budget is let through once the window is empty, so no read is refused for ever.
   */
  synchronized Optional<Instant> trySpend(int weight, int budget, Instant now) {
    long second = now.getEpochSecond();
    int spent = spentSince(second - SECONDS + 1);
    if (spent + weight > budget && spent > 0) {
      return Optional.of(Instant.ofEpochSecond(freedAt(second, spent + weight - budget)));
    }
    int slot = Math.floorMod(second, SECONDS);
    if (slotSecond[slot] != second) {
      slotSecond[slot] = second;
      slotWeight[slot] = 0;
    }
    slotWeight[slot] += weight;
    return Optional.empty();
  }

  /** Gives back {@code weight} spent at {@code now} for a request that was not sent after all. */
  synchronized void refund(int weight, Instant now) {
    long second = now.getEpochSecond();
    int slot = Math.floorMod(second, SECONDS);
    if (slotSecond[slot] == second) {
      slotWeight[slot] = Math.max(0, slotWeight[slot] - weight);
    }
  }

  /** The weight spent in the 60 s up to {@code now}. */
  synchronized int spent(Instant now) {
    return spentSince(now.getEpochSecond() - SECONDS + 1);
  }

  private int spentSince(long firstSecond) {
    int spent = 0;
    for (int i = 0; i < SECONDS; i++) {
      if (slotSecond[i] >= firstSecond) {
        spent += slotWeight[i];
      }
    }
    return spent;
  }

  /** The first second at which at least {@code excess} of the spent weight has left the window. */
  private long freedAt(long now, int excess) {
    int freed = 0;
    for (long second = now - SECONDS + 1; second <= now; second++) {
      int slot = Math.floorMod(second, SECONDS);
      if (slotSecond[slot] == second) {
        freed += slotWeight[slot];
        if (freed >= excess) {
          return second + SECONDS;
        }
      }
    }
    return now + 1;
  }
}
