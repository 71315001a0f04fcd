package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.UserRef;
import java.time.Instant;
import java.util.List;

/**
 * An append-only log of who confirmed or cancelled what, and who stored or revoked credentials.
 *
 * <p>Contract: entries are never changed, and removed only by the operator's retention ({@link
 * #purgeBefore}). Thread-safe. Failure modes: {@link StorageException}.
 */
public interface AuditLog {
  void record(AuditEntry entry);

  /** The actor's latest entries, newest first, at most {@code max}. */
  List<AuditEntry> recentBy(UserRef actor, int max);

  /** Deletes the entries that occurred before {@code cutoff}; returns how many. */
  int purgeBefore(Instant cutoff);
}
