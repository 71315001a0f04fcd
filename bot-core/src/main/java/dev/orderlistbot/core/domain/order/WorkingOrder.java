package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import java.util.Objects;

/**
 * The working (entry) order of an OTO-family list: a {@code LIMIT} or {@code LIMIT_MAKER} that
 * goes on the book at once and, when fully filled, releases the pending order(s).
 */
public record WorkingOrder(Side side, Quantity quantity, Leg leg) {
  public WorkingOrder {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(leg, "leg");
    if (!(leg instanceof Leg.Limit || leg instanceof Leg.LimitMaker)) {
      throw new IllegalArgumentException("a working order must be LIMIT or LIMIT_MAKER, was " + leg.type());
    }
  }

  /** The entry price (working orders always have one). */
  public Price price() {
    return leg.limitPrice().orElseThrow();
  }
}
