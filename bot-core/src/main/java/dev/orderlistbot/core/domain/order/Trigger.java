package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Price;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes a stop-loss or take-profit leg start working: a stop price, a trailing delta, or both
 * (the stop price is then the trailing activation price). Binance requires at least one.
 */
public record Trigger(Optional<Price> stopPrice, Optional<TrailingDelta> trailingDelta) {
  public Trigger {
    Objects.requireNonNull(stopPrice, "stopPrice");
    Objects.requireNonNull(trailingDelta, "trailingDelta");
    if (stopPrice.isEmpty() && trailingDelta.isEmpty()) {
      throw new IllegalArgumentException("a trigger needs a stop price or a trailing delta");
    }
  }

  public static Trigger at(Price stopPrice) {
    return new Trigger(Optional.of(stopPrice), Optional.empty());
  }

  public static Trigger trailing(TrailingDelta delta) {
    return new Trigger(Optional.empty(), Optional.of(delta));
  }
}
