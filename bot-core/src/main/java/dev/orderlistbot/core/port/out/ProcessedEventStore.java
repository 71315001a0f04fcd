package dev.orderlistbot.core.port.out;

import java.time.Instant;

/**
 * The identities of exchange events already handled, so a replayed event (a reconnect, a duplicate
 * push, the REST catch-up handing over what the stream already told) is handled once.
 *
 * <p>Contract: {@link #markProcessed} is insert-if-absent and answers whether the identity was new;
 * under concurrency exactly one caller gets true. An identity is 1 to 200 characters, e.g. {@code
 * executionReport:BTCUSDT:123456:7}. A record may name the order list its event was about (by our
 * {@code listClientOrderId}); {@link #purgeSettledBefore} never forgets a record whose event can
 * still be handed over again. Thread-safe. Failure modes: {@link StorageException}.
 */
public interface ProcessedEventStore {
  /** Marks an event that names no list the bot tracks; see {@link #purgeSettledBefore}. */
  boolean markProcessed(String eventId);

  /** Marks an event about the tracked list {@code listClientOrderId}. */
  boolean markProcessed(String eventId, String listClientOrderId);

  /**
   * Forgets the records processed before {@code cutoff} whose event no catch-up can hand over again;
   * returns how many. A list is <em>settled</em> when it is finished ({@link OrderListState#ALL_DONE}
   * or {@link OrderListState#REJECTED}) and was last changed before {@code cutoff}; every other
   * list (open in any state, or finished since the cutoff) is unsettled. A record that names a list
   * is forgotten only when that list is settled (or no longer tracked at all); a record that names
   * none only when no unsettled list was created at or before the record, since the list it was
   * about may be any of those.
   */
  int purgeSettledBefore(Instant cutoff);
}
