package dev.orderlistbot.core.port.out;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The last price the bot heard for a symbol (a fill's price), and when it traded. */
public record LastPrice(BigDecimal price, Instant at) {
  public LastPrice {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(at, "at");
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("a price is positive");
    }
  }
}
