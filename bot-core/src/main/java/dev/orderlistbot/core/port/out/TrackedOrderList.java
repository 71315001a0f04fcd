package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ListKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An order list the bot placed for a user, so later exchange events can be routed back to the owner
 * and the chat it came from.
 *
 * @param listClientOrderId our id, sent to Binance as {@code listClientOrderId}; the key
 * @param orderListId Binance's {@code orderListId}, once known
 * @param legs the list's orders in Binance's order
 */
public record TrackedOrderList(
    String listClientOrderId,
    UserRef owner,
    ChatRef chat,
    ListKind kind,
    Symbol symbol,
    OptionalLong orderListId,
    List<TrackedLeg> legs,
    OrderListState state,
    Instant createdAt,
    Instant updatedAt) {
  public TrackedOrderList {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(orderListId, "orderListId");
    legs = List.copyOf(legs);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (listClientOrderId.isBlank() || listClientOrderId.length() > 64) {
      throw new IllegalArgumentException("a list client order id is 1 to 64 characters");
    }
  }
}
