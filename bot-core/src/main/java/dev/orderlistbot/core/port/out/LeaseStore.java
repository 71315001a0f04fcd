package dev.orderlistbot.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The leases of the bot instances sharing one database (see {@link Lease}). Times are the calling
 * instance's clock: instances on different hosts need synchronised clocks (NTP), and a lease's time
 * to live must be far longer than their skew.
 *
 * <p>Contract: at any instant at most one holder holds a lease. {@link #acquire} takes a lease that
 * is free, expired, or already the caller's (then renews it); two instances racing for a free lease
 * both get an answer, one of them {@link Acquired#HELD_ELSEWHERE}. Thread-safe; each call runs in
 * the caller's transaction. Failures: {@link StorageException}.
 */
public interface LeaseStore {
  /** What {@link #acquire} did. */
  enum Acquired {
    /** The caller held it already: extended. */
    RENEWED,
    /** Nobody held it: taken. */
    TAKEN,
    /** Another holder's lease had expired: taken over from it. */
    TAKEN_OVER,
    /** Another holder holds it: nothing changed. */
    HELD_ELSEWHERE;

    /** Whether the caller holds the lease now. */
    public boolean held() {
      return this != HELD_ELSEWHERE;
    }
  }

  /** Takes or renews {@code name} for {@code holder} until {@code now + ttl}, unless another holder holds it. */
  Acquired acquire(String name, String holder, Instant now, Duration ttl);

  /**
   * Takes {@code name} for {@code holder} until {@code now + ttl} whoever holds it: for work that
   * must move to the caller at once (an account's stream after its key changed there). The former
   * holder learns it at its next {@link #renewAll}. Answers the former holder, if another held it
   * live.
   */
  Optional<String> seize(String name, String holder, Instant now, Duration ttl);

  /**
   * Extends to {@code now + ttl} every lease {@code holder} still has (not taken over by another, even
   * if expired); answers the names extended, so the caller learns which it lost.
   */
  Set<String> renewAll(String holder, Instant now, Duration ttl);

  /** Gives up {@code name} if {@code holder} has it; answers whether it did. */
  boolean release(String name, String holder);

  /** Every lease that holds at {@code now}, by name. */
  List<Lease> live(Instant now);
}
