package dev.orderlistbot.core.port.out;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One order of a placed order list: our {@code clientOrderId}, once known Binance's {@code
 * orderId}, whether the bot has seen the order end (filled, cancelled, expired or rejected), and
 * whether it had filled, even in part, when it ended. A list is followed until every one of its
 * legs has ended: Binance ends an OCO as soon as it resolves, while a triggered stop-loss limit may
 * still rest on the book. An entry whose fill is told after its exits ended says whether anything
 * still guards the position by whether an exit filled.
 */
public record TrackedLeg(String clientOrderId, OptionalLong orderId, boolean ended, boolean filled) {
  public TrackedLeg {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(orderId, "orderId");
    if (clientOrderId.isBlank() || clientOrderId.length() > 64) {
      throw new IllegalArgumentException("a client order id is 1 to 64 characters");
    }
    if (filled && !ended) {
      throw new IllegalArgumentException("a leg is known filled only once it has ended");
    }
  }

  /** A leg the bot has (or has not) seen end, without a fill. */
  public TrackedLeg(String clientOrderId, OptionalLong orderId, boolean ended) {
    this(clientOrderId, orderId, ended, false);
  }

  /** A leg the bot has not seen end. */
  public TrackedLeg(String clientOrderId, OptionalLong orderId) {
    this(clientOrderId, orderId, false);
  }
}
