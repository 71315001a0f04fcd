package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable state of one order list's card: what the bot knows of the list, enough to draw the
 * card again after a restart without asking the exchange.
 *
 * @param listClientOrderId the list, as {@link TrackedOrderList#listClientOrderId()}
 * @param environment where the list was placed (the card's badge)
 * @param chat the chat that shows the card
 * @param messageId the message that shows it; empty until the card is shown (or where its message
 *     is not known), and then no edit is sent
 * @param request the placed request in the engine's stable text form (opaque to the store), at most
 *     2,000 characters
 * @param quoteAsset the asset prices are in ({@code USDT}), once known
 * @param legs every leg of the list, in the request's order
 * @param lastPrice the last price the bot heard, once it heard one
 * @param revision raised by one on every write; see {@link OrderCardStore#update}
 */
public record OrderCard(
    String listClientOrderId,
    TradingEnvironment environment,
    ChatRef chat,
    Optional<String> messageId,
    String request,
    Optional<String> quoteAsset,
    List<CardLeg> legs,
    Optional<LastPrice> lastPrice,
    long revision) {
  public OrderCard {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(quoteAsset, "quoteAsset");
    Objects.requireNonNull(lastPrice, "lastPrice");
    legs = List.copyOf(legs);
    if (request.isBlank() || request.length() > 2_000) {
      throw new IllegalArgumentException("a card's request is 1 to 2,000 characters");
    }
    if (revision < 0) {
      throw new IllegalArgumentException("a revision is not negative");
    }
  }

  /** This card with these legs and last price (same revision). */
  public OrderCard withLegs(List<CardLeg> newLegs, Optional<LastPrice> newLastPrice) {
    return new OrderCard(listClientOrderId, environment, chat, messageId, request, quoteAsset, newLegs, newLastPrice, revision);
  }

  /** This card shown by {@code message} in {@code where} (empty: not known; same revision). */
  public OrderCard shownIn(ChatRef where, Optional<String> message) {
    return new OrderCard(listClientOrderId, environment, where, message, request, quoteAsset, legs, lastPrice, revision);
  }

  /** This card with its quote asset (same revision). */
  public OrderCard withQuoteAsset(Optional<String> asset) {
    return new OrderCard(listClientOrderId, environment, chat, messageId, request, asset, legs, lastPrice, revision);
  }

  /** This card as the next revision, to write over this one (see {@link OrderCardStore#update}). */
  public OrderCard nextRevision() {
    return new OrderCard(listClientOrderId, environment, chat, messageId, request, quoteAsset, legs, lastPrice, revision + 1);
  }
}
