package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An append-only log of who confirmed or cancelled what and what came of it, who stored, revoked or
 * was refused credentials, and who read this log.
 *
 * <p>Contract: entries are never changed, and removed only by the operator's retention ({@link
 * #purgeBefore}). Thread-safe. Failure modes: {@link StorageException}.
 */
public interface AuditLog {
  void record(AuditEntry entry);

  /** The actor's latest entries, newest first, at most {@code max}. */
  List<AuditEntry> recentBy(UserRef actor, int max);

  /**
   * The latest entries, newest first, at most {@code max}: of {@code actor} when given, otherwise of
   * everyone (what {@code /audit [USER] [N]} shows an admin).
   */
  default List<AuditEntry> recent(Optional<UserRef> actor, int max) {
    return actor.isPresent() ? recentBy(actor.get(), max) : recentOfEveryone(max);
  }

  /** Everyone's latest entries, newest first, at most {@code max}. */
  List<AuditEntry> recentOfEveryone(int max);

  /** Deletes the entries that occurred before {@code cutoff}; returns how many. */
  int purgeBefore(Instant cutoff);
}
