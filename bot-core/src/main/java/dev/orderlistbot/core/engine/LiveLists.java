package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the list a trade action names, for its owner only, and reads it fresh from the exchange:
 * the list, then each leg's order. A list of another user reads exactly like one that does not
 * exist (nobody learns what others hold). Thread-safe.
 */
final class LiveLists {
  private final ExchangeClient exchange;
  private final Transactor transactor;

  LiveLists(ExchangeClient exchange, Transactor transactor) {
    this.exchange = exchange;
    this.transactor = transactor;
  }

  /** The list, or the sentence that says why it cannot be managed. */
  sealed interface Found {
    record Live(TrackedOrderList tracked, LiveList list) implements Found {}

    record Refusal(String sentence) implements Found {}
  }

  /** The bot's record of {@code user}'s list {@code orderListId}, whatever its state. */
  Optional<TrackedOrderList> tracked(UserRef user, long orderListId) {
    return transactor.inTransaction(stores -> stores.orderLists().findByOrderListId(user, orderListId));
  }

  Found read(UserRef user, ApiCredentials credentials, long orderListId) {
    Optional<TrackedOrderList> tracked = tracked(user, orderListId);
    if (tracked.isEmpty()) {
      return new Found.Refusal(TradeReplies.notYourList(orderListId));
    }
    TrackedOrderList list = tracked.get();
    String name = Replies.listName(list.symbol(), list.kind(), orderListId);
    if (list.state() == OrderListState.CANCELLING) {
      return new Found.Refusal(TradeReplies.cancelOnItsWay(name));
    }
    if (!list.state().isOpen()) {
      return new Found.Refusal(TradeReplies.notOpen(name));
    }
    Optional<PlacedOrderList> placed = exchange.orderList(credentials, OrderListRef.of(new OrderListId(orderListId)));
    if (placed.isEmpty() || !placed.get().isOpen()) {
      return new Found.Refusal(TradeReplies.notOpen(name));
    }
    return new Found.Live(list, live(list, placed.get(), leg -> exchange.order(credentials, list.symbol(), OrderRef.of(leg.orderId()))));
  }

  /**
   * The list as an exchange answer shows it (a cancel's answer carries each order's report); legs
   * without a report are asked for.
   */
  LiveList fromAnswer(TrackedOrderList tracked, PlacedOrderList answer, ApiCredentials credentials) {
    return live(tracked, answer, leg -> exchange.order(credentials, tracked.symbol(), OrderRef.of(leg.orderId())));
  }

  private static LiveList live(
      TrackedOrderList tracked, PlacedOrderList placed, java.util.function.Function<ListLeg, Optional<OrderSnapshot>> ask) {
    Map<LegRole, OrderSnapshot> legs = new EnumMap<>(LegRole.class);
    for (ListLeg leg : placed.legs()) {
      Optional<LegRole> role = Texts.roleOf(leg.clientOrderId().value());
      if (role.isEmpty()) {
        continue;
      }
      Optional<OrderSnapshot> order =
          leg.report().isPresent()
              ? leg.report().map(report -> new OrderSnapshot(
                  placed.symbol(), leg.orderId(), Optional.of(placed.id()), leg.clientOrderId(), report, placed.transactionTime()))
              : ask.apply(leg);
      order.ifPresent(o -> legs.put(role.get(), o));
    }
    return new LiveList(tracked.symbol(), tracked.kind(), placed.id().value(), legs);
  }
}
