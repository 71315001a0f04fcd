package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Symbol;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One order's state, as answered by an order query (used to follow each leg of a list).
 *
 * @param symbol the pair
 * @param orderId Binance's order id
 * @param orderListId the list the order belongs to; empty for a stand-alone order
 * @param clientOrderId the order's client order id
 * @param report type, side, status, prices and quantities
 * @param updateTime when the order last changed
 */
public record OrderSnapshot(
    Symbol symbol,
    long orderId,
    Optional<OrderListId> orderListId,
    ClientOrderId clientOrderId,
    LegReport report,
    Instant updateTime) {

  public OrderSnapshot {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(orderListId, "orderListId");
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(updateTime, "updateTime");
  }
}
