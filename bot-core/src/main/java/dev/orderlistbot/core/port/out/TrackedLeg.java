package dev.orderlistbot.core.port.out;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One order of a placed order list: our {@code clientOrderId}, once known Binance's {@code
 * orderId}, and whether the bot has seen the order end (filled, cancelled, expired or rejected).
 * A list is followed until every one of its legs has ended: Binance ends an OCO as soon as it
 * resolves, while a triggered stop-loss limit may still rest on the book.
 */
public record TrackedLeg(String clientOrderId, OptionalLong orderId, boolean ended) {
  public TrackedLeg {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(orderId, "orderId");
    if (clientOrderId.isBlank() || clientOrderId.length() > 64) {
      throw new IllegalArgumentException("a client order id is 1 to 64 characters");
    }
  }

  /** A leg the bot has not seen end. */
  public TrackedLeg(String clientOrderId, OptionalLong orderId) {
    this(clientOrderId, orderId, false);
  }
}
