package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.OrderCard;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.Stores;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each order list's card in step with what the bot hears, inside the transaction of the
 * change it reflects: created when the Confirm is claimed (so an event faster than the placement's
 * answer is not lost to it), shown by the placement's result, moved forward by every order event,
 * with an edit of its message through the outbox (not paced; a later edit of the same message makes
 * an older one moot). A card is only edited once it has a message. Writes are compare-and-set on the
 * card's revision, retried on a fresh read. Stateless.
 */
final class CardUpdates {
  private static final Logger LOG = LoggerFactory.getLogger(CardUpdates.class);
  private static final int TRIES = 5;

  private CardUpdates() {}

  /**
   * In the Confirm's claim: the card of each list about to be placed on {@code environment} (a
   * placement, a stop's replacement or its Retry, the lists of a ladder), to be shown in {@code
   * chat}; nothing for other actions.
   */
  static void recordClaim(Stores stores, PendingConfirmation confirmation, TradingEnvironment environment, ChatRef chat) {
    switch (PendingActionCodec.decode(confirmation.payload())) {
      case PendingAction.PlaceList place ->
          stores.cards().create(CardState.initial(Tokens.clientListId(confirmation.id()), environment, chat, place.request()));
      // a stop's move places a new list: it gets its card like any placement
      case PendingAction.ReplaceList replace ->
          stores.cards().create(
              CardState.initial(Tokens.clientListId(confirmation.id()), environment, chat, replace.replacement()));
      case PendingAction.RestoreStop restore ->
          stores.cards().create(
              CardState.initial(Tokens.clientListId(confirmation.id()), environment, chat, restore.replacement()));
      // each list of a ladder has its card; the ladder's one answer shows none, /status shows each
      case PendingAction.PlacePlan plan -> {
        for (int i = 0; i < plan.requests().size(); i++) {
          stores.cards().create(CardState.initial(Tokens.planListId(confirmation.id(), i), environment, chat, plan.requests().get(i)));
        }
      }
      default -> {}
    }
  }

  /** The asset {@code symbol} is priced in, for the card's money; empty when the exchange cannot say now. */
  static Optional<String> quoteAsset(ExchangeClient exchange, Symbol symbol) {
    try {
      return Optional.of(exchange.rules(symbol).quoteAsset().code());
    } catch (RuntimeException e) {
      LOG.info("the card of a {} list shows no quote asset: {}", symbol, e.toString());
      return Optional.empty();
    }
  }

  /**
   * The placement's answer: the card takes the list's state as the exchange answered it, its quote
   * asset, and the message that shows it ({@code messageId} in {@code chat}; empty when the result
   * goes out as a new message). Answers the card to show, or empty for a list without a card.
   */
  static Optional<OutboundMessage> placed(
      Stores stores, ClientListId clientId, PlacedOrderList list, Optional<String> quoteAsset, ChatRef chat, Optional<String> messageId) {
    return write(stores, clientId.value(), card -> {
      OrderCard next = CardState.after(card, list).orElse(card);
      OrderCard priced = quoteAsset.isPresent() && card.quoteAsset().isEmpty() ? next.withQuoteAsset(quoteAsset) : next;
      return Optional.of(priced.shownIn(chat, messageId));
    }).map(card -> draw(stores, card, list.id().value()));
  }

  /**
   * An order event of a list: the card moves forward and, where it has a message, an edit of it is
   * enqueued. {@code read} is the card as read in this transaction with the list (see {@code
   * Stores.listForEvent}); its first write is conditional on that revision. Answers whether an edit
   * was enqueued.
   */
  static boolean heard(Stores stores, String listClientOrderId, Optional<OrderCard> read, OrderListUpdate update) {
    if (!(update instanceof OrderListUpdate.LegChanged leg)) {
      return false;
    }
    Optional<OrderCard> changed = write(stores, listClientOrderId, read, card -> CardState.after(card, leg));
    return changed.filter(card -> card.messageId().isPresent())
        .map(card -> stores.outbox().enqueue(edit(stores, card, update.orderListId().value())))
        .orElse(false);
  }

