package dev.orderlistbot.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A durable outbox of chat notifications: written in the same transaction as the state change that
 * caused them (see {@link Transactor}), drained by a dispatcher, so a restart or a chat outage loses
 * nothing and a replayed cause sends nothing twice.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #enqueue} is insert-if-absent by dedupe key: true when stored, false when a message
 *       with that key exists (delivered or not). The new message is due at once.
 *   <li>{@link #enqueueMerged} folds a message into a pending one of the same merge key and target,
 *       for notices that replace each other (partial fills of one order, then its fill). Merging is
 *       monotonic: the store remembers, per merge key and target, the highest {@link MergeRank}
 *       taken so far, and a message that does not rank strictly higher is older news (a REST
 *       snapshot taken before the fill, say): it is dropped and false is returned, whether the
 *       notice it lost to is still waiting, being sent or delivered. Otherwise the rank is raised
 *       and, if a row with that merge key and target exists that no dispatcher has claimed yet, its
 *       text becomes {@code message.text()} and it is due at the earlier of its due time and
 *       {@code now + delay}; if none does, the message is inserted as {@link #enqueue} does, due at
 *       {@code now + delay}. A claimed row is never changed, so a text being sent is never lost by
 *       a merge. The rank is raised by one conditional write that holds its row until the
 *       transaction ends, so concurrent merges of one key are ordered, on every supported database.
 *   <li>{@link #enqueueLater} is {@link #enqueue} with the message due only {@code delay} from now:
 *       a message that something else may make needless before then, which then {@link #withdraw}s
 *       it. {@link #withdraw} ends a pending message that no dispatcher has claimed yet as if
 *       delivered, without sending it (one conditional update, so it never races a send): true
 *       when it did; false when there is none, or one is already claimed, delivered or failed.
 *   <li>{@link #claimDue} takes up to {@code max} pending messages due now (oldest due first) to
 *       chats on one platform, or on all but some (so each platform's sends can be drained apart),
 *       counts an attempt on each, pushes their next attempt {@code lease} into the future and
 *       writes a fresh claim token on them, so a second dispatcher does not take them and a crashed
 *       one's messages come back after the lease. Each claim is a conditional update: two
 *       dispatchers never claim the same message at once.
 *   <li>{@link #renewClaim} is how a dispatcher makes sure it still holds a message right before
 *       sending it: if the message's claim token is still the one it was handed and the lease has
 *       not lapsed, the lease is extended to {@code now + lease} and true is returned; otherwise
 *       (the lease lapsed, and another dispatcher may have claimed the message since) nothing
 *       changes and it is false: the message must not be sent. One conditional update.
 *   <li>{@link #markDelivered} ends a message's life; {@link #reschedule} sets its next attempt
 *       (for a back-off after a failed send); {@link #postpone} does the same and takes back the
 *       attempt the claim counted (the message was not tried: a rate limit held it);
 *       {@link #markFailed} stops a message the platform will never take (the chat is gone), keeping
 *       the row and the reason. All four return false for an unknown, delivered or failed id.
 * </ul>
 * A message is pending until it is delivered or failed. "Now" is the store's injected clock.
 * Thread-safe. Failure modes: {@link StorageException}.
 */
public interface NotificationOutbox {
  boolean enqueue(OutboxMessage message);

  /** See the class contract: {@link #enqueue}, due {@code delay} from now (not negative). */
  boolean enqueueLater(OutboxMessage message, Duration delay);

  /** See the class contract: the pending, unclaimed message of {@code dedupeKey} ended unsent; true when there was one. */
  boolean withdraw(String dedupeKey);

  /**
   * See the class contract; returns true when the message was stored or merged, false when it
   * ranks no higher than a message already taken for its merge key and target (or its dedupe key
   * exists).
   */
  boolean enqueueMerged(OutboxMessage message, String mergeKey, MergeRank rank, Duration delay);

  /** {@link #claimDue} for every platform. */
  default List<OutboxEntry> claimDue(int max, Duration lease) {
    return claimDueExcept(Set.of(), max, lease);
  }

  /** {@link #claimDue} for the messages to chats on {@code platform} only (a platform id). */
  List<OutboxEntry> claimDue(String platform, int max, Duration lease);

  /** {@link #claimDue} for the messages to chats on any platform but {@code platforms}. */
  List<OutboxEntry> claimDueExcept(Set<String> platforms, int max, Duration lease);

  /** See the class contract: true when the claim was still held and now runs {@code lease} from now. */
  boolean renewClaim(long id, String claimToken, Duration lease);

  boolean markDelivered(long id);

  /**
   * Whether a message stored after {@code entry} to the same chat makes it older news, so it must
   * not be shown after it: one that replaces the same chat message ({@link OutboxMessage#replaces()};
   * a "cannot tell" retried after the placement's settled answer), or one of the same merge key (a
   * partial fill retried after its order's fill was queued: merges only move forward, so a later
   * row of the key always ranks higher). False for a message with neither.
   */
  boolean isSuperseded(OutboxEntry entry);

  boolean reschedule(long id, Instant nextAttemptAt);

  boolean postpone(long id, Instant nextAttemptAt);

  /**
   * Stops a message for good, keeping it.
   *
   * @param reason why, for the operator (at most 500 characters kept; never the message text)
   */
  boolean markFailed(long id, String reason);

  /** Up to {@code max} messages given up as failed, newest first. */
  List<OutboxEntry> failed(int max);

  /**
   * How many messages are pending (neither delivered nor failed, claimed or not) and when the
   * oldest of them was enqueued: one read, for the operator's metrics.
   */
  OutboxBacklog backlog();

  /**
   * Deletes messages delivered before {@code cutoff} (their text holds quantities a trader need not
   * keep on disk for ever); pending and failed messages are never deleted. Returns how many. Merge
   * ranks last raised before {@code cutoff} whose merge key and target have no pending message are
   * forgotten with them.
   * Replays stay harmless: the processed-event store, not the outbox, remembers handled events.
   */
  int purgeDeliveredBefore(Instant cutoff);
}
