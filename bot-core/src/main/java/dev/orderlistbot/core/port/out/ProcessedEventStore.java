package dev.orderlistbot.core.port.out;

import java.time.Instant;

/**
 * The identities of exchange events already handled, so a replayed event (a reconnect, a duplicate
 * push) is handled once.
 *
 * <p>Contract: {@link #markProcessed} is insert-if-absent and answers whether the identity was new;
 * under concurrency exactly one caller gets true. An identity is 1 to 200 characters, e.g. {@code
 * executionReport:BTCUSDT:123456:7}. Thread-safe. Failure modes: {@link StorageException}.
 */
public interface ProcessedEventStore {
  boolean markProcessed(String eventId);

  /** Forgets identities processed before {@code cutoff}; returns how many. */
  int purgeProcessedBefore(Instant cutoff);
}