  /** The card's edit of its own message, keyed by its revision. */
  static OutboxMessage edit(Stores stores, OrderCard card, long orderListId) {
    OutboundMessage shown = draw(stores, card, orderListId);
    return new OutboxMessage(
            "card:" + card.listClientOrderId() + ":" + card.revision(), card.chat(), shown.text(), card.messageId(), shown.buttonRows())
        .asCardOf(card.listClientOrderId());
  }

  /**
   * A message showing the card of {@code listClientOrderId} went out as the new message {@code sent}
   * (in place of {@code replaced}, or of none): if the card was still shown by {@code replaced} in
   * that chat, {@code sent} is its message from now on. (An event heard while the card had no
   * message shows with the card's next edit.) Answers whether the card moved.
   */
  static boolean sentAs(Stores stores, String listClientOrderId, Optional<String> replaced, MessageRef sent) {
    return write(stores, listClientOrderId, card ->
            card.chat().equals(sent.chat()) && card.messageId().equals(replaced)
                ? Optional.of(card.shownIn(sent.chat(), Optional.of(sent.messageId())))
                : Optional.empty())
        .isPresent();
  }

  /** The card as it stands, drawn for list {@code orderListId}; empty for a list without a card. */
  static Optional<OutboundMessage> current(Stores stores, String listClientOrderId, long orderListId) {
    return stores.cards().find(listClientOrderId).map(card -> draw(stores, card, orderListId));
  }

  /** {@code /orders}' line for a list, or empty for a list without a card. */
  static Optional<String> compact(Stores stores, String listClientOrderId, long orderListId) {
    return stores.cards().find(listClientOrderId).map(card -> Cards.compact(card, orderListId));
  }

  /**
   * The card is now shown by {@code messageId} in {@code chat} (sent again by {@code /status}): the
   * old message is no longer edited. Answers the card as moved; empty for a list without a card.
   */
  static Optional<OrderCard> moved(Stores stores, String listClientOrderId, ChatRef chat, String messageId) {
    return write(stores, listClientOrderId, card -> Optional.of(card.shownIn(chat, Optional.of(messageId))));
  }

  /**
   * The card as drawn now: with the line that says what a ladder's {@code be} will do for it, while
   * its plan waits (the bot acts on the trader's behalf there, and only while it runs).
   */
  static OutboundMessage draw(Stores stores, OrderCard card, long orderListId) {
    Optional<String> note =
        stores.breakevenPlans().findByList(card.listClientOrderId())
            .filter(plan -> !plan.done())
            .map(plan -> plan.firstList().equals(card.listClientOrderId())
                ? TradeReplies.cardBreakevenFirst()
                : TradeReplies.cardBreakevenLater());
    return Cards.render(card, orderListId, note);
  }

  /** Applies {@code change} to the stored card, re-reading it when another write came first. */
  private static Optional<OrderCard> write(Stores stores, String listClientOrderId, Function<OrderCard, Optional<OrderCard>> change) {
    return write(stores, listClientOrderId, stores.cards().find(listClientOrderId), change);
  }

  /**
   * Applies {@code change} to {@code read}, the card as read in this transaction, conditional on its
   * revision; re-reads the card when another write came first.
   */
  private static Optional<OrderCard> write(
      Stores stores, String listClientOrderId, Optional<OrderCard> read, Function<OrderCard, Optional<OrderCard>> change) {
    Optional<OrderCard> card = read;
    for (int i = 0; i < TRIES; i++) {
      if (i > 0) {
        card = stores.cards().find(listClientOrderId);
      }
      if (card.isEmpty()) {
        return Optional.empty();
      }
      Optional<OrderCard> next = change.apply(card.get()).map(OrderCard::nextRevision);
      if (next.isEmpty() || stores.cards().update(next.get())) {
        return next;
      }
    }
    throw new IllegalStateException("the card of " + listClientOrderId + " kept changing under " + TRIES + " writes");
  }
}
