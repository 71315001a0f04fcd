package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.engine.PendingAction.ListHandle;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.time.Duration;
import java.util.Collection;

/**
 * The warning that a cancel left what a list's entry bought (or sold) with no exit, kept durable
 * from the moment the cancel's end is stored: enqueued in that transaction, to the list's chat, due
 * only {@link #GRACE} later, and withdrawn once the cancel's own answer, which says the same, has
 * gone out (sent, or stored in the outbox with the action's result). A process that dies before the
 * answer leaves, or a chat that refused it, leaves the warning to go. Stateless.
 */
final class HeldWarnings {
  /** Longer than an answer may wait out a chat's rate limit ({@link ChatOut#LONGEST_ANSWER_WAIT}). */
  static final Duration GRACE = ChatOut.LONGEST_ANSWER_WAIT.plusMinutes(1);

  private HeldWarnings() {}

  /** In the transaction that stores the cancel's end: the warning, due {@link #GRACE} from now. */
  static void defer(Stores stores, ChatRef chat, ListHandle list, String warning) {
    stores.outbox().enqueueLater(new OutboxMessage(key(list), chat, warning), GRACE);
  }

  /**
   * In the router's transaction that ends a list the bot is cancelling, silently (its cancel's own
   * ends, {@code list} as it stands after them): when its entry's fill is left with no exit, the
   * warning, due {@link #GRACE} from now, as the cancel itself would keep it. The cancel's thread
   * may never get back to store its own (the process dies while its answer is lost and the list is
   * read back, simulation seed 139234); when it does, its warning finds this one and is not added.
   */
  static void deferAtSilentEnd(Stores stores, TrackedOrderList list) {
    if (list.orderListId().isEmpty()) {
      return;
    }
    long id = list.orderListId().getAsLong();
    Notices.unguardedExits(list).ifPresent(exits -> defer(
        stores, list.chat(), new ListHandle(list.symbol(), id),
        Replies.unguardedAfterEnd(Replies.listName(list.symbol(), list.kind(), id), exits)));
  }

  /**
   * A trade action's cancel (a close, a stop's move) ended the list: the action's own answer, owed
   * and settled after a restart, says what the list left; a warning kept for it is not sent, now or
   * later (a withdrawn row stays under its key, so a later {@link #deferAtSilentEnd} adds nothing).
   */
  static void ownedByAction(Stores stores, ChatRef chat, ListHandle list) {
    stores.outbox().enqueueLater(new OutboxMessage(key(list), chat, "⚠️ " + list.symbol() + " #" + list.orderListId()), GRACE);
    stores.outbox().withdraw(key(list));
  }

  /** The answers about {@code lists} went out: their warnings, where still waiting, are not sent. */
  static void withdraw(Stores stores, Collection<ListHandle> lists) {
    lists.forEach(list -> stores.outbox().withdraw(key(list)));
  }

  private static String key(ListHandle list) {
    return "held-after-cancel:" + list.symbol().value() + ":" + list.orderListId();
  }
}
