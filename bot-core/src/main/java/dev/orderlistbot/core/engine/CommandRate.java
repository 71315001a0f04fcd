package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-user command rate (issue 14, defect 13): at most {@link EngineConfig.CommandLimit#commands()}
 * commands of one user in any {@link EngineConfig.CommandLimit#window()} (a sliding window over the
 * instants of the user's last admitted commands, on the injected clock). A command over it is
 * refused with the time until the oldest leaves the window; only the first refusal of a run is to
 * be told (the bot's own "slow down" answers must not become the flood), the next after the user
 * was admitted again.
 *
 * <p>Why not a token bucket like {@link SendPacer}: "N commands in M seconds" is what the user
 * reads, and a sliding window keeps exactly that promise, for at most N instants per user.
 *
 * <p>Memory: only allowed users reach it (strangers are answered before), and users idle for a
 * window are dropped once the map holds {@value #PRUNE_ABOVE}. Thread-safe (short synchronized
 * sections, no I/O inside).
 */
final class CommandRate {
  private static final int PRUNE_ABOVE = 10_000;

  /**
   * A refused command.
   *
   * @param retryIn when the user may send a command again
   * @param tell whether this is the first refusal since the user was last admitted
   */
  record Refusal(Duration retryIn, boolean tell) {}

  private final Clock clock;
  private final EngineConfig.CommandLimit limit;
  private final Map<UserRef, ArrayDeque<Instant>> admitted = new HashMap<>();
  private final Map<UserRef, Boolean> told = new HashMap<>();

  CommandRate(Clock clock, EngineConfig.CommandLimit limit) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limit = Objects.requireNonNull(limit, "limit");
  }

  EngineConfig.CommandLimit limit() {
    return limit;
  }

  /** Admits a command of {@code user} now (empty), or says why not. */
  synchronized Optional<Refusal> admit(UserRef user) {
    Instant now = clock.instant();
    ArrayDeque<Instant> recent = recent(user, now);
    if (recent.size() < limit.commands()) {
      record(user, recent, now);
      return Optional.empty();
    }
    Duration retryIn = Duration.between(now, recent.peekFirst().plus(limit.window()));
    boolean tell = told.put(user, Boolean.TRUE) == null;
    return Optional.of(new Refusal(retryIn, tell));
  }

  /** Counts a command that is never refused (a cancel): it fills the window like any other. */
  synchronized void count(UserRef user) {
    Instant now = clock.instant();
    record(user, recent(user, now), now);
  }

  private ArrayDeque<Instant> recent(UserRef user, Instant now) {
    ArrayDeque<Instant> recent = admitted.computeIfAbsent(user, u -> new ArrayDeque<>());
    Instant windowStart = now.minus(limit.window());
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
      recent.pollFirst();
    }
    return recent;
  }

  private void record(UserRef user, ArrayDeque<Instant> recent, Instant now) {
    // the newest N instants are all the sliding window needs
    if (recent.size() >= limit.commands()) {
      recent.pollFirst();
    }
    recent.addLast(now);
    told.remove(user);
    if (admitted.size() > PRUNE_ABOVE) {
      Instant windowStart = now.minus(limit.window());
      admitted.values().removeIf(r -> r.isEmpty() || !r.peekLast().isAfter(windowStart));
      told.keySet().retainAll(admitted.keySet());
    }
  }
}
