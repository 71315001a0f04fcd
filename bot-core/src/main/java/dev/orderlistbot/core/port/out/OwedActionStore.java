package dev.orderlistbot.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The confirmed trade actions (a close at market, a reduction, a panic) whose outcome the trader has not been
 * told yet: recorded in the Confirm's claim, forgotten in the transaction that tells the result. What
 * is still owed long after its claim was cut short by a crash and is settled from the exchange.
 *
 * <p>Contract: {@link #owe} of an id already owed changes nothing; {@link #paid} answers true once.
 * Thread-safe. Failure modes: {@link StorageException}.
 */
public interface OwedActionStore {
  /** The trader is owed the outcome of the action confirmed by {@code confirmationId}. */
  void owe(UUID confirmationId, Instant since);

  /** The outcome was told; true when it was owed (one conditional delete). */
  boolean paid(UUID confirmationId);

  /** Whether the outcome of the action confirmed by {@code confirmationId} is still owed. */
  boolean isOwed(UUID confirmationId);

  /** The actions owed since {@code cutoff} or earlier, oldest first, at most {@code limit}. */
  List<UUID> owedUntil(Instant cutoff, int limit);
}
