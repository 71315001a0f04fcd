package dev.orderlistbot.core.port.out;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One order of a placed order list: our {@code clientOrderId} and, once known, Binance's
 * {@code orderId}.
 */
public record TrackedLeg(String clientOrderId, OptionalLong orderId) {
  public TrackedLeg {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(orderId, "orderId");
    if (clientOrderId.isBlank() || clientOrderId.length() > 64) {
      throw new IllegalArgumentException("a client order id is 1 to 64 characters");
    }
  }
}
