package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** One BTCUSDT list #8821 of trader 42 as the router reads it, and its events, for the tests of {@link Notices}. */
final class NoticeFixtures {
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  static final ClientListId LIST = ClientListId.forKey("abc");
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private NoticeFixtures() {}

  /** The list with legs of {@code roles}, none seen ended. */
  static TrackedOrderList tracked(ListKind kind, OrderListState state, LegRole... roles) {
    List<TrackedLeg> legs = Arrays.stream(roles).map(r -> new TrackedLeg(LIST.legId(r).value(), OptionalLong.empty())).toList();
    return new TrackedOrderList(
        LIST.value(), new UserRef("telegram", "42"), new ChatRef("telegram", "42"), kind, BTCUSDT,
        OptionalLong.of(8821), legs, state, NOW, NOW);
  }

  /** An event of {@code role}'s leg (a SELL of 0.01 at 32,000): {@code status}, with {@code cumulativeQty} filled for {@code cumulativeQuote}. */
  static OrderListUpdate.LegChanged leg(
      LegRole role, LegStatus status, String cumulativeQty, String cumulativeQuote, ExpiryReason reason) {
    LegExecution execution =
        switch (status) {
          case EXPIRED, EXPIRED_IN_MATCH -> LegExecution.EXPIRED;
          case CANCELED -> LegExecution.CANCELED;
          default -> LegExecution.TRADE;
        };
    boolean trade = status == LegStatus.FILLED || status == LegStatus.PARTIALLY_FILLED;
    return new OrderListUpdate.LegChanged(
        "ev-" + role + status, BTCUSDT, new OrderListId(8821), 1001L, new ClientOrderId(LIST.legId(role).value()),
        ReportedOrderType.LIMIT_MAKER, Side.SELL, execution, status,
        new BigDecimal("0.01"), trade ? new BigDecimal(cumulativeQty) : BigDecimal.ZERO, new BigDecimal("32000"),
        new BigDecimal(cumulativeQty), new BigDecimal(cumulativeQuote),
        Optional.of(new BigDecimal("32000")), Optional.empty(), reason, NOW);
  }

  /** A list status event of the list. */
  static OrderListUpdate list(ListStatusType type, ListOrderStatus status) {
    return new OrderListUpdate.ListChanged(
        "list:" + type + status, BTCUSDT, new OrderListId(8821), LIST, ContingencyType.OCO, type, status, NOW);
  }

  /** The same list with every leg but those of {@code open} seen ended (those already ended kept as they were). */
  static TrackedOrderList endedExcept(TrackedOrderList list, LegRole... open) {
    List<String> openIds = Arrays.stream(open).map(r -> LIST.legId(r).value()).toList();
    return withLegs(
        list,
        list.legs().stream()
            .map(l -> openIds.contains(l.clientOrderId())
                ? new TrackedLeg(l.clientOrderId(), l.orderId(), false)
                : l.ended() ? l : new TrackedLeg(l.clientOrderId(), l.orderId(), true))
            .toList());
  }

  /** The same list with every leg seen ended. */
  static TrackedOrderList ended(TrackedOrderList list) {
    return endedExcept(list);
  }

  /** The same list with {@code role}'s leg seen ending filled. */
  static TrackedOrderList filled(TrackedOrderList list, LegRole role) {
    String id = LIST.legId(role).value();
    return withLegs(
        list,
        list.legs().stream().map(l -> l.clientOrderId().equals(id) ? new TrackedLeg(id, l.orderId(), true, true) : l).toList());
  }

  static TrackedOrderList withLegs(TrackedOrderList list, List<TrackedLeg> legs) {
    return new TrackedOrderList(
        list.listClientOrderId(), list.owner(), list.chat(), list.kind(), list.symbol(), list.orderListId(), legs,
        list.state(), list.createdAt(), list.updatedAt());
  }
}
