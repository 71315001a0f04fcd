package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.JsonNode;
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
  static Optional<OrderListUpdate> map(JsonNode event) {
    return switch (event.path("e").asText()) {
      case "executionReport" -> legChanged(event);
      case "listStatus" -> Optional.of(listChanged(event));
      default -> Optional.empty();
    };
  }

  static Optional<OrderListUpdate> legChanged(JsonNode e) {
    long listId = e.path("g").asLong(-1);
    if (listId < 0) {
      return Optional.empty();
    }
    long orderId = e.path("i").asLong();
    String original = e.path("C").asText("");
    String client = original.isEmpty() ? e.path("c").asText() : original;
    LegStatus status = LegStatus.fromBinance(e.path("X").asText());
    BigDecimal filled = decimal(e, "z");
    Symbol symbol = Symbol.of(e.path("s").asText());
    return Optional.of(
        new OrderListUpdate.LegChanged(
            OrderEventIds.legState(SOURCE, symbol, orderId, status, filled),
            symbol,
            new OrderListId(listId),
            orderId,
            new ClientOrderId(client),
            ReportedOrderType.fromBinance(e.path("o").asText()),
            Side.valueOf(e.path("S").asText()),
            LegExecution.fromBinance(e.path("x").asText()),
            status,
            decimal(e, "q"),
            decimal(e, "l"),
            decimal(e, "L"),
            filled,
            decimal(e, "Z"),
            positive(e, "p"),
            positive(e, "P"),
            ExpiryReason.fromBinance(e.path("eR").isTextual() ? e.path("eR").asText() : null),
            Instant.ofEpochMilli(e.path("T").asLong())));
  }

  static OrderListUpdate listChanged(JsonNode e) {
    long listId = e.path("g").asLong();
    String statusType = e.path("l").asText();
    long time = e.path("T").asLong();
    ListOrderStatus orderStatus = ListOrderStatus.fromBinance(e.path("L").asText());
    boolean finished = orderStatus == ListOrderStatus.ALL_DONE || orderStatus == ListOrderStatus.REJECT;
    Symbol symbol = Symbol.of(e.path("s").asText());
    return new OrderListUpdate.ListChanged(
        finished
            ? OrderEventIds.listFinished(SOURCE, symbol, listId, orderStatus)
            : OrderEventIds.list(SOURCE, symbol, listId) + "-" + statusType + "-" + time,
        symbol,
        new OrderListId(listId),
        new ClientListId(e.path("C").asText()),
        ContingencyType.fromBinance(e.path("c").asText()),
        ListStatusType.fromBinance(statusType),
        orderStatus,
        Instant.ofEpochMilli(time));
  }

  private static BigDecimal decimal(JsonNode e, String field) {
    JsonNode node = e.path(field);
    return node.isMissingNode() || node.isNull() ? BigDecimal.ZERO : new BigDecimal(node.asText());
  }

  private static Optional<BigDecimal> positive(JsonNode e, String field) {
    BigDecimal value = decimal(e, field);
    return value.signum() > 0 ? Optional.of(value) : Optional.empty();
  }
}
