package dev.orderlistbot.core.domain.order;

import java.util.Objects;

/** How to name one existing order: by Binance's {@code orderId} or by its client order id. */
public sealed interface OrderRef {

  static OrderRef of(long orderId) {
    return new ById(orderId);
  }

  static OrderRef of(ClientOrderId clientId) {
    return new ByClientId(clientId);
  }

  /** The order Binance numbered {@code orderId}. */
  record ById(long orderId) implements OrderRef {
    public ById {
      if (orderId < 0) {
        throw new IllegalArgumentException("an order id is never negative, was " + orderId);
      }
    }
  }

  /** The order placed with {@code clientOrderId = clientId}. */
  record ByClientId(ClientOrderId clientId) implements OrderRef {
    public ByClientId {
      Objects.requireNonNull(clientId, "clientId");
    }
  }
}
