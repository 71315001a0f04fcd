package dev.orderlistbot.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A durable outbox of chat notifications: written in the same transaction as the state change that
 * caused them (see {@link Transactor}), drained by a dispatcher, so a restart or a chat outage loses
 * nothing and a replayed cause sends nothing twice.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #enqueue} is insert-if-absent by dedupe key: true when stored, false when a message
 *       with that key exists (delivered or not). The new message is due at once.
 *   <li>{@link #claimDue} takes up to {@code max} undelivered messages due now (oldest due first),
 *       counts an attempt on each and pushes their next attempt {@code lease} into the future, so a
 *       second dispatcher does not take them and a crashed one's messages come back after the lease.
 *       Each claim is a conditional update: two dispatchers never claim the same message at once.
 *   <li>{@link #markDelivered} ends a message's life; {@link #reschedule} sets its next attempt
 *       (for a back-off after a failed send). Both return false for an unknown or delivered id.
 * </ul>
 * "Now" is the store's injected clock. Thread-safe. Failure modes: {@link StorageException}.
 */
public interface NotificationOutbox {
  boolean enqueue(OutboxMessage message);

  List<OutboxEntry> claimDue(int max, Duration lease);

  boolean markDelivered(long id);

  boolean reschedule(long id, Instant nextAttemptAt);
}
