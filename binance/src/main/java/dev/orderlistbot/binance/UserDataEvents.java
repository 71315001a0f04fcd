package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OrderEventIds;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Maps the user data stream's {@code executionReport} and {@code listStatus} events (reference
 * sections 5.3, 5.4) onto {@link OrderListUpdate}. An execution report of an order outside any list
 * ({@code g = -1}) maps to nothing.
 *
 * <p>Event ids name what an event says (see {@link OrderEventIds}), so the same fact found later by
 * an order query during reconciliation is recognised: {@code binance-o-<symbol>-<orderId>-<status>-<filled
 * quantity>} for an execution report, {@code binance-l-<symbol>-<orderListId>-ALL_DONE} (or {@code REJECT})
 * for a list that finished, and {@code binance-l-<symbol>-<orderListId>-<listStatusType>-<transaction
 * time>} for the list updates that only the stream reports.
 */
final class UserDataEvents {
  /** The source name in the ids of Binance's events. */
  static final String SOURCE = "binance";

  private UserDataEvents() {}

  /** The update an event carries, or empty for events the bot does not act on. */
  static Optional<OrderListUpdate> map(EventFields event) {
    return switch (event.text("e")) {
      case "executionReport" -> legChanged(event);
      case "listStatus" -> Optional.of(listChanged(event));
      default -> Optional.empty();
    };
  }

  static Optional<OrderListUpdate> legChanged(EventFields e) {
    long listId = e.asLong("g", -1);
    if (listId < 0) {
      return Optional.empty();
    }
    long orderId = e.asLong("i", 0);
    String original = e.text("C", "");
    String client = original.isEmpty() ? e.text("c") : original;
    LegStatus status = LegStatus.fromBinance(e.text("X"));
    BigDecimal filled = e.decimal("z");
    Symbol symbol = Symbol.of(e.text("s"));
    return Optional.of(
        new OrderListUpdate.LegChanged(
            OrderEventIds.legState(SOURCE, symbol, orderId, status, filled),
            symbol,
            new OrderListId(listId),
            orderId,
            new ClientOrderId(client),
            ReportedOrderType.fromBinance(e.text("o")),
            Side.valueOf(e.text("S")),
            LegExecution.fromBinance(e.text("x")),
            status,
            e.decimal("q"),
            e.decimal("l"),
            e.decimal("L"),
            filled,
            e.decimal("Z"),
            positive(e, "p"),
            positive(e, "P"),
            ExpiryReason.fromBinance(e.isText("eR") ? e.text("eR") : null),
            Instant.ofEpochMilli(e.asLong("T", 0))));
  }

  static OrderListUpdate listChanged(EventFields e) {
    long listId = e.asLong("g", 0);
    String statusType = e.text("l");
    long time = e.asLong("T", 0);
    ListOrderStatus orderStatus = ListOrderStatus.fromBinance(e.text("L"));
    boolean finished = orderStatus == ListOrderStatus.ALL_DONE || orderStatus == ListOrderStatus.REJECT;
    Symbol symbol = Symbol.of(e.text("s"));
    return new OrderListUpdate.ListChanged(
        finished
            ? OrderEventIds.listFinished(SOURCE, symbol, listId, orderStatus)
            : OrderEventIds.list(SOURCE, symbol, listId) + "-" + statusType + "-" + time,
        symbol,
        new OrderListId(listId),
        new ClientListId(e.text("C")),
        ContingencyType.fromBinance(e.text("c")),
        ListStatusType.fromBinance(statusType),
        orderStatus,
        Instant.ofEpochMilli(time));
  }

  private static Optional<BigDecimal> positive(EventFields e, String field) {
    BigDecimal value = e.decimal(field);
    return value.signum() > 0 ? Optional.of(value) : Optional.empty();
  }
}
