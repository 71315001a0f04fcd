package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.engine.PendingAction.ListHandle;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.Stores;
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

  /** The answers about {@code lists} went out: their warnings, where still waiting, are not sent. */
  static void withdraw(Stores stores, Collection<ListHandle> lists) {
    lists.forEach(list -> stores.outbox().withdraw(key(list)));
  }

  private static String key(ListHandle list) {
    return "held-after-cancel:" + list.symbol().value() + ":" + list.orderListId();
  }
}
