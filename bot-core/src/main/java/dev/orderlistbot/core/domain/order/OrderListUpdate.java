package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to an order list, as an exchange reports it: a leg changed (Binance's {@code
 * executionReport}) or the list's status changed ({@code listStatus}). The paper exchange emits
 * the same events. Switch over it exhaustively.
 *
 * <p>{@link #eventId()} identifies the event at its source (for Binance the execution id {@code I}
 * or the list's id, status and transaction time), so a replay after a reconnect or a restart can be
 * recognised and dropped.
 */
public sealed interface OrderListUpdate {
  String eventId();

  Symbol symbol();

  OrderListId orderListId();

  Instant time();

  /**
   * One leg changed.
   *
   * @param clientOrderId the leg's own client order id (for a cancel, the original one, Binance's
   *     {@code C}, not the cancel request's id)
   * @param lastQuantity quantity of this fill (0 when nothing traded)
   * @param lastPrice price of this fill (0 when nothing traded)
   * @param cumulativeQuantity quantity filled so far
   * @param cumulativeQuote quote amount filled so far (average price = quote / quantity)
   */
  record LegChanged(
      String eventId,
      Symbol symbol,
      OrderListId orderListId,
      long orderId,
      ClientOrderId clientOrderId,
      ReportedOrderType type,
      Side side,
      LegExecution execution,
      LegStatus status,
      BigDecimal orderQuantity,
      BigDecimal lastQuantity,
      BigDecimal lastPrice,
      BigDecimal cumulativeQuantity,
      BigDecimal cumulativeQuote,
      Optional<BigDecimal> price,
      Optional<BigDecimal> stopPrice,
      ExpiryReason expiryReason,
      Instant time)
      implements OrderListUpdate {
    public LegChanged {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(orderListId, "orderListId");
      Objects.requireNonNull(clientOrderId, "clientOrderId");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(execution, "execution");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(orderQuantity, "orderQuantity");
      Objects.requireNonNull(lastQuantity, "lastQuantity");
      Objects.requireNonNull(lastPrice, "lastPrice");
      Objects.requireNonNull(cumulativeQuantity, "cumulativeQuantity");
      Objects.requireNonNull(cumulativeQuote, "cumulativeQuote");
      Objects.requireNonNull(price, "price");
      Objects.requireNonNull(stopPrice, "stopPrice");
      Objects.requireNonNull(expiryReason, "expiryReason");
      Objects.requireNonNull(time, "time");
    }
  }

  /** The list's status changed; {@code ALL_DONE} means it is finished. */
  record ListChanged(
      String eventId,
      Symbol symbol,
      OrderListId orderListId,
      ClientListId clientListId,
      ContingencyType contingencyType,
      ListStatusType statusType,
      ListOrderStatus orderStatus,
      Instant time)
      implements OrderListUpdate {
    public ListChanged {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(orderListId, "orderListId");
      Objects.requireNonNull(clientListId, "clientListId");
      Objects.requireNonNull(contingencyType, "contingencyType");
      Objects.requireNonNull(statusType, "statusType");
      Objects.requireNonNull(orderStatus, "orderStatus");
      Objects.requireNonNull(time, "time");
    }

    public boolean isDone() {
      return orderStatus == ListOrderStatus.ALL_DONE;
    }
  }
}
