package dev.orderlistbot.core.domain.order;

import java.util.Objects;
import java.util.Optional;

/**
 * One order of an order list. Identify legs by {@link #clientOrderId()} (the bot assigned it, see
 * {@link ClientListId#legId(LegRole)}) or by type, never by position: Binance does not specify the
 * order of a list's orders.
 *
 * @param orderId Binance's order id
 * @param clientOrderId the leg's own client order id (for a cancelled leg: its original id, not
 *     the cancel request's)
 * @param report the leg's state; present in placement and cancel answers, absent when a list was
 *     only queried (Binance then sends ids only; query the order for its state)
 */
public record ListLeg(long orderId, ClientOrderId clientOrderId, Optional<LegReport> report) {
  public ListLeg {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(report, "report");
  }
}
