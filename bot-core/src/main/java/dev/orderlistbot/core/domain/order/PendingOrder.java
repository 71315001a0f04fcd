package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import java.util.Objects;

/** The single pending order of an OTO: placed only once the working order has fully filled. */
public record PendingOrder(Side side, Quantity quantity, Leg leg) {
  public PendingOrder {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(leg, "leg");
  }
}
