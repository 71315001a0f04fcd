package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The events the paper exchange emits, shaped like a Binance user data stream's: an {@code
 * executionReport} becomes a {@link OrderListUpdate.LegChanged}, a {@code listStatus} a {@link
 * OrderListUpdate.ListChanged}. A leg's order quantity is 0 while unknown (an OPO exit before the
 * entry filled); market-type legs carry no price.
 */
final class Events {
  private Events() {}

  static OrderListUpdate.LegChanged leg(
      String eventId, PaperList list, PaperLeg leg, LegExecution execution, BigDecimal lastQty, BigDecimal lastPrice,
      Instant now) {
    return new OrderListUpdate.LegChanged(
        eventId,
        list.symbol,
        list.id,
        leg.orderId,
        leg.clientOrderId,
        ReportedOrderType.valueOf(leg.type.name()),
        leg.side,
        execution,
        leg.status,
        leg.quantity.orElse(BigDecimal.ZERO),
        lastQty,
        lastPrice,
        leg.executedQty,
        leg.cumulativeQuote,
        leg.price,
        leg.stopPrice,
        leg.expiryReason,
        now);
  }

  static OrderListUpdate.ListChanged list(String eventId, PaperList list, Instant now) {
    return new OrderListUpdate.ListChanged(
        eventId, list.symbol, list.id, list.clientId, list.contingencyType(), list.statusType(), list.status, now);
  }
}
