package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.OrderCard;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.Transactor;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /status ID} on a list with a card: the card is sent again, with its chart, at the bottom of the chat and
 * from then on that message is the one its edits replace; the old message is told, once, that the
 * card moved (and loses its buttons). Where the card changed between its drawing and the move (an
 * event in between), the new message gets an edit with the change. Thread-safe.
 */
final class CardMoves {
  private static final Logger LOG = LoggerFactory.getLogger(CardMoves.class);

  private final Transactor transactor;
  private final ChatOut out;
  private final Runnable outboxTrigger;
  private final CardCharts charts;

  /**
   * @param outboxTrigger asks the dispatcher to drain soon (the old card's last edit goes through the outbox)
   * @param charts the card's chart, sent with it
   */
  CardMoves(Transactor transactor, ChatOut out, Runnable outboxTrigger, CardCharts charts) {
    this.charts = charts;
    this.transactor = transactor;
    this.out = out;
    this.outboxTrigger = outboxTrigger;
  }

  /**
   * Sends the card of {@code listClientOrderId} to {@code chat}; false when the list has no card (the
   * caller answers otherwise). True once the card is sent, or the chat platform did not take it (it
   * logged why).
   */
  boolean resend(String listClientOrderId, long orderListId, ChatRef chat) {
    Optional<OrderCard> card = transactor.inTransaction(stores -> stores.cards().find(listClientOrderId));
    if (card.isEmpty()) {
      return false;
    }
    OutboundMessage drawn = transactor.inTransaction(stores -> CardUpdates.draw(stores, card.get(), orderListId));
    Optional<MessageRef> sent = out.send(chat, charts.forCard(listClientOrderId, true).map(drawn::withPicture).orElse(drawn));
    if (sent.isEmpty()) {
      return true;
    }
    String messageId = sent.get().messageId();
    boolean enqueued =
        transactor.inTransaction(
            stores -> {
              Optional<OrderCard> moved = CardUpdates.moved(stores, listClientOrderId, chat, messageId);
              boolean edits = false;
              if (moved.isPresent() && !CardUpdates.draw(stores, moved.get(), orderListId).equals(drawn)) {
                edits = stores.outbox().enqueue(CardUpdates.edit(stores, moved.get(), orderListId));
              }
              Optional<String> old = card.get().messageId();
              if (old.isPresent() && !(card.get().chat().equals(chat) && old.get().equals(messageId))) {
                edits |= stores.outbox().enqueue(
                    new OutboxMessage(
                        "card-moved:" + listClientOrderId + ":" + old.get(), card.get().chat(), Replies.cardMoved(orderListId), old));
              }
              return edits;
            });
    LOG.info("card of {} moved to {}/{}{}", listClientOrderId, chat, messageId, enqueued ? "; edits enqueued" : "");
    if (enqueued) {
      outboxTrigger.run();
    }
    return true;
  }
}
