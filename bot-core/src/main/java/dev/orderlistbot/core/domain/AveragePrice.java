package dev.orderlistbot.core.domain;

import java.util.Objects;

/**
 * A symbol's volume-weighted average price over its last {@code minutes}, as Binance's {@code GET
 * /api/v3/avgPrice} answers it; {@code minutes == 0} means the exchange uses the last price instead.
 *
 * @param price the average
 * @param minutes how many minutes it spans (0: none, the last price stands in)
 */
public record AveragePrice(Price price, int minutes) {
  public AveragePrice {
    Objects.requireNonNull(price, "price");
    if (minutes < 0) {
      throw new IllegalArgumentException("minutes must not be negative: " + minutes);
    }
  }
}
